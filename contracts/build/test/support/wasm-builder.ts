// Assembles small wasm modules byte by byte, so the checker's tests can hold exactly the construct
// under test (a start section, one float instruction, a passive segment, …).

export const I32 = 0x7f;
export const I64 = 0x7e;
export const F64 = 0x7c;

export function leb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

function name(text: string): number[] {
  const bytes = [...Buffer.from(text, 'utf8')];
  return [...leb(bytes.length), ...bytes];
}

function vector(items: number[][]): number[] {
  return [...leb(items.length), ...items.flat()];
}

function section(id: number, content: number[]): number[] {
  return [id, ...leb(content.length), ...content];
}

export interface FunctionSpec {
  type: number;
  /** Local declarations as [count, value type] groups. */
  locals?: Array<[number, number]>;
  /** The body's instructions, without the final `end`. */
  body?: number[];
}

export interface ModuleSpec {
  types?: Array<[number[], number[]]>;
  imports?: Array<
    { module: string; name: string; type: number } | { module: string; name: string; memory: number[] }
  >;
  functions?: FunctionSpec[];
  tables?: number[][];
  memories?: number[][];
  exports?: Array<[string, number]>;
  start?: number;
  data?: number[][];
  dataCount?: number;
}

/** Imports: none. Types: 0 = () → (), 1 = (i32) → i32, 2 = (i32) → (). */
export const BASE_TYPES: Array<[number[], number[]]> = [
  [[], []],
  [[I32], [I32]],
  [[I32], []],
];

/** A module that passes every check: memory, interface_version_8, allocate, deallocate. */
export function validSpec(): ModuleSpec {
  return {
    types: BASE_TYPES,
    functions: [{ type: 0 }, { type: 1, body: [0x20, 0x00] }, { type: 2 }],
    memories: [[0x00, ...leb(1)]],
    exports: [
      ['interface_version_8', 0],
      ['allocate', 1],
      ['deallocate', 2],
    ],
  };
}

export function buildModule(spec: ModuleSpec): Uint8Array {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types = spec.types ?? BASE_TYPES;
  out.push(
    ...section(
      1,
      vector(types.map(([p, r]) => [0x60, ...vector(p.map((t) => [t])), ...vector(r.map((t) => [t]))])),
    ),
  );
  const imports = spec.imports ?? [];
  if (imports.length > 0) {
    out.push(
      ...section(
        2,
        vector(
          imports.map((i) =>
            'type' in i
              ? [...name(i.module), ...name(i.name), 0x00, ...leb(i.type)]
              : [...name(i.module), ...name(i.name), 0x02, ...i.memory],
          ),
        ),
      ),
    );
  }
  const functions = spec.functions ?? [];
  out.push(...section(3, vector(functions.map((f) => leb(f.type)))));
  if (spec.tables) out.push(...section(4, vector(spec.tables)));
  if (spec.memories) out.push(...section(5, vector(spec.memories)));
  const exported = (spec.exports ?? []).map(([n, index]) => [...name(n), 0x00, ...leb(index)]);
  exported.push([...name('memory'), 0x02, 0x00]);
  out.push(...section(7, vector(exported)));
  if (spec.start !== undefined) out.push(...section(8, leb(spec.start)));
  if (spec.dataCount !== undefined) out.push(...section(12, leb(spec.dataCount)));
  const bodies = functions.map((f) => {
    const locals = vector((f.locals ?? []).map(([count, type]) => [...leb(count), type]));
    const body = [...locals, ...(f.body ?? []), 0x0b];
    return [...leb(body.length), ...body];
  });
  out.push(...section(10, vector(bodies)));
  if (spec.data) out.push(...section(11, vector(spec.data)));
  return Uint8Array.from(out);
}
