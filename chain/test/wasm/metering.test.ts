import { GAS_LEFT_EXPORT, instrumentGas, parseModule } from '../../src/wasm';
import { buildModule, op, type FuncDef } from './support/wasm-builder';

const MEMORY = { module: 'nymts', name: 'memory' };
const PLAIN = 115n;
const ACCOUNTING = 1610n;

function instrumented(functions: FuncDef[], memoryPages = 1, physicalPages = memoryPages) {
  const bytes = instrumentGas(parseModule(buildModule({ functions, memories: [[memoryPages]] })));
  const memory = new WebAssembly.Memory({ initial: physicalPages, maximum: 512 });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    [MEMORY.module]: { [MEMORY.name]: memory },
  });
  const gas = instance.exports[GAS_LEFT_EXPORT] as WebAssembly.Global;
  const fn = (name: string) => instance.exports[name] as (...args: number[]) => number;
  return { gas, fn, memory, instance };
}

describe('gas instrumentation (cosmwasm-vm metering rules)', () => {
  it('charges 115 per operator and 1610 per accounting operator, per straight-line block', () => {
    const { gas, fn } = instrumented([
      { params: [], results: [], body: [...op.i32(1), ...op.drop], export: 'f' },
    ]);
    gas.value = 10_000n;
    fn('f')();
    expect(gas.value).toBe(10_000n - (2n * PLAIN + ACCOUNTING));
  });

  it('charges a counted loop exactly', () => {
    const countdown: FuncDef = {
      params: ['i32'],
      results: [],
      locals: ['i32'],
      export: 'countdown',
      body: [
        ...op.localGet(0),
        ...op.localSet(1),
        ...op.loopVoid,
        ...op.localGet(1),
        ...op.i32(1),
        0x6b,
        0x22,
        0x01,
        0x0d,
        0x00, // sub, local.tee 1, br_if 0
        ...op.end,
      ],
    };
    const { gas, fn } = instrumented([countdown]);
    for (const n of [1, 10, 1000]) {
      gas.value = 100_000_000n;
      fn('countdown')(n);
      const entry = 2n * PLAIN + ACCOUNTING; // local.get, local.set, loop
      const iteration = 4n * PLAIN + ACCOUNTING; // local.get, i32.const, i32.sub, local.tee, br_if
      const exit = 2n * ACCOUNTING; // loop end, function end
      expect(100_000_000n - (gas.value as bigint)).toBe(entry + BigInt(n) * iteration + exit);
    }
  });

  it('traps an endless loop once the gas is gone, leaving the counter negative', () => {
    const { gas, fn } = instrumented([
      { params: [], results: [], body: [...op.loopVoid, ...op.br(0), ...op.end], export: 'spin' },
    ]);
    gas.value = 50_000_000n;
    expect(() => fn('spin')()).toThrow(WebAssembly.RuntimeError);
    expect(gas.value as bigint).toBeLessThan(0n);
  });

  it('traps at once when the host never set the gas', () => {
    const { fn } = instrumented([{ params: [], results: [], body: [...op.i32(1), ...op.drop], export: 'f' }]);
    expect(() => fn('f')()).toThrow(WebAssembly.RuntimeError);
  });

  it('counts the accounting operators wasmer counts: call, if/else, br_table, return', () => {
    const body = [
      ...op.call(1), // call g
      ...op.i32(0),
      ...op.ifVoid,
      ...op.end,
      0x02,
      0x40,
      ...op.i32(0),
      0x0e,
      0x00,
      0x00,
      ...op.end, // block { br_table [] 0 }
      ...op.return,
    ];
    const { gas, fn } = instrumented([
      { params: [], results: [], body, export: 'f' },
      { params: [], results: [], body: [], export: 'g' },
    ]);
    gas.value = 1_000_000n;
    fn('f')();
    const g = ACCOUNTING; // its end
    // As in wasmer, a block's charge sits just before its `end`, inside the block: a false `if`
    // and a branch out of the block skip those charges.
    const f =
      ACCOUNTING + // call
      PLAIN +
      ACCOUNTING + // i32.const, if
      PLAIN +
      PLAIN +
      ACCOUNTING + // block, i32.const, br_table
      ACCOUNTING; // return (the function's own end is never reached)
    expect(1_000_000n - (gas.value as bigint)).toBe(f + g);
  });
});

describe('virtual memory size', () => {
  const functions: FuncDef[] = [
    { params: [], results: ['i32'], body: op.memorySize, export: 'size' },
    { params: ['i32'], results: ['i32'], body: [...op.localGet(0), ...op.memoryGrow], export: 'grow' },
    { params: ['i32'], results: ['i32'], body: [...op.localGet(0), ...op.i32Load(0)], export: 'load' },
    {
      params: ['i32', 'i32'],
      results: [],
      body: [...op.localGet(0), ...op.localGet(1), ...op.i32Store(0)],
      export: 'store',
    },
  ];

  it('shows the contract its own size even when the physical memory is larger', () => {
    const { gas, fn, memory } = instrumented(functions, 1, 4);
    gas.value = 1_000_000_000n;
    expect(memory.buffer.byteLength).toBe(4 * 65536);
    expect(fn('size')()).toBe(1);
    expect(() => fn('load')(65536)).toThrow(WebAssembly.RuntimeError);
    expect(() => fn('load')(65533)).toThrow(WebAssembly.RuntimeError);
    expect(fn('load')(65532)).toBe(0);
    expect(fn('grow')(1)).toBe(1);
    expect(fn('size')()).toBe(2);
    fn('store')(65536, 7);
    expect(fn('load')(65536)).toBe(7);
  });

  it('grows the physical memory on demand and refuses to pass 512 pages', () => {
    const { gas, fn, memory } = instrumented(functions, 1);
    gas.value = 1_000_000_000n;
    expect(fn('grow')(3)).toBe(1);
    expect(memory.buffer.byteLength).toBe(4 * 65536);
    expect(fn('grow')(509)).toBe(-1);
    expect(fn('grow')(508)).toBe(4);
    expect(fn('size')()).toBe(512);
    expect(fn('grow')(1)).toBe(-1);
  });

  it('tracks the range of memory the contract stored to', () => {
    const { gas, fn, instance } = instrumented(functions, 1);
    gas.value = 1_000_000_000n;
    fn('store')(4000, 1);
    fn('store')(100, 1);
    expect((instance.exports.__nymts_dirty_low as WebAssembly.Global).value).toBe(100n);
    expect((instance.exports.__nymts_dirty_high as WebAssembly.Global).value).toBe(4004n);
  });
});
