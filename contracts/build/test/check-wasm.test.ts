// The upload checks: every committed artifact passes them, and each rule catches the construct it
// is about in a module built for that purpose.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS_DIR,
  CHECKSUMS_FILE,
  checkWasm,
  CONTRACTS,
  ENTRY_POINTS,
  formatChecksums,
  sha256Hex,
} from '../src';
import { checkWasm as chainUploadCheck, DEFAULT_CAPABILITIES } from '@nymts/chain';
import { readSections, SECTION } from '../src/wasm-reader';
import { buildModule, F64, I32, leb, type ModuleSpec, validSpec } from './support/wasm-builder';

const ALLOWED_IMPORTS = new Set(
  [
    'abort',
    'debug',
    'db_read',
    'db_write',
    'db_remove',
    'db_scan',
    'db_next',
    'addr_validate',
    'addr_canonicalize',
    'addr_humanize',
    'secp256k1_verify',
    'ed25519_verify',
    'query_chain',
  ].map((n) => `env.${n}`),
);

function problemsOf(spec: ModuleSpec, options = {}): string[] {
  return checkWasm(buildModule(spec), options).problems;
}

describe('committed artifacts', () => {
  const files = readdirSync(ARTIFACTS_DIR).filter((f) => f.endsWith('.wasm'));

  test('there is one artifact per contract', () => {
    expect(files.sort()).toEqual(CONTRACTS.map((c) => `${c.name}.wasm`).sort());
  });

  test.each(CONTRACTS.map((c) => c.name))('%s passes the chain’s own upload validation', (name) => {
    const wasm = readFileSync(join(ARTIFACTS_DIR, `${name}.wasm`));
    expect(() => chainUploadCheck(wasm, new Set(DEFAULT_CAPABILITIES))).not.toThrow();
    // The same check refuses it on a chain without the iterator capability the contract needs.
    expect(() => chainUploadCheck(wasm, new Set())).toThrow(/iterator/);
  });

  test.each(CONTRACTS.map((c) => c.name))(
    '%s passes the upload checks, without floats or a start section',
    (name) => {
      const wasm = readFileSync(join(ARTIFACTS_DIR, `${name}.wasm`));
      const report = checkWasm(wasm, { requiredExports: ENTRY_POINTS, forbidFloats: true });
      expect(report.problems).toEqual([]);
      expect(report.floatInstructions).toBe(0);
      expect(readSections(wasm).map((s) => s.id)).not.toContain(SECTION.start);
      expect(readSections(wasm).map((s) => s.id)).not.toContain(SECTION.dataCount);
      for (const imported of report.imports) expect(ALLOWED_IMPORTS).toContain(imported);
      expect(report.exports).toEqual(
        expect.arrayContaining(['interface_version_8', 'allocate', 'deallocate', ...ENTRY_POINTS]),
      );
      expect(report.exports).not.toContain('_start');
      // A contract that iterates says so, so a chain without iterators refuses it at upload.
      if (report.imports.includes('env.db_scan')) expect(report.exports).toContain('requires_iterator');
      expect(report.maxLocals).toBeLessThanOrEqual(100);
    },
  );

  test('checksums.txt is sha256sum of the artifacts', () => {
    const artifacts = files.map((file) => {
      const bytes = readFileSync(join(ARTIFACTS_DIR, file));
      return { name: file.replace(/\.wasm$/, ''), file, sha256: sha256Hex(bytes), size: bytes.length };
    });
    expect(readFileSync(join(ARTIFACTS_DIR, CHECKSUMS_FILE), 'utf8')).toBe(formatChecksums(artifacts));
    expect(formatChecksums(artifacts)).toMatch(/^([0-9a-f]{64} {2}[a-z_]+\.wasm\n)+$/);
  });
});

