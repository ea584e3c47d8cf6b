import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchContext, defineSuite, percentile } from '@nymts/bench';
import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate';
import { DirectSecp256k1Wallet } from '@cosmjs/proto-signing';
import { GasPrice } from '@cosmjs/stargate';
import WebSocket from 'ws';
import { initHome } from '../src';
import { startNodeProcess, type NodeProcess } from '../test/support/node-process';
import {
  CHAIN_ID,
  CW20,
  cw20Init,
  newSender,
  signSend,
  signTransfer,
  transferMsg,
  type Sender,
} from './support/signing';

/**
 * The chain's tx pipeline end to end: a `nymts chain start` process (pinned to one core when
 * taskset exists) takes pre-signed txs over broadcast_tx_sync — bank sends, then cw20-base
 * transfers (metered) — and the figures are txs per second until all are included (wall clock and
 * per CPU-second of the node), broadcast→inclusion latency in instant mode, and the same cw20
 * transfers on @oraichain/cw-simulate (metered) in this process as the baseline.
 */
const SENDERS = 64;
const TXS_PER_SENDER = 48;
/**
 * The first txs of each sender warm the node (and cw-simulate) up and are reported apart: V8
 * compiles the node's code and, after the upload, tiers the contract's wasm up on background
 * threads (about 3 s of CPU for cw20-base), which on one core competes with the node itself.
 */
const WARMUP_PER_SENDER = 16;
const LATENCY_SAMPLES = 200;

/**
 * The load generator's HTTP client: node:http over kept-alive connections (one per sender).
 * fetch costs this process 4–6× more CPU per request (370–800 µs against 70–130 µs measured
 * here), enough to make the client, not the node, set the wall-clock rate on a 2-core machine.
 */
const agent = new Agent({
  keepAlive: true,
  // With a timeout set, Node's agent closes an idle socket a second before the server's
  // Keep-Alive hint (5 s); without one it ignores the hint, and a socket reused after a pause
  // (the cw20 deployment) can meet the server's close: "socket hang up".
  timeout: 60_000,
});

function rpc(url: string, method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              result?: Record<string, unknown>;
              error?: { data: string };
            };
            if (parsed.result === undefined) reject(new Error(`${method}: ${parsed.error?.data}`));
            else resolve(parsed.result);
          } catch (error) {
            reject(error as Error);
          }
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function broadcast(url: string, tx: Uint8Array): Promise<string> {
  const result = await rpc(url, 'broadcast_tx_sync', { tx: Buffer.from(tx).toString('base64') });
  if (result.code !== 0) throw new Error(`tx rejected: ${result.log}`);
  return result.hash as string;
}

export default defineSuite({
  name: 'chain',
  async run(ctx) {
    const home = mkdtempSync(join(tmpdir(), 'nymts-bench-'));
    const senders = Array.from({ length: SENDERS }, newSender);
    const recipient = senders[0]!.address;
    await initHome({
      home,
      dev: false,
      chainId: CHAIN_ID,
      accounts: senders.map((sender) => `${sender.address}:1000000000000unyx`),
      config: { blockTime: 'instant' },
    });
    const pinned = process.platform === 'linux' && (await hasTaskset());
    const node = await startNodeProcess(home, [], pinned ? '0' : undefined, benchNodeArgs());
    const onOneCore = pinned ? ' (node pinned to one core)' : '';
    try {
      // Genesis numbers accounts in the order given: fee collector first, then the senders.
      const funded = senders.map((sender, index) => ({
        ...sender,
        accountNumber: BigInt(index + 1),
        sequence: 0n,
      }));

      ctx.progress(`bank sends: signing ${SENDERS * TXS_PER_SENDER} txs`);
      const sends = funded.map((sender) =>
        Array.from({ length: TXS_PER_SENDER }, () => signSend(sender, recipient, CHAIN_ID)),
      );
      const bank = await warmUpThenTime(ctx, node, 'bank sends', sends);
      ctx.report({ name: 'txs per block under bank-send load', value: bank.perBlock, unit: 'tx' });
      ctx.report({
        name: `bank sends through the full pipeline${onOneCore}`,
        value: bank.perSecond,
        unit: 'tx/s',
      });
      if (bank.perCpuSecond !== undefined)
        ctx.report({
          name: 'bank sends per CPU-second of the node process',
          value: bank.perCpuSecond,
          unit: 'tx/s',
        });

      ctx.progress('latency');
      const latencies = await measureLatency(node.url, funded[1]!, recipient);
      ctx.report({
        name: 'broadcast to inclusion, instant mode, p50',
        value: percentile(latencies, 50),
        unit: 'ms',
      });
      ctx.report({
        name: 'broadcast to inclusion, instant mode, p99',
        value: percentile(latencies, 99),
        unit: 'ms',
      });

      ctx.progress('cw20: upload and instantiate');
      const token = await deployCw20(node.url, funded);
      ctx.progress(`cw20 transfers: signing ${SENDERS * TXS_PER_SENDER} txs`);
      const transfers = funded.map((sender, index) =>
        Array.from({ length: TXS_PER_SENDER }, (_, i) =>
          signTransfer(sender, token, funded[(index + i + 1) % SENDERS]!.address, CHAIN_ID),
        ),
      );
      const cw20 = await warmUpThenTime(ctx, node, 'cw20 transfers', transfers);
      ctx.progress('cw20 transfers on cw-simulate');
      const baseline = await cwSimulateTransfers(senders.map((sender) => sender.address));
      ctx.report({ name: 'txs per block under cw20-transfer load', value: cw20.perBlock, unit: 'tx' });
      ctx.compare({
        name: `cw20 transfers/s through the full pipeline${onOneCore}, metered (vs cw-simulate, metered, in process)`,
        value: cw20.perSecond,
        baseline: baseline.perSecond,
        unit: 'tx/s',
      });
      if (cw20.perCpuSecond !== undefined)
        ctx.compare({
          name: 'cw20 transfers per CPU-second of the node (vs cw-simulate per CPU-second)',
          value: cw20.perCpuSecond,
          baseline: baseline.perCpuSecond,
          unit: 'tx/s',
        });
    } finally {
      agent.destroy();
      node.child.kill('SIGTERM');
      await node.exited;
      rmSync(home, { recursive: true, force: true });
    }
  },
});

