import { ByteReader, WasmDecodeError } from './reader';
import { skipConstExpr } from './instructions';

export type ValType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref';

export interface FuncType {
  params: ValType[];
  results: ValType[];
}

export interface Limits {
  min: number;
  max: number | undefined;
  shared: boolean;
  memory64: boolean;
}

export type ImportDesc =
  | { kind: 'func'; typeIndex: number }
  | { kind: 'table'; limits: Limits }
  | { kind: 'memory'; limits: Limits }
  | { kind: 'global'; type: ValType; mutable: boolean }
  | { kind: 'tag' };

export interface Import {
  module: string;
  name: string;
  desc: ImportDesc;
}

export type ExportKind = 'func' | 'table' | 'memory' | 'global' | 'tag';

export interface Export {
  name: string;
  kind: ExportKind;
  index: number;
}

export interface DataSegment {
  passive: boolean;
  /** Start offset when the segment is active with an `i32.const` offset. */
  offset: number | undefined;
  /** Where the segment's bytes sit in the module. */
  dataStart: number;
  size: number;
}

export interface Section {
  id: number;
  /** Offset of the section id byte. */
  headerStart: number;
  /** Offset of the first payload byte. */
  start: number;
  /** Offset one past the last payload byte. */
  end: number;
}

export interface CodeBody {
  /** Offset of the first byte after the body size (the locals vector). */
  start: number;
  /** Offset of the first instruction. */
  instructionsStart: number;
  end: number;
  /** Declared locals (parameters not included). */
  localCount: number;
}

export interface ParsedModule {
  bytes: Uint8Array;
  sections: Section[];
  types: FuncType[];
  imports: Import[];
  /** Type index of each function defined in this module. */
  functionTypes: number[];
  tables: Limits[];
  memories: Limits[];
  /** Globals defined by the module (imported ones not included). */
  globals: { type: ValType; mutable: boolean }[];
  exports: Export[];
  start: number | undefined;
  passiveElementSegments: number;
  dataSegments: DataSegment[];
  hasDataCount: boolean;
  codes: CodeBody[];
}

export const SECTION = {
  custom: 0,
  type: 1,
  import: 2,
  function: 3,
  table: 4,
  memory: 5,
  global: 6,
  export: 7,
  start: 8,
  element: 9,
  code: 10,
  data: 11,
  dataCount: 12,
  tag: 13,
} as const;

/** The order non-custom sections must appear in (the data count section sits before code). */
export const SECTION_ORDER = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];

const VAL_TYPES: Record<number, ValType> = {
  0x7f: 'i32',
  0x7e: 'i64',
  0x7d: 'f32',
  0x7c: 'f64',
  0x7b: 'v128',
  0x70: 'funcref',
  0x6f: 'externref',
};

export function readValType(reader: ByteReader): ValType {
  const code = reader.u8();
  const type = VAL_TYPES[code];
  if (type === undefined) reader.fail(`unknown value type 0x${code.toString(16)}`);
  return type;
}

function readLimits(reader: ByteReader): Limits {
  const flags = reader.u8();
  if (flags > 0x07) reader.fail(`unknown limits flags 0x${flags.toString(16)}`);
  const min = reader.u32();
  const max = flags & 0x01 ? reader.u32() : undefined;
  return { min, max, shared: (flags & 0x02) !== 0, memory64: (flags & 0x04) !== 0 };
}

function readTableType(reader: ByteReader): Limits {
  readValType(reader);
  return readLimits(reader);
}

const EXPORT_KINDS: ExportKind[] = ['func', 'table', 'memory', 'global', 'tag'];

/**
 * Parses the module structure (not the function bodies' instructions). Structural validity beyond
 * what is read here is left to the engine's own compile step.
 */
export function parseModule(bytes: Uint8Array): ParsedModule {
  const reader = new ByteReader(bytes);
  if (bytes.length < 8) reader.fail('too short to be a wasm module');
  const magic = reader.bytesView(4);
  if (magic[0] !== 0x00 || magic[1] !== 0x61 || magic[2] !== 0x73 || magic[3] !== 0x6d) {
    throw new WasmDecodeError('missing \\0asm magic number', 0);
  }
  const version = reader.bytesView(4);
  if (version[0] !== 1 || version[1] !== 0 || version[2] !== 0 || version[3] !== 0) {
    throw new WasmDecodeError('unsupported wasm version (expected 1)', 4);
  }
  const module: ParsedModule = {
    bytes,
    sections: [],
    types: [],
    imports: [],
    functionTypes: [],
    tables: [],
    memories: [],
    globals: [],
    exports: [],
    start: undefined,
    passiveElementSegments: 0,
    dataSegments: [],
    hasDataCount: false,
    codes: [],
  };
  let lastOrder = -1;
  while (!reader.atEnd()) {
    const headerStart = reader.pos;
    const id = reader.u8();
    const size = reader.u32();
    const start = reader.pos;
    const end = start + size;
    if (end > bytes.length) reader.fail(`section ${id} runs past the end of the module`);
    if (id !== SECTION.custom) {
      const order = SECTION_ORDER.indexOf(id);
      if (order < 0) reader.fail(`unknown section id ${id}`);
      if (order <= lastOrder) reader.fail(`section ${id} out of order or duplicated`);
      lastOrder = order;
    }
    module.sections.push({ id, headerStart, start, end });
    const section = new ByteReader(bytes, start, end);
    readSection(module, id, section);
    if (id !== SECTION.custom && !section.atEnd()) section.fail(`trailing bytes in section ${id}`);
    reader.pos = end;
  }
  if (module.codes.length !== module.functionTypes.length) {
    throw new WasmDecodeError(
      `function and code section counts differ (${module.functionTypes.length} vs ${module.codes.length})`,
      bytes.length,
    );
  }
  return module;
}