describe('checkWasm rules', () => {
  test('a minimal valid module passes', () => {
    expect(problemsOf(validSpec())).toEqual([]);
  });

  test('start section', () => {
    expect(problemsOf({ ...validSpec(), start: 0 })).toEqual([expect.stringMatching(/^start section/)]);
  });

  test('floats: refused for nymts contracts, counted but allowed otherwise (as wasmd does)', () => {
    const spec = validSpec();
    // f64.const 1.0; f64.const 2.0; f64.add; drop
    spec.functions![0] = {
      type: 0,
      body: [0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0x44, 0, 0, 0, 0, 0, 0, 0, 0x40, 0xa0, 0x1a],
    };
    expect(problemsOf(spec, { forbidFloats: true })).toHaveLength(3);
    const report = checkWasm(buildModule(spec));
    expect(report.problems).toEqual([]);
    expect(report.floatInstructions).toBe(3);
    const withLocal = validSpec();
    withLocal.functions![0] = { type: 0, locals: [[1, F64]] };
    expect(problemsOf(withLocal, { forbidFloats: true })).toEqual(['function 0 has f32/f64 locals']);
    const truncSat = validSpec();
    truncSat.functions![1] = { type: 1, body: [0x20, 0x00, 0x1a, 0x41, 0x00, 0xbe, 0xfc, 0x02] }; // f32.reinterpret; i32.trunc_sat_f32_s
    expect(problemsOf(truncSat, { forbidFloats: true })).toHaveLength(2);
  });

  test('bulk memory: memory.copy, memory.fill, passive data, DataCount', () => {
    const copy = validSpec();
    copy.functions![0] = { type: 0, body: [0x41, 0, 0x41, 0, 0x41, 0, 0xfc, ...leb(10), 0, 0] };
    expect(problemsOf(copy)).toEqual([expect.stringMatching(/bulk-memory instruction 0xfc/)]);
    const fill = validSpec();
    fill.functions![0] = { type: 0, body: [0x41, 0, 0x41, 0, 0x41, 0, 0xfc, ...leb(11), 0] };
    expect(problemsOf(fill)).toEqual([expect.stringMatching(/bulk-memory/)]);
    expect(problemsOf({ ...validSpec(), data: [[0x01, 0x01, 0x2a]], dataCount: 1 })).toEqual([
      'DataCount section (bulk memory)',
      'passive data segment (bulk memory)',
    ]);
    // An active segment is fine: i32.const 11 (whose LEB byte is 0x0b, like `end`), then 1 byte.
    expect(problemsOf({ ...validSpec(), data: [[0x00, 0x41, 0x0b, 0x0b, 0x01, 0x2a]] })).toEqual([]);
  });

  test('SIMD, reference types and tail calls', () => {
    const simd = validSpec();
    simd.functions![0] = { type: 0, body: [0xfd, 0x0c] };
    expect(problemsOf(simd)).toEqual([expect.stringMatching(/simd instruction/)]);
    const refs = validSpec();
    refs.functions![0] = { type: 0, body: [0xd0, 0x70, 0x1a] };
    expect(problemsOf(refs)).toEqual([expect.stringMatching(/reference-types instruction/)]);
    const tail = validSpec();
    tail.functions![0] = { type: 0, body: [0x12, 0x00] };
    expect(problemsOf(tail)).toEqual([expect.stringMatching(/tail-call instruction/)]);
  });

  test('imports: only supported env functions with their signatures', () => {
    const ok = { ...validSpec(), imports: [{ module: 'env', name: 'db_read', type: 1 }] };
    ok.exports = ok.exports!.map(([n, i]) => [n, i + 1] as [string, number]);
    expect(problemsOf(ok)).toEqual([]);
    expect(problemsOf({ ...ok, imports: [{ module: 'env', name: 'seed', type: 1 }] })).toEqual([
      'import env.seed is not a supported CosmWasm import',
    ]);
    expect(problemsOf({ ...ok, imports: [{ module: 'wasi', name: 'db_read', type: 1 }] })).toEqual([
      'import wasi.db_read is not a supported CosmWasm import',
    ]);
    expect(problemsOf({ ...ok, imports: [{ module: 'env', name: 'db_read', type: 0 }] })).toEqual([
      'import env.db_read has the wrong signature',
    ]);
    const importedMemory = {
      ...validSpec(),
      memories: undefined,
      imports: [{ module: 'env', name: 'memory', memory: [0x00, 0x01] }],
    };
    expect(problemsOf(importedMemory)).toEqual(['import env.memory is not a function']);
  });

  test('memory: exactly one, at most 512 pages, no maximum', () => {
    expect(problemsOf({ ...validSpec(), memories: [[0x01, 0x01, 0x02]] })).toEqual([
      'memory declares a maximum (none is allowed)',
    ]);
    expect(problemsOf({ ...validSpec(), memories: [[0x00, ...leb(513)]] })).toEqual([
      'memory starts at 513 pages (at most 512)',
    ]);
    expect(problemsOf({ ...validSpec(), memories: [] })).toEqual(['0 memories (exactly one is required)']);
  });

  test('tables: a maximum is required and at most 2500', () => {
    expect(problemsOf({ ...validSpec(), tables: [[0x70, 0x00, 0x01]] })).toEqual(['table without a maximum']);
    expect(problemsOf({ ...validSpec(), tables: [[0x70, 0x01, 0x01, ...leb(3000)]] })).toEqual([
      'table maximum 3000 (at most 2500)',
    ]);
    expect(problemsOf({ ...validSpec(), tables: [[0x70, 0x01, 0x01, ...leb(2500)]] })).toEqual([]);
  });

  test('exports: interface_version_8 exactly, allocate, deallocate, entry points, capabilities', () => {
    const without = (name: string) => ({
      ...validSpec(),
      exports: validSpec().exports!.filter(([n]) => n !== name),
    });
    expect(problemsOf(without('allocate'))).toEqual(['missing export allocate']);
    expect(problemsOf(without('interface_version_8'))).toEqual([
      'interface version exports []: exactly interface_version_8 is required',
    ]);
    expect(
      problemsOf({ ...validSpec(), exports: [...validSpec().exports!, ['interface_version_7', 0]] }),
    ).toEqual([
      'interface version exports ["interface_version_8","interface_version_7"]: exactly interface_version_8 is required',
    ]);
    expect(problemsOf(validSpec(), { requiredExports: ['execute'] })).toEqual(['missing export execute']);
    expect(
      problemsOf({ ...validSpec(), exports: [...validSpec().exports!, ['requires_iterator', 0]] }),
    ).toEqual([]);
    expect(
      problemsOf({ ...validSpec(), exports: [...validSpec().exports!, ['requires_teleport', 0]] }),
    ).toEqual(['requires capability teleport the chain lacks']);
  });

  test('functions: at most 100 locals and one result', () => {
    const locals = validSpec();
    locals.functions![0] = {
      type: 0,
      locals: [
        [60, I32],
        [41, I32],
      ],
    };
    expect(problemsOf(locals)).toEqual(['function 0 has 101 locals']);
    const multi = {
      ...validSpec(),
      types: [...validSpec().types!, [[], [I32, I32]]] as Array<[number[], number[]]>,
    };
    multi.functions = [...multi.functions!, { type: 3, body: [0x41, 0, 0x41, 0] }];
    expect(problemsOf(multi)).toEqual(['a function returns 2 values (i32, i32)']);
  });

  test('malformed input is a clear error', () => {
    expect(() => checkWasm(Uint8Array.from([0, 1, 2]))).toThrow('not a wasm 1.0 module');
    const truncated = buildModule(validSpec()).subarray(0, 30);
    expect(() => checkWasm(truncated)).toThrow(/unexpected end/);
  });
});
