import { minimalContract, op, type ValType } from './wasm-builder';

/**
 * Modules wasmd refuses at upload, each breaking one rule of check_wasm (or the start-section
 * rule), with the rule and the words of the error that names it.
 */
export const HOSTILE_MODULES: ReadonlyArray<{
  name: string;
  wasm: () => Uint8Array;
  rule: string;
  error: RegExp;
}> = [
  {
    name: 'bulk memory (memory.copy)',
    wasm: () =>
      minimalContract({
        functions: [
          {
            params: [],
            results: [],
            body: [...op.i32(0), ...op.i32(0), ...op.i32(0), 0xfc, 10, 0, 0],
            export: 'execute',
          },
        ],
      }),
    rule: 'wasm-feature',
    error: /bulk memory/,
  },
  {
    name: 'a start section',
    wasm: () => minimalContract({ start: 0 }),
    rule: 'start-section',
    error: /start/,
  },
  {
    name: 'an unknown import',
    wasm: () => minimalContract({ imports: [{ name: 'get_random', params: [], results: ['i32'] }] }),
    rule: 'unsupported-import',
    error: /"env.get_random"/,
  },
  {
    name: 'a known import with the wrong signature',
    wasm: () => minimalContract({ imports: [{ name: 'db_read', params: ['i32', 'i32'], results: ['i32'] }] }),
    rule: 'import-signature',
    error: /"env.db_read" with signature \(i32, i32\) -> i32, the host provides \(i32\) -> i32/,
  },
  {
    name: 'a missing allocate export',
    wasm: () => minimalContract({}, ['allocate']),
    rule: 'required-export',
    error: /required export: "allocate"/,
  },
  {
    name: 'two memories',
    wasm: () => minimalContract({ memories: [[1], [1]] }),
    rule: 'memory',
    error: /exactly one memory \(found 2\)/,
  },
  {
    name: 'too many locals in one function',
    wasm: () =>
      minimalContract({
        functions: [
          { params: [], results: [], locals: Array<ValType>(101).fill('i32'), body: [], export: 'execute' },
        ],
      }),
    rule: 'function-locals',
    error: /101 locals \(limit 100\)/,
  },
];