function readSection(module: ParsedModule, id: number, r: ByteReader): void {
  switch (id) {
    case SECTION.type:
      for (let n = r.u32(); n > 0; n--) {
        const form = r.u8();
        if (form !== 0x60) r.fail(`unsupported type form 0x${form.toString(16)}`);
        const params = readVec(r, readValType);
        const results = readVec(r, readValType);
        module.types.push({ params, results });
      }
      return;
    case SECTION.import:
      for (let n = r.u32(); n > 0; n--) module.imports.push(readImport(r));
      return;
    case SECTION.function:
      module.functionTypes = readVec(r, (x) => x.u32());
      return;
    case SECTION.table:
      module.tables = readVec(r, readTableType);
      return;
    case SECTION.memory:
      module.memories = readVec(r, readLimits);
      return;
    case SECTION.global:
      for (let n = r.u32(); n > 0; n--) {
        const type = readValType(r);
        const mutable = r.u8() === 1;
        skipConstExpr(r);
        module.globals.push({ type, mutable });
      }
      return;
    case SECTION.export:
      for (let n = r.u32(); n > 0; n--) {
        const name = r.name();
        const kindCode = r.u8();
        const kind = EXPORT_KINDS[kindCode];
        if (kind === undefined) r.fail(`unknown export kind ${kindCode}`);
        module.exports.push({ name, kind, index: r.u32() });
      }
      return;
    case SECTION.start:
      module.start = r.u32();
      return;
    case SECTION.element:
      for (let n = r.u32(); n > 0; n--) readElementSegment(module, r);
      return;
    case SECTION.code:
      for (let n = r.u32(); n > 0; n--) module.codes.push(readCodeBody(r));
      return;
    case SECTION.data:
      for (let n = r.u32(); n > 0; n--) module.dataSegments.push(readDataSegment(r));
      return;
    case SECTION.dataCount:
      module.hasDataCount = true;
      r.u32();
      return;
    case SECTION.tag:
      r.pos = r.end;
      return;
    default:
      // custom sections: name plus opaque payload
      r.pos = r.end;
  }
}

function readVec<T>(r: ByteReader, item: (r: ByteReader) => T): T[] {
  const out: T[] = [];
  for (let n = r.u32(); n > 0; n--) out.push(item(r));
  return out;
}

function readImport(r: ByteReader): Import {
  const module = r.name();
  const name = r.name();
  const kind = r.u8();
  switch (kind) {
    case 0:
      return { module, name, desc: { kind: 'func', typeIndex: r.u32() } };
    case 1:
      return { module, name, desc: { kind: 'table', limits: readTableType(r) } };
    case 2:
      return { module, name, desc: { kind: 'memory', limits: readLimits(r) } };
    case 3: {
      const type = readValType(r);
      return { module, name, desc: { kind: 'global', type, mutable: r.u8() === 1 } };
    }
    case 4:
      r.u8();
      r.u32();
      return { module, name, desc: { kind: 'tag' } };
    default:
      return r.fail(`unknown import kind ${kind}`);
  }
}

function readElementSegment(module: ParsedModule, r: ByteReader): void {
  const flags = r.u32();
  if (flags > 7) r.fail(`unknown element segment flags ${flags}`);
  const passive = (flags & 0x03) === 0x01;
  const explicitTable = (flags & 0x03) === 0x02;
  const usesExpressions = (flags & 0x04) !== 0;
  if (passive) module.passiveElementSegments++;
  if (explicitTable) r.u32();
  if ((flags & 0x01) === 0) skipConstExpr(r);
  if (flags & 0x03) {
    // element kind (0x00 = funcref) or reference type
    r.u8();
  }
  const count = r.u32();
  for (let i = 0; i < count; i++) {
    if (usesExpressions) skipConstExpr(r);
    else r.u32();
  }
}

function readDataSegment(r: ByteReader): DataSegment {
  const flags = r.u32();
  if (flags > 2) r.fail(`unknown data segment flags ${flags}`);
  if (flags === 2) r.u32();
  let offset: number | undefined;
  if (flags !== 1) {
    const exprStart = r.pos;
    if (r.u8() === 0x41) offset = r.s32() >>> 0;
    r.pos = exprStart;
    skipConstExpr(r);
  }
  const size = r.u32();
  const dataStart = r.pos;
  r.skip(size);
  return { passive: flags === 1, offset, dataStart, size };
}

function readCodeBody(r: ByteReader): CodeBody {
  const size = r.u32();
  const start = r.pos;
  const end = start + size;
  if (end > r.end) r.fail('function body runs past the code section');
  const body = new ByteReader(r.bytes, start, end);
  let localCount = 0;
  for (let groups = body.u32(); groups > 0; groups--) {
    localCount += body.u32();
    readValType(body);
    if (localCount > 0xffffffff) body.fail('too many locals');
  }
  r.pos = end;
  return { start, instructionsStart: body.pos, end, localCount };
}

/** Number of imported entities of a kind (they take the first indices of their index space). */
export function importedCount(module: ParsedModule, kind: ImportDesc['kind']): number {
  return module.imports.filter((entry) => entry.desc.kind === kind).length;
}

/** The signature of function `index` in the module's function index space. */
export function functionType(module: ParsedModule, index: number): FuncType | undefined {
  const imported = module.imports.filter((entry) => entry.desc.kind === 'func');
  if (index < imported.length) {
    const desc = imported[index]!.desc as { kind: 'func'; typeIndex: number };
    return module.types[desc.typeIndex];
  }
  const typeIndex = module.functionTypes[index - imported.length];
  return typeIndex === undefined ? undefined : module.types[typeIndex];
}
