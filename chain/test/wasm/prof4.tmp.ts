import { readFileSync } from 'node:fs';
import { toBech32 } from '@cosmjs/encoding';
import { createGasMeter, WasmKeeper, type WasmContext } from '../../src/wasm';
import { MemoryBank } from './support/memory-bank';
import { MemoryStore } from './support/memory-store';
const CW20 = readFileSync(require.resolve('@oraichain/common-contracts-build/package.json').replace(/package\.json$/, 'data/cw20-base.wasm'));
const owner = toBech32('n', new Uint8Array(20).fill(1));
const recipients = [2, 3, 4, 5].map((n) => toBech32('n', new Uint8Array(20).fill(n)));
const store = new MemoryStore();
const keeper = new WasmKeeper({ bech32Prefix: 'n' }, { bank: new MemoryBank() });
let height = 1;
const ctx = (): WasmContext => ({ store, gas: createGasMeter(1_000_000), block: { height: height++, timeNanos: 5n, chainId: 'x' }, txIndex: 0 });
const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const codeId = keeper.storeCode(ctx(), { sender: owner, wasmByteCode: CW20 }).response.codeId;
const contract = keeper.instantiate(ctx(), { sender: owner, admin: '', codeId, label: 'nym', msg: json({ name: 'Nym', symbol: 'NYM', decimals: 6, initial_balances: [{ address: owner, amount: '1000000000000' }], mint: null }), funds: [] }).response.address;
let i = 0;
for (let r = 0; r < 40; r++) {
  const t = performance.now();
  for (let k = 0; k < 1000; k++) keeper.execute(ctx(), { sender: owner, contract, msg: json({ transfer: { recipient: recipients[i++ % 4], amount: '1' } }), funds: [] });
  console.log('1000 transfers', (performance.now() - t).toFixed(0), 'ms');
}
