import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineSuite, percentile } from '@nymts/bench';
import { toBech32 } from '@cosmjs/encoding';
import { secp256k1 } from '@noble/curves/secp256k1';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { AuthInfo, SignDoc, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import WebSocket from 'ws';
import { addressFromSecp256k1, initHome } from '../src';
import { startNodeProcess } from '../test/support/node-process';

/**
 * The chain's tx pipeline end to end: a `nymts chain start` process (pinned to one core when
 * taskset exists) takes pre-signed bank sends over broadcast_tx_sync; the figures are txs per
 * second until all are included, and broadcast→inclusion latency in instant mode.
 */
const SENDERS = 64;
const TXS_PER_SENDER = 40;
const LATENCY_SAMPLES = 200;

interface Sender {
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  address: string;
  accountNumber: bigint;
  sequence: bigint;
}

function newSender(): Omit<Sender, 'accountNumber' | 'sequence'> {
  const privateKey = new Uint8Array(randomBytes(32));
  const publicKey = secp256k1.getPublicKey(privateKey, true);
  return { privateKey, publicKey, address: toBech32('n', addressFromSecp256k1(publicKey)) };
}

function signSend(sender: Sender, to: string, chainId: string): Uint8Array {
  const bodyBytes = TxBody.encode(
    TxBody.fromPartial({
      messages: [
        {
          typeUrl: MsgSend.typeUrl,
          value: MsgSend.encode({
            fromAddress: sender.address,
            toAddress: to,
            amount: [{ denom: 'unyx', amount: '1' }],
          }).finish(),
        },
      ],
    }),
  ).finish();
  const authInfoBytes = AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [
        {
          publicKey: {
            typeUrl: '/cosmos.crypto.secp256k1.PubKey',
            value: PubKey.encode({ key: sender.publicKey }).finish(),
          },
          modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } },
          sequence: sender.sequence,
        },
      ],
      fee: { amount: [{ denom: 'unyx', amount: '3000' }], gasLimit: 120_000n },
    }),
  ).finish();
  const signDoc = SignDoc.encode({
    bodyBytes,
    authInfoBytes,
    chainId,
    accountNumber: sender.accountNumber,
  }).finish();
  const digest = createHash('sha256').update(signDoc).digest();
  const signature = secp256k1.sign(digest, sender.privateKey, { lowS: true }).toCompactRawBytes();
  sender.sequence++;
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
}

async function rpc(
  url: string,
  method: string,
  params: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: Record<string, unknown>; error?: { data: string } };
  if (body.result === undefined) throw new Error(`${method}: ${body.error?.data}`);
  return body.result;
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
      chainId: 'nyx-bench',
      accounts: senders.map((sender) => `${sender.address}:1000000000000unyx`),
      config: { blockTime: 'instant' },
    });
    const pinned = process.platform === 'linux' && (await hasTaskset());
    const node = await startNodeProcess(home, [], pinned ? '0' : undefined);
    try {
      // Genesis numbers accounts in the order given: fee collector first, then the senders.
      const funded = senders.map((sender, index) => ({
        ...sender,
        accountNumber: BigInt(index + 1),
        sequence: 0n,
      }));
      ctx.progress(`signing ${SENDERS * TXS_PER_SENDER} txs`);
      const batches = funded.map((sender) =>
        Array.from({ length: TXS_PER_SENDER }, () => signSend(sender, recipient, 'nyx-bench')),
      );
      const total = SENDERS * TXS_PER_SENDER;

      ctx.progress('throughput');
      const startHeight = Number(
        ((await rpc(node.url, 'status', {})).sync_info as { latest_block_height: string })
          .latest_block_height,
      );
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
      const included = Number(
        (await rpc(node.url, 'tx_search', { query: `tx.height>${startHeight}`, per_page: '1' })).total_count,
      );
      if (included !== total) throw new Error(`expected ${total} txs included, found ${included}`);
      const endHeight = Number(
        ((await rpc(node.url, 'status', {})).sync_info as { latest_block_height: string })
          .latest_block_height,
      );
      ctx.report({
        name: 'txs per block under that load',
        value: total / (endHeight - startHeight),
        unit: 'tx',
      });
      ctx.report({
        name: `bank sends through the full pipeline${pinned ? ' (node pinned to one core)' : ''}`,
        value: (total * 1000) / elapsed,
        unit: 'tx/s',
      });
      // On a shared machine the node rarely has its core to itself; txs per CPU-second of the
      // node process is what one dedicated core would sustain.
      if (cpuUsed > 0 && Number.isFinite(cpuUsed))
        ctx.report({
          name: 'bank sends per CPU-second of the node process',
          value: total / cpuUsed,
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
    } finally {
      node.child.kill('SIGTERM');
      await node.exited;
      rmSync(home, { recursive: true, force: true });
    }
  },
});

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
    const tx = signSend(sender, recipient, 'nyx-bench');
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

async function hasTaskset(): Promise<boolean> {
  const { spawnSync } = await import('node:child_process');
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}
