import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineSuite } from '@nymts/bench';
import { createChain, type ChainNode, type CommittedBlock } from '../src';
import {
  CHAIN_ID,
  newSender,
  signInstantiate,
  signSend,
  signStoreCode,
  signTransfer,
  CW20,
  cw20Init,
  type Sender,
} from './support/signing';

/**
 * Where a tx's CPU time goes on the node without RPC: the node's own CheckTx (`submitTx`) and
 * block production (execution, header, SQLite commit on disk, tx index) called in process, blocks
 * of BLOCK_TXS. The difference to `chain.bench.ts`'s per-CPU-second figures is the JSON-RPC/HTTP
 * layer and smaller blocks. CPU is the whole process's: V8's compiler and GC threads count too.
 * The first WARMUP_ROUNDS run while V8 still compiles the node's code and tiers the contract's
 * wasm up on its background threads (about 3 s of CPU for cw20-base's TurboFan code); their rate
 * is reported on its own line, the steady state on the others.
 */
const SENDERS = 64;
const ROUNDS = 48;
const WARMUP_ROUNDS = 24;
const BLOCK_TXS = 32;

export default defineSuite({
  name: 'chain pipeline in process',
  async run(ctx) {
    const dataDir = mkdtempSync(join(tmpdir(), 'nymts-pipeline-'));
    const keys = Array.from({ length: SENDERS }, newSender);
    const chain = await createChain({
      dataDir,
      blockTime: 'instant',
      chainId: CHAIN_ID,
      devAccountCount: 0,
      accounts: keys.map((key) => ({ address: key.address, coins: [{ denom: 'unyx', amount: 10n ** 12n }] })),
    });
    try {
      const { node } = chain;
      node.produceBlock();
      const senders = keys.map((key) => ({
        ...key,
        accountNumber: accountNumber(node, key.address),
        sequence: 0n,
      }));
      const recipient = senders[0]!.address;
      ctx.progress('bank sends');
      const bank = measure(
        node,
        rounds(senders, (sender) => signSend(sender, recipient, CHAIN_ID)),
      );
      report(ctx, 'bank sends', bank);
      ctx.progress('cw20 transfers');
      const token = deployCw20(node, senders);
      const cw20 = measure(
        node,
        rounds(senders, (sender, index, round) =>
          signTransfer(sender, token, senders[(index + round + 1) % SENDERS]!.address, CHAIN_ID),
        ),
      );
      report(ctx, 'cw20 transfers', cw20);
    } finally {
      await chain.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

interface Costs {
  /** Microseconds of CPU per tx. */
  checkTx: number;
  block: number;
}

function report(
  ctx: Parameters<Parameters<typeof defineSuite>[0]['run']>[0],
  what: string,
  { warmup, costs }: { warmup: Costs; costs: Costs },
): void {
  const label = `${what}, in process without RPC, blocks of ${BLOCK_TXS}`;
  ctx.report({
    name: `${label}: tx per CPU-second over the first ${WARMUP_ROUNDS * SENDERS} txs (warm-up)`,
    value: 1e6 / (warmup.checkTx + warmup.block),
    unit: 'tx/s',
  });
  ctx.report({
    name: `${label}: tx per CPU-second`,
    value: 1e6 / (costs.checkTx + costs.block),
    unit: 'tx/s',
  });
  ctx.report({ name: `${label}: CheckTx CPU per tx`, value: costs.checkTx, unit: 'µs' });
  ctx.report({ name: `${label}: block CPU per tx (execute, commit, index)`, value: costs.block, unit: 'µs' });
}

/** Each sender's txs, round by round (one tx per sender per round), in arrival order. */
function rounds(
  senders: Sender[],
  sign: (sender: Sender, index: number, round: number) => Uint8Array,
): Uint8Array[][] {
  return Array.from({ length: ROUNDS }, (_, round) =>
    senders.map((sender, index) => sign(sender, index, round)),
  );
}

/** CheckTx then a block, BLOCK_TXS at a time; the first rounds warm up, measured apart. */
function measure(node: ChainNode, txRounds: Uint8Array[][]): { warmup: Costs; costs: Costs } {
  const run = (txs: Uint8Array[]) => {
    let checkTx = 0;
    let block = 0;
    for (let start = 0; start < txs.length; start += BLOCK_TXS) {
      const before = cpuMicros();
      for (const tx of txs.slice(start, start + BLOCK_TXS)) {
        const { outcome } = node.submitTx(tx);
        if (outcome.code !== 0) throw new Error(`CheckTx failed: ${outcome.log}`);
      }
      const checked = cpuMicros();
      succeeded(node.produceBlock());
      block += cpuMicros() - checked;
      checkTx += checked - before;
    }
    return { checkTx: checkTx / txs.length, block: block / txs.length };
  };
  const warmup = run(txRounds.slice(0, WARMUP_ROUNDS).flat());
  return { warmup, costs: run(txRounds.slice(WARMUP_ROUNDS).flat()) };
}

function succeeded(block: CommittedBlock): CommittedBlock {
  const failed = block.txs.find((tx) => tx.outcome.code !== 0);
  if (failed !== undefined) throw new Error(`tx failed in block ${block.height}: ${failed.outcome.log}`);
  return block;
}

function deployCw20(node: ChainNode, senders: Sender[]): string {
  const deployer = senders[0]!;
  const include = (tx: Uint8Array) => {
    node.submitTx(tx);
    return succeeded(node.produceBlock()).txs[0]!.outcome.events;
  };
  const stored = include(signStoreCode(deployer, CW20, CHAIN_ID));
  const codeId = BigInt(attribute(stored, 'store_code', 'code_id'));
  const instantiated = include(
    signInstantiate(deployer, codeId, cw20Init(senders.map((sender) => sender.address)), CHAIN_ID),
  );
  return attribute(instantiated, 'instantiate', '_contract_address');
}

function attribute(
  events: CommittedBlock['txs'][number]['outcome']['events'],
  type: string,
  key: string,
): string {
  const value = events.find((event) => event.type === type)?.attributes.find((a) => a.key === key)?.value;
  if (value === undefined) throw new Error(`no ${type}.${key} event attribute`);
  return value;
}

function accountNumber(node: ChainNode, address: string): bigint {
  const ctx = node.app.queryContext(node.height);
  const account = ctx.auth.account(ctx.addresses.decode(address));
  if (account === undefined) throw new Error(`genesis account ${address} is missing`);
  return account.accountNumber;
}

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}
