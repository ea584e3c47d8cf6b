// Test-only: a small encoder for hand-made wasm modules (hostile modules and scripted contracts).
export type ValType = 'i32' | 'i64' | 'f32' | 'f64';
const VAL: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c };

export function u32(value: number): number[] {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0);
  return out;
}

export function s32(value: number): number[] {
  const out: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    if ((rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const str = (text: string) => {
  const bytes = [...Buffer.from(text)];
  return [...u32(bytes.length), ...bytes];
};
const vec = (items: number[][]) => [...u32(items.length), ...items.flat()];
const section = (id: number, payload: number[]) => [id, ...u32(payload.length), ...payload];

export interface FuncDef {
  params: ValType[];
  results: ValType[];
  locals?: ValType[];
  /** Instructions without the final `end`. */
  body: number[];
  export?: string;
}

export interface ModuleDef {
  imports?: { module?: string; name: string; params: ValType[]; results: ValType[] }[];
  extraImports?: number[][];
  functions: FuncDef[];
  /** Memories as [min, max?]. */
  memories?: [number, number?][];
  tables?: [number, number?][];
  globals?: { type: ValType; mutable: boolean; init: number }[];
  data?: { offset: number; bytes: number[] }[];
  start?: number;
  dataCount?: boolean;
  passiveData?: number[][];
  exportMemory?: boolean;
}

/** Encodes a module; function indices count imports first, as in wasm. */
export function buildModule(def: ModuleDef): Uint8Array {
  const types: string[] = [];
  const typeIndex = (params: ValType[], results: ValType[]) => {
    const key = `${params.join(',')}>${results.join(',')}`;
    let index = types.indexOf(key);
    if (index < 0) index = types.push(key) - 1;
    return index;
  };
  const imports = (def.imports ?? []).map((imp) => [
    ...str(imp.module ?? 'env'),
    ...str(imp.name),
    0x00,
    ...u32(typeIndex(imp.params, imp.results)),
  ]);
  const functionTypes = def.functions.map((f) => u32(typeIndex(f.params, f.results)));
  const typeEntries = types.map((key) => {
    const [params, results] = key.split('>').map((part) => (part ? (part.split(',') as ValType[]) : []));
    return [0x60, ...vec(params!.map((t) => [VAL[t]])), ...vec(results!.map((t) => [VAL[t]]))];
  });
  const importCount = imports.length;
  const exports: number[][] = def.functions.flatMap((f, i) =>
    f.export ? [[...str(f.export), 0x00, ...u32(importCount + i)]] : [],
  );
  if (def.exportMemory !== false && (def.memories ?? [[1]]).length > 0)
    exports.push([...str('memory'), 0x02, 0x00]);
  const limits = ([min, max]: [number, number?]) =>
    max === undefined ? [0x00, ...u32(min)] : [0x01, ...u32(min), ...u32(max)];
  const codes = def.functions.map((f) => {
    const locals = (f.locals ?? []).map((t) => [0x01, VAL[t]]);
    const body = [...vec(locals), ...f.body, 0x0b];
    return [...u32(body.length), ...body];
  });
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  out.push(...section(1, vec(typeEntries)));
  if (imports.length + (def.extraImports?.length ?? 0) > 0) {
    out.push(...section(2, vec([...imports, ...(def.extraImports ?? [])])));
  }
  out.push(...section(3, vec(functionTypes)));
  if (def.tables) out.push(...section(4, vec(def.tables.map((t) => [0x70, ...limits(t)]))));
  const memories = def.memories ?? [[1]];
  if (memories.length > 0) out.push(...section(5, vec(memories.map(limits))));
  if (def.globals) {
    out.push(
      ...section(
        6,
        vec(def.globals.map((g) => [VAL[g.type], g.mutable ? 1 : 0, 0x41, ...s32(g.init), 0x0b])),
      ),
    );
  }
  out.push(...section(7, vec(exports)));
  if (def.start !== undefined) out.push(...section(8, u32(def.start)));
  const segments = [
    ...(def.data ?? []).map((d) => [0x00, 0x41, ...s32(d.offset), 0x0b, ...u32(d.bytes.length), ...d.bytes]),
    ...(def.passiveData ?? []).map((bytes) => [0x01, ...u32(bytes.length), ...bytes]),
  ];
  if (def.dataCount) out.push(...section(12, u32(segments.length)));
  out.push(...section(10, vec(codes)));
  if (segments.length > 0) out.push(...section(11, vec(segments)));
  return new Uint8Array(out);
}

// instruction helpers
export const op = {
  i32: (value: number) => [0x41, ...s32(value)],
  localGet: (index: number) => [0x20, ...u32(index)],
  localSet: (index: number) => [0x21, ...u32(index)],
  globalGet: (index: number) => [0x23, ...u32(index)],
  globalSet: (index: number) => [0x24, ...u32(index)],
  call: (index: number) => [0x10, ...u32(index)],
  i32Load: (offset = 0) => [0x28, 0x02, ...u32(offset)],
  i32Load8U: (offset = 0) => [0x2d, 0x00, ...u32(offset)],
  i32Store: (offset = 0) => [0x36, 0x02, ...u32(offset)],
  i32Add: [0x6a],
  i32Eq: [0x46],
  drop: [0x1a],
  unreachable: [0x00],
  return: [0x0f],
  ifVoid: [0x04, 0x40],
  end: [0x0b],
  loopVoid: [0x03, 0x40],
  br: (depth: number) => [0x0c, ...u32(depth)],
  memorySize: [0x3f, 0x00],
  memoryGrow: [0x40, 0x00],
};

/** The minimal export set a CosmWasm contract needs, around the given entry points. */
export function minimalContract(extra: Partial<ModuleDef> = {}, omit: string[] = []): Uint8Array {
  const base: FuncDef[] = [
    { params: ['i32'], results: ['i32'], body: op.i32(1024), export: 'allocate' },
    { params: ['i32'], results: [], body: [], export: 'deallocate' },
    { params: [], results: [], body: [], export: 'interface_version_8' },
  ];
  const functions = [...base, ...(extra.functions ?? [])].filter((f) => !omit.includes(f.export ?? ''));
  return buildModule({ ...extra, functions });
}
