import { Harness, account, contractWasm } from './support/harness';
import { MEMORY_IMPORT } from '../../src/wasm/gas/instrument';
const h = new Harness();
const alice = account(1);
h.upload(alice, contractWasm('cw20-base'));
const compiled = [...(h.keeper.cache as any).compiled.values()][0];
const imports: any = {}; for (const n of ['abort','db_read','db_write','db_remove','db_scan','db_next','addr_validate','addr_canonicalize','addr_humanize','secp256k1_verify','secp256k1_recover_pubkey','ed25519_verify','ed25519_batch_verify','debug','query_chain']) imports[n] = () => 0;
const memory = new WebAssembly.Memory({ initial: compiled.initialMemoryPages, maximum: 512 });
for (let round = 0; round < 3; round++) {
let t = performance.now();
for (let i = 0; i < 2000; i++) new WebAssembly.Instance(compiled.module, { env: imports, [MEMORY_IMPORT.module]: { memory } });
console.log('instance no fill', ((performance.now() - t) / 2000 * 1000).toFixed(1), 'us');
t = performance.now();
for (let i = 0; i < 2000; i++) new Uint8Array(memory.buffer).fill(0);
console.log('fill', ((performance.now() - t) / 2000 * 1000).toFixed(1), 'us');
}
import { parseModule } from '../../src/wasm/binary/module';
import { instrumentGas } from '../../src/wasm/gas/instrument';
const inst = instrumentGas(parseModule(contractWasm('cw20-base')));
const pm = parseModule(inst);
const parts: Uint8Array[] = [inst.subarray(0, 8)];
for (const s of pm.sections) { if (s.id === 9) parts.push(new Uint8Array([9, 1, 0])); else parts.push(inst.subarray(s.headerStart, s.end)); }
const noElem = new WebAssembly.Module(Buffer.concat(parts));
for (let round = 0; round < 3; round++) {
const t = performance.now();
for (let i = 0; i < 2000; i++) new WebAssembly.Instance(noElem, { env: imports, [MEMORY_IMPORT.module]: { memory } });
console.log('instance without elements', ((performance.now() - t) / 2000 * 1000).toFixed(1), 'us');
}
const parts2: Uint8Array[] = [inst.subarray(0, 8)];
for (const s of pm.sections) { if (s.id === 11) parts2.push(new Uint8Array([11, 1, 0])); else parts2.push(inst.subarray(s.headerStart, s.end)); }
const noData = new WebAssembly.Module(Buffer.concat(parts2));
for (let round = 0; round < 3; round++) {
const t = performance.now();
for (let i = 0; i < 2000; i++) new WebAssembly.Instance(noData, { env: imports, [MEMORY_IMPORT.module]: { memory } });
console.log('instance without data', ((performance.now() - t) / 2000 * 1000).toFixed(1), 'us');
}
