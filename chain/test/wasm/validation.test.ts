import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { checkWasm, DEFAULT_CAPABILITIES, WasmValidationError, type WasmRule } from '../../src/wasm';
import { contractWasm, CW_PLUS_DIRECTORY } from './support/harness';
import { buildModule, minimalContract, op, type ValType } from './support/wasm-builder';

const capabilities = new Set(DEFAULT_CAPABILITIES);

function ruleOf(bytes: Uint8Array): WasmRule | 'ok' {
  try {
    checkWasm(bytes, capabilities);
    return 'ok';
  } catch (error) {
    if (error instanceof WasmValidationError) return error.rule;
    throw error;
  }
}

function messageOf(bytes: Uint8Array): string {
  try {
    checkWasm(bytes, capabilities);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('module was accepted');
}

describe('check_wasm: the real cw-plus binaries', () => {
  it.each(readdirSync(CW_PLUS_DIRECTORY).filter((name) => name.endsWith('.wasm')))('%s passes', (name) => {
    const checked = checkWasm(new Uint8Array(readFileSync(CW_PLUS_DIRECTORY + name)), capabilities);
    expect(checked.requiredCapabilities).toEqual(expect.arrayContaining(['iterator']));
  });

  it('rejects cw20-base when the chain lacks a capability it requires', () => {
    expect(() => checkWasm(contractWasm('cw20-base'), new Set(['iterator']))).toThrow(
      /requires unavailable capabilities: \{"staking", "stargate"\}/,
    );
  });
});

describe('check_wasm: hostile and non-conforming modules', () => {
  // The seven modules of HOSTILE_MODULES are uploaded through cosmjs in
  // test/integration/wasm-failures.test.ts; these are the other rules and edge cases.
  it('accepts the minimal contract the other cases start from', () => {
    expect(ruleOf(minimalContract())).toBe('ok');
  });

  it('rejects bulk memory sections (DataCount, passive segments)', () => {
    expect(messageOf(minimalContract({ dataCount: true, data: [{ offset: 0, bytes: [1] }] }))).toMatch(
      /DataCount/,
    );
    expect(messageOf(minimalContract({ passiveData: [[1, 2]] }))).toMatch(/passive data segment/);
  });

  it('rejects an import from another module', () => {
    expect(
      ruleOf(
        minimalContract({
          imports: [{ module: 'wasi', name: 'db_read', params: ['i32'], results: ['i32'] }],
        }),
      ),
    ).toBe('unsupported-import');
  });

  it('rejects a non-function import', () => {
    const memoryImport = [3, ...Buffer.from('env'), 3, ...Buffer.from('mem'), 0x02, 0x00, 0x01];
    expect(ruleOf(minimalContract({ extraImports: [memoryImport], memories: [] }))).toBe('memory');
    const globalImport = [3, ...Buffer.from('env'), 1, ...Buffer.from('g'), 0x03, 0x7f, 0x00];
    expect(ruleOf(minimalContract({ extraImports: [globalImport] }))).toBe('non-function-import');
  });

  it('rejects a missing or wrong interface version', () => {
    expect(ruleOf(minimalContract({}, ['interface_version_8']))).toBe('interface-version');
    const old = minimalContract(
      { functions: [{ params: [], results: [], body: [], export: 'interface_version_7' }] },
      ['interface_version_8'],
    );
    expect(messageOf(old)).toMatch(/interface_version_7/);
    const two = minimalContract({
      functions: [{ params: [], results: [], body: [], export: 'interface_version_9' }],
    });
    expect(messageOf(two)).toMatch(/more than one marker export/);
  });

  it('rejects no memory, a memory maximum and a memory above 512 pages', () => {
    expect(ruleOf(minimalContract({ memories: [] }))).toBe('memory');
    expect(messageOf(minimalContract({ memories: [[1, 2]] }))).toMatch(/maximum must be unset/);
    expect(messageOf(minimalContract({ memories: [[513]] }))).toMatch(/must not exceed 512 pages/);
  });

  it('accepts 100 locals in one function (the limit)', () => {
    const atLimit = minimalContract({
      functions: [{ params: [], results: [], locals: Array(100).fill('i64'), body: [] }],
    });
    expect(ruleOf(atLimit)).toBe('ok');
  });

  it('rejects functions with more than one result or 100 parameters', () => {
    expect(
      ruleOf(
        minimalContract({
          functions: [{ params: [], results: ['i32', 'i32'], body: [...op.i32(1), ...op.i32(2)] }],
        }),
      ),
    ).toBe('function-results');
    const params: ValType[] = Array(101).fill('i32');
    expect(ruleOf(minimalContract({ functions: [{ params, results: [], body: [] }] }))).toBe(
      'function-params',
    );
  });

  it('rejects unbounded or oversized tables and two tables', () => {
    expect(messageOf(minimalContract({ tables: [[1]] }))).toMatch(/unbound table/);
    expect(messageOf(minimalContract({ tables: [[1, 2501]] }))).toMatch(/too large max limit/);
    expect(
      messageOf(
        minimalContract({
          tables: [
            [1, 1],
            [1, 1],
          ],
        }),
      ),
    ).toMatch(/more than 1 table/);
    expect(ruleOf(minimalContract({ tables: [[1, 2500]] }))).toBe('ok');
  });

  it('rejects SIMD, threads and reference-type instructions', () => {
    const withBody = (body: number[]) => minimalContract({ functions: [{ params: [], results: [], body }] });
    expect(messageOf(withBody([0xfd, 0x0c, ...Array(16).fill(0), ...op.drop]))).toMatch(/SIMD/);
    expect(messageOf(withBody([...op.i32(0), 0xfe, 0x10, 0x02, 0x00, ...op.drop]))).toMatch(/threads/);
    expect(messageOf(withBody([0xd0, 0x70, 0xd1, ...op.drop]))).toMatch(/reference types/);
  });

  it('accepts sign-extension and saturating float-to-int instructions', () => {
    const body = [...op.i32(200), 0xc0, ...op.drop, 0x43, 0, 0, 0x80, 0x3f, 0xfc, 0x00, ...op.drop];
    expect(ruleOf(minimalContract({ functions: [{ params: [], results: [], body }] }))).toBe('ok');
  });

  it('rejects a capability the chain does not offer', () => {
    const module = minimalContract({
      functions: [{ params: [], results: [], body: [], export: 'requires_sha1' }],
    });
    expect(messageOf(module)).toMatch(/unavailable capabilities: \{"sha1"\}/);
  });

  it('rejects malformed bytes with a decode error, never a crash', () => {
    expect(ruleOf(new Uint8Array([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]))).toBe('malformed');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const prefixed = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...bytes]);
        expect([
          'malformed',
          'memory',
          'wasm-feature',
          'invalid-module',
          'table',
          'interface-version',
          'start-section',
          'required-export',
          'unsupported-import',
          'non-function-import',
          'import-signature',
          'function-results',
          'function-params',
          'function-locals',
          'ok',
        ]).toContain(ruleOf(prefixed));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a module the engine does not validate', () => {
    const module = minimalContract({
      functions: [{ params: [], results: ['i32'], body: [], export: 'execute' }],
    });
    expect(ruleOf(module)).toBe('invalid-module');
  });

  it('builds modules the way the builder claims (sanity)', () => {
    expect(WebAssembly.validate(buildModule({ functions: [{ params: [], results: [], body: [] }] }))).toBe(
      true,
    );
  });
});