/** Each sender's first WARMUP_PER_SENDER txs, reported as the warm-up; then the rest, timed. */
async function warmUpThenTime(
  ctx: BenchContext,
  node: NodeProcess,
  what: string,
  batches: Uint8Array[][],
): Promise<Throughput> {
  const warmup = await throughput(
    node,
    batches.map((txs) => txs.slice(0, WARMUP_PER_SENDER)),
  );
  ctx.report({
    name: `${what}: the first ${SENDERS * WARMUP_PER_SENDER} (warm-up), wall clock`,
    value: warmup.perSecond,
    unit: 'tx/s',
  });
  if (warmup.perCpuSecond !== undefined)
    ctx.report({
      name: `${what}: the first ${SENDERS * WARMUP_PER_SENDER} (warm-up) per CPU-second of the node`,
      value: warmup.perCpuSecond,
      unit: 'tx/s',
    });
  return throughput(
    node,
    batches.map((txs) => txs.slice(WARMUP_PER_SENDER)),
  );
}

interface Throughput {
  perSecond: number;
  /** Txs per CPU-second of the node process (undefined where /proc is missing). */
  perCpuSecond: number | undefined;
  perBlock: number;
}

/**
 * Broadcasts each sender's txs in order (senders concurrently) with broadcast_tx_sync, waits
 * until the mempool is empty, and checks that every tx was included and succeeded.
 */
async function throughput(node: NodeProcess, batches: Uint8Array[][]): Promise<Throughput> {
  const total = batches.reduce((sum, txs) => sum + txs.length, 0);
  const startHeight = await latestHeight(node.url);
  const cpuBefore = processCpuSeconds(node.child.pid);
  const started = performance.now();
  await Promise.all(
    batches.map(async (txs) => {
      for (const tx of txs) await broadcast(node.url, tx);
    }),
  );
  while (Number((await rpc(node.url, 'num_unconfirmed_txs', {})).total) > 0) await sleep(5);
  const elapsed = performance.now() - started;
  const cpuUsed = processCpuSeconds(node.child.pid) - cpuBefore;
  const endHeight = await latestHeight(node.url);
  const query = (condition: string) =>
    rpc(node.url, 'tx_search', { query: `tx.height>${startHeight} AND ${condition}`, per_page: '1' });
  const included = Number((await query(`tx.height<=${endHeight}`)).total_count);
  if (included !== total) throw new Error(`expected ${total} txs included, found ${included}`);
  const succeeded = Number((await query('message.module EXISTS')).total_count);
  if (succeeded !== total) throw new Error(`${total - succeeded} of ${total} txs failed`);
  return {
    perSecond: (total * 1000) / elapsed,
    perCpuSecond: cpuUsed > 0 && Number.isFinite(cpuUsed) ? total / cpuUsed : undefined,
    perBlock: total / (endHeight - startHeight),
  };
}

