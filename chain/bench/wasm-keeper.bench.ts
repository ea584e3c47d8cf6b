import { defineSuite, measureRate, median } from '@nymts/bench';
import { account, contractWasm, Harness } from '../test/wasm/support/harness';
import { CHAIN_ID } from './support/signing';

// Where the time of a cw20 transfer goes without the pipeline around it: the wasm module's
// message handler on the node's own context, stores (in memory) and bank, metering on, against
// the same transfers on @oraichain/cw-simulate with its metering on, in the same process.
// `chain.bench.ts` measures the same transfers through the full pipeline (signatures, RPC, blocks,
// SQLite).
const CW20 = contractWasm('cw20-base');
const owner = account(1);
const recipients = [2, 3, 4, 5].map(account);
const initMsg = {
  name: 'Nym',
  symbol: 'NYM',
  decimals: 6,
  initial_balances: [{ address: owner, amount: '1000000000000' }],
  mint: null,
};
const transferMsg = (i: number) => ({
  transfer: { recipient: recipients[i % recipients.length], amount: '1' },
});

function ourTransfers(): () => void {
  const harness = new Harness();
  const codeId = harness.upload(owner, CW20);
  const contract = harness.instantiate(owner, codeId, initMsg).address;
  let i = 0;
  return () => {
    harness.execute(owner, contract, transferMsg(i++), [], 1_000_000);
  };
}

async function cwSimulateTransfers(): Promise<() => Promise<void>> {
  const { CWSimulateApp } = await import('@oraichain/cw-simulate');
  // cw-simulate's gas limit is one budget for the whole app, not per transaction
  const app = new CWSimulateApp({ chainId: CHAIN_ID, bech32Prefix: 'n', metering: true, gasLimit: 1e15 });
  const codeId = app.wasm.create(owner, CW20);
  const instantiated = await app.wasm.instantiateContract(owner, [], codeId, initMsg, 'nym');
  if (!instantiated.ok) throw new Error(`cw-simulate instantiate failed: ${instantiated.val}`);
  const contract = instantiated.val.events[0]!.attributes[0]!.value;
  let i = 0;
  return async () => {
    const result = await app.wasm.executeContract(owner, [], contract, transferMsg(i++));
    if (!result.ok) throw new Error(`cw-simulate transfer failed: ${result.val}`);
  };
}

export default defineSuite({
  name: 'chain wasm keeper',
  async run(ctx) {
    const ours = ourTransfers();
    const theirs = await cwSimulateTransfers();
    // V8 compiles hot wasm with its optimising tier in the background: warm both sides up first
    const warm = { minDurationMs: 3000, minIterations: 2000, warmupIterations: 0, signal: ctx.signal };
    ctx.progress('warming up');
    await measureRate(ours, warm);
    await measureRate(theirs, warm);
    // short alternating windows, so load from other processes falls on both sides alike
    const options = { minDurationMs: 300, minIterations: 20, warmupIterations: 0, signal: ctx.signal };
    ctx.progress('measuring cw20 transfers');
    const rates = { ours: [] as number[], theirs: [] as number[] };
    for (let round = 0; round < 15; round++) {
      rates.ours.push((await measureRate(ours, options)).opsPerSecond);
      rates.theirs.push((await measureRate(theirs, options)).opsPerSecond);
    }
    ctx.compare({
      name: 'cw20 transfers/s in the wasm module, no pipeline, metered (vs cw-simulate, metered)',
      value: median(rates.ours.sort((a, b) => a - b)),
      baseline: median(rates.theirs.sort((a, b) => a - b)),
      unit: 'tx/s',
    });
  },
});
