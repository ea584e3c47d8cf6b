// experiment: instance creation cost with an imported, pooled memory
import { readFileSync } from 'node:fs';
import { parseModule } from '../../src/wasm/binary/module';
const bytes = new Uint8Array(readFileSync(require.resolve('@oraichain/common-contracts-build/package.json').replace(/package\.json$/, 'data/cw20-base.wasm')));
const m = parseModule(bytes);
// build variant: move memory to import by hand (hacky experiment)
const mem = m.sections.find(s => s.id === 5)!; const imp = m.sections.find(s => s.id === 2)!;
const out: number[] = [...bytes.subarray(0, 8)];
const enc = (v: number) => { const o: number[] = []; do { let b = v & 0x7f; v >>>= 7; if (v) b |= 0x80; o.push(b); } while (v); return o; };
for (const s of m.sections) {
  if (s.id === 5) continue;
  if (s.id === 2) {
    const payload = bytes.subarray(s.start, s.end);
    let count = 0, p = 0, shift = 0; while (true) { const b = payload[p++]!; count |= (b & 0x7f) << shift; shift += 7; if (!(b & 0x80)) break; }
    const entry = [...enc(3), ...Buffer.from('env'), ...enc(6), ...Buffer.from('memory'), 2, 1, ...enc(m.memories[0]!.min), ...enc(512)];
    const np = [...enc(count + 1), ...payload.subarray(p), ...entry];
    out.push(2, ...enc(np.length), ...np);
  } else for (const b of bytes.subarray(s.headerStart, s.end)) out.push(b);
}
const mod = new WebAssembly.Module(new Uint8Array(out));
const imports: any = {}; for (const n of ['abort','db_read','db_write','db_remove','db_scan','db_next','addr_validate','addr_canonicalize','addr_humanize','secp256k1_verify','secp256k1_recover_pubkey','ed25519_verify','ed25519_batch_verify','debug','query_chain']) imports[n] = () => 0;
const memory = new WebAssembly.Memory({ initial: m.memories[0]!.min, maximum: 512 } as any);
let t = Date.now();
for (let i = 0; i < 1000; i++) { new Uint8Array(memory.buffer).fill(0); new WebAssembly.Instance(mod, { env: { ...imports, memory } }); }
console.log('1000 instances with pooled memory', Date.now() - t, 'ms');
const mod2 = new WebAssembly.Module(bytes);
t = Date.now();
for (let i = 0; i < 1000; i++) new WebAssembly.Instance(mod2, { env: imports });
console.log('1000 instances own memory', Date.now() - t, 'ms');