async function latestHeight(url: string): Promise<number> {
  const status = await rpc(url, 'status', {});
  return Number((status.sync_info as { latest_block_height: string }).latest_block_height);
}

/** cw20-base with a balance for every sender, uploaded and instantiated by sender 0 with cosmjs. */
async function deployCw20(url: string, senders: Sender[]): Promise<string> {
  const deployer = senders[0]!;
  const wallet = await DirectSecp256k1Wallet.fromKey(deployer.privateKey, 'n');
  const client = await SigningCosmWasmClient.connectWithSigner(url, wallet, {
    gasPrice: GasPrice.fromString('0.025unyx'),
    broadcastPollIntervalMs: 50,
  });
  try {
    const { codeId } = await client.upload(deployer.address, CW20, 'auto');
    const { contractAddress } = await client.instantiate(
      deployer.address,
      codeId,
      cw20Init(senders.map((sender) => sender.address)),
      'bench token',
      'auto',
    );
    deployer.sequence = BigInt(await client.getSequence(deployer.address).then((s) => s.sequence));
    return contractAddress;
  } finally {
    client.disconnect();
  }
}

/**
 * The same transfers on @oraichain/cw-simulate with its metering on, in this process: each
 * sender sends TXS_PER_SENDER transfers, after the same warm-up round; rate over wall clock and
 * over this process's CPU time.
 */
async function cwSimulateTransfers(senders: string[]): Promise<{ perSecond: number; perCpuSecond: number }> {
  const { CWSimulateApp } = await import('@oraichain/cw-simulate');
  // cw-simulate's gas limit is one budget for the whole app, not per transaction
  const app = new CWSimulateApp({ chainId: CHAIN_ID, bech32Prefix: 'n', metering: true, gasLimit: 1e15 });
  const codeId = app.wasm.create(senders[0]!, CW20);
  const instantiated = await app.wasm.instantiateContract(
    senders[0]!,
    [],
    codeId,
    cw20Init(senders),
    'bench token',
  );
  if (!instantiated.ok) throw new Error(`cw-simulate instantiate failed: ${instantiated.val}`);
  const contract = instantiated.val.events[0]!.attributes[0]!.value;
  const round = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      for (const [index, sender] of senders.entries()) {
        const result = await app.wasm.executeContract(
          sender,
          [],
          contract,
          transferMsg(senders[(index + i + 1) % senders.length]!),
        );
        if (!result.ok) throw new Error(`cw-simulate transfer failed: ${result.val}`);
      }
    }
  };
  await round(0, WARMUP_PER_SENDER);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await round(WARMUP_PER_SENDER, TXS_PER_SENDER);
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const total = senders.length * (TXS_PER_SENDER - WARMUP_PER_SENDER);
  return { perSecond: (total * 1000) / elapsed, perCpuSecond: total / ((cpu.user + cpu.system) / 1e6) };
}

/** One tx at a time: from sending broadcast_tx_sync to the Tx event of its block. */
async function measureLatency(url: string, sender: Sender, recipient: string): Promise<number[]> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/websocket`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const waiting = new Map<string, () => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { result?: { events?: Record<string, string[]> } };
    const hash = message.result?.events?.['tx.hash']?.[0];
    if (hash !== undefined) waiting.get(hash)?.();
  });
  socket.send(
    JSON.stringify({ jsonrpc: '2.0', id: 'tx', method: 'subscribe', params: { query: "tm.event='Tx'" } }),
  );
  await sleep(100);
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const tx = signSend(sender, recipient, CHAIN_ID);
    const hash = createHash('sha256').update(tx).digest('hex').toUpperCase();
    const included = new Promise<void>((resolve) => waiting.set(hash, resolve));
    const started = performance.now();
    await broadcast(url, tx);
    await included;
    samples.push(performance.now() - started);
    waiting.delete(hash);
  }
  socket.close();
  return samples.sort((a, b) => a - b);
}

/** utime + stime of a process from /proc (Linux); NaN elsewhere. */
function processCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** USER_HZ, 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Extra arguments for the node process's `node` (whitespace-separated), e.g.
 * NYMTS_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it during the bench.
 */
function benchNodeArgs(): string[] {
  return (process.env.NYMTS_BENCH_NODE_ARGS ?? '').split(/\s+/).filter((arg) => arg !== '');
}

async function hasTaskset(): Promise<boolean> {
  const { spawnSync } = await import('node:child_process');
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}
