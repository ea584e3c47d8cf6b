import { readFileSync } from 'node:fs';
import { toBech32 } from '@cosmjs/encoding';
import { defineSuite, measureRate, median } from '@nymts/bench';
import { createGasMeter, WasmKeeper, type InstanceMode, type WasmContext } from '../src/wasm';
import { MemoryBank } from '../test/wasm/support/memory-bank';
import { MemoryStore } from '../test/wasm/support/memory-store';

// cw20 transfers per second through our keeper (metering on) against the same transfer sequence
// on @oraichain/cw-simulate with its metering on, in the same process. The in-memory store and
// bank stand in for chain-core's (this measures the VM host and keeper, not SQLite).
const CW20 = readFileSync(
  require
    .resolve('@oraichain/common-contracts-build/package.json')
    .replace(/package\.json$/, 'data/cw20-base.wasm'),
);
const PREFIX = 'n';
const owner = toBech32(PREFIX, new Uint8Array(20).fill(1));
const recipients = [2, 3, 4, 5].map((n) => toBech32(PREFIX, new Uint8Array(20).fill(n)));
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
const GAS_LIMIT = 1_000_000;

function ourTransfers(mode: InstanceMode): () => void {
  const store = new MemoryStore();
  const keeper = new WasmKeeper({ bech32Prefix: PREFIX, instanceMode: mode }, { bank: new MemoryBank() });
  let height = 1;
  const ctx = (): WasmContext => ({
    store,
    gas: createGasMeter(GAS_LIMIT),
    block: { height: height++, timeNanos: BigInt(height) * 5_000_000_000n, chainId: 'nyx-bench' },
    txIndex: 0,
  });
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const codeId = keeper.storeCode(ctx(), { sender: owner, wasmByteCode: CW20 }).response.codeId;
  const contract = keeper.instantiate(ctx(), {
    sender: owner,
    admin: '',
    codeId,
    label: 'nym',
    msg: json(initMsg),
    funds: [],
  }).response.address;
  let i = 0;
  return () => {
    keeper.execute(ctx(), { sender: owner, contract, msg: json(transferMsg(i++)), funds: [] });
  };
}

async function cwSimulateTransfers(): Promise<() => Promise<void>> {
  const { CWSimulateApp } = await import('@oraichain/cw-simulate');
  // cw-simulate's gas limit is one budget for the whole app, not per transaction
  const app = new CWSimulateApp({
    chainId: 'nyx-bench',
    bech32Prefix: PREFIX,
    metering: true,
    gasLimit: 1e15,
  });
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
  name: 'chain wasm host',
  async run(ctx) {
    const ours = ourTransfers('restored');
    const oursNewInstances = ourTransfers('new');
    const theirs = await cwSimulateTransfers();
    // V8 compiles a hot wasm function with its optimising tier in the background, so both
    // sides get a long warm-up before anything is timed
    const warm = { minDurationMs: 4000, minIterations: 3000, warmupIterations: 0, signal: ctx.signal };
    ctx.progress('warming up');
    await measureRate(ours, warm);
    await measureRate(theirs, warm);
    await measureRate(oursNewInstances, { ...warm, minIterations: 300 });
    // many short alternating windows, so load from other processes falls on both sides alike;
    // each side's figure is the median of its windows
    const options = { minDurationMs: 300, minIterations: 20, warmupIterations: 0, signal: ctx.signal };
    ctx.progress('measuring cw20 transfers');
    const rates = { ours: [] as number[], theirs: [] as number[], oursNew: [] as number[] };
    for (let round = 0; round < 20; round++) {
      rates.ours.push((await measureRate(ours, options)).opsPerSecond);
      rates.theirs.push((await measureRate(theirs, options)).opsPerSecond);
      if (round % 4 === 0) rates.oursNew.push((await measureRate(oursNewInstances, options)).opsPerSecond);
    }
    const best = {
      ours: median(rates.ours.sort((a, b) => a - b)),
      theirs: median(rates.theirs.sort((a, b) => a - b)),
      oursNew: median(rates.oursNew.sort((a, b) => a - b)),
    };
    ctx.compare({
      name: 'cw20 transfers/s, metered (vs cw-simulate, metered)',
      value: best.ours,
      baseline: best.theirs,
      unit: 'tx/s',
    });
    ctx.report({
      name: 'cw20 transfers/s, metered, a new wasm instance per call',
      value: best.oursNew,
      unit: 'tx/s',
    });
  },
});
