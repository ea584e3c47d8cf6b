import {
  importedCount,
  SECTION,
  SECTION_ORDER,
  type CodeBody,
  type FuncType,
  type ParsedModule,
} from '../binary/module';
import { ByteReader, encodeI64, encodeU32 } from '../binary/reader';
import { Op, readInstruction } from '../binary/instructions';
import { ACCOUNTING_OPERATOR_COST, GAS_SCHEDULE_VERSION, OPERATOR_COST } from './costs';

/** Name under which the instrumented module exports its remaining-gas counter (a mutable i64). */
export const GAS_LEFT_EXPORT = '__nymts_gas_left';
/** The virtual memory size in pages (i32) and bytes (i64), exported so the host can reset them. */
export const PAGES_EXPORT = '__nymts_pages';
export const BYTES_EXPORT = '__nymts_bytes';
/**
 * The lowest and one past the highest byte address the contract stored to (i64), so restoring
 * a recycled instance zeroes only what was written.
 */
export const DIRTY_LOW_EXPORT = '__nymts_dirty_low';
export const DIRTY_HIGH_EXPORT = '__nymts_dirty_high';
export const DIRTY_LOW_CLEAN = 0xffffffffn;
/** Prefix of the exports giving the host the contract's own mutable globals (to reset them). */
export const GLOBAL_EXPORT_PREFIX = '__nymts_global_';
/** Bumped whenever the rewrite changes, so disk caches of older instrumentations are ignored. */
export const INSTRUMENTATION_VERSION = `m4-g${GAS_SCHEDULE_VERSION}`;
/** The memory limit wasmer's tunables give every contract (32 MiB). */
export const MEMORY_MAX_PAGES = 512;
/** The contract's memory, turned into an import so the host can hand out pooled memories. */
export const MEMORY_IMPORT = { module: 'nymts', name: 'memory' } as const;

const PLAIN = Number(OPERATOR_COST);
const ACCOUNTING = Number(ACCOUNTING_OPERATOR_COST);
const PAGE_SHIFT = 16;

// opcodes used in injected code
const OP = {
  unreachable: 0x00,
  if: 0x04,
  end: 0x0b,
  return: 0x0f,
  call: 0x10,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  globalGet: 0x23,
  globalSet: 0x24,
  memorySize: 0x3f,
  memoryGrow: 0x40,
  i32Const: 0x41,
  i64Const: 0x42,
  i32Eq: 0x46,
  i64LtS: 0x53,
  i64LtU: 0x54,
  i64GtU: 0x56,
  i32Sub: 0x6b,
  i64Add: 0x7c,
  i64Sub: 0x7d,
  i64Shl: 0x86,
  i32WrapI64: 0xa7,
  i64ExtendI32U: 0xad,
  emptyBlock: 0x40,
} as const;

const I32 = 0x7f;
const I64 = 0x7e;
const F32 = 0x7d;
const F64 = 0x7c;

/** Bytes accessed and (for stores) the stored value's type, by load/store opcode 0x28–0x3e. */
const MEMORY_ACCESS: Record<number, { size: number; stores?: number }> = {
  0x28: { size: 4 },
  0x29: { size: 8 },
  0x2a: { size: 4 },
  0x2b: { size: 8 },
  0x2c: { size: 1 },
  0x2d: { size: 1 },
  0x2e: { size: 2 },
  0x2f: { size: 2 },
  0x30: { size: 1 },
  0x31: { size: 1 },
  0x32: { size: 2 },
  0x33: { size: 2 },
  0x34: { size: 4 },
  0x35: { size: 4 },
  0x36: { size: 4, stores: I32 },
  0x37: { size: 8, stores: I64 },
  0x38: { size: 4, stores: F32 },
  0x39: { size: 8, stores: F64 },
  0x3a: { size: 1, stores: I32 },
  0x3b: { size: 2, stores: I32 },
  0x3c: { size: 1, stores: I64 },
  0x3d: { size: 2, stores: I64 },
  0x3e: { size: 4, stores: I64 },
};

/**
 * Scratch locals appended to every function: an address, one per storable value type, and the
 * end of a store (for the dirty-range globals).
 */
const SCRATCH_TYPES = [I32, I32, I64, F32, F64, I64];
const SCRATCH_VALUE_TYPES = [I32, I64, F32, F64];
const SCRATCH_STORE_END = 5;

class ByteSink {
  buffer: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  bytes(data: ArrayLike<number>): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

interface Layout {
  gasGlobal: number;
  pagesGlobal: number;
  dirtyLowGlobal: number;
  dirtyHighGlobal: number;
  bytesGlobal: number;
  growFunction: number;
  growType: number;
  addsGrowType: boolean;
  initialPages: number;
}

/**
 * Rewrites a validated contract for this host:
 *
 * - Metering as cosmwasm-vm's wasmer middleware does it: every operator adds its cost to the
 *   current straight-line block; before each accounting operator (branch, call, block boundary)
 *   the block's cost is taken from an exported i64 global and a negative balance traps.
 * - The memory becomes an import (MEMORY_IMPORT) so each fresh instance can get a pooled,
 *   zeroed memory. Because a pooled memory may be physically larger than the contract's
 *   memory would be, the size is virtualised: `memory.size`/`memory.grow` use a page-count
 *   global (grow up to the 512-page limit wasmer imposes) and every load and store is checked
 *   against it, trapping exactly where a fresh memory would.
 */
export function instrumentGas(module: ParsedModule): Uint8Array {
  const layout = planLayout(module);
  const patches = new Map<number, (payload: Uint8Array | undefined) => ArrayLike<number>>([
    [SECTION.type, (p) => appendEntries(p, layout.addsGrowType ? [[0x60, 1, I32, 1, I32]] : [])],
    [SECTION.import, (p) => appendEntries(p, [memoryImportEntry(layout.initialPages)])],
    [SECTION.function, (p) => appendEntries(p, [encodeU32(layout.growType)])],
    [SECTION.global, (p) => appendEntries(p, globalEntries(layout.initialPages))],
    [SECTION.export, (p) => appendEntries(p, exportEntries(module, layout))],
    [SECTION.code, () => rewriteCode(module, layout)],
  ]);
  const out = new ByteSink(module.bytes.length * 3);
  out.bytes(module.bytes.subarray(0, 8));
  const emitted = new Set<number>();
  const emitAbsentBefore = (order: number) => {
    for (const [id, patch] of patches) {
      if (
        !emitted.has(id) &&
        SECTION_ORDER.indexOf(id) < order &&
        !module.sections.some((s) => s.id === id)
      ) {
        emitted.add(id);
        writeSection(out, id, patch(undefined));
      }
    }
  };
  for (const section of module.sections) {
    if (section.id !== SECTION.custom) emitAbsentBefore(SECTION_ORDER.indexOf(section.id));
    if (section.id === SECTION.memory) continue; // moved to the import section
    const patch = patches.get(section.id);
    if (patch === undefined) {
      out.bytes(module.bytes.subarray(section.headerStart, section.end));
    } else {
      emitted.add(section.id);
      writeSection(out, section.id, patch(module.bytes.subarray(section.start, section.end)));
    }
  }
  emitAbsentBefore(SECTION_ORDER.length);
  return out.result();
}

function planLayout(module: ParsedModule): Layout {
  const globals = importedCount(module, 'global') + module.globals.length;
  const functions = importedCount(module, 'func') + module.functionTypes.length;
  const existingGrowType = module.types.findIndex(
    (type) =>
      type.params.length === 1 &&
      type.params[0] === 'i32' &&
      type.results.length === 1 &&
      type.results[0] === 'i32',
  );
  return {
    gasGlobal: globals,
    pagesGlobal: globals + 1,
    bytesGlobal: globals + 2,
    dirtyLowGlobal: globals + 3,
    dirtyHighGlobal: globals + 4,
    growFunction: functions,
    growType: existingGrowType >= 0 ? existingGrowType : module.types.length,
    addsGrowType: existingGrowType < 0,
    initialPages: module.memories[0]?.min ?? 0,
  };
}

function writeSection(out: ByteSink, id: number, payload: ArrayLike<number>): void {
  out.bytes([id, ...encodeU32(payload.length)]);
  out.bytes(payload);
}

/** A vector section's payload with entries appended. */
function appendEntries(payload: Uint8Array | undefined, entries: ArrayLike<number>[]): Uint8Array {
  let count = 0;
  let rest: Uint8Array = new Uint8Array(0);
  if (payload !== undefined) {
    const reader = new ByteReader(payload);
    count = reader.u32();
    rest = payload.subarray(reader.pos);
  }
  const out = new ByteSink(rest.length + 64);
  out.bytes(encodeU32(count + entries.length));
  out.bytes(rest);
  for (const entry of entries) out.bytes(entry);
  return out.result();
}

function name(text: string): number[] {
  const bytes = new TextEncoder().encode(text);
  return [...encodeU32(bytes.length), ...bytes];
}

function memoryImportEntry(initialPages: number): number[] {
  return [
    ...name(MEMORY_IMPORT.module),
    ...name(MEMORY_IMPORT.name),
    0x02,
    0x01,
    ...encodeU32(initialPages),
    ...encodeU32(MEMORY_MAX_PAGES),
  ];
}

function globalEntries(initialPages: number): number[][] {
  return [
    // gas left: 0 until the host sets it, so an unprepared call runs out at once
    [I64, 0x01, OP.i64Const, 0x00, OP.end],
    // virtual memory size in pages, and in bytes (for the access checks)
    [I32, 0x01, OP.i32Const, ...encodeI64(BigInt(initialPages)), OP.end],
    [I64, 0x01, OP.i64Const, ...encodeI64(BigInt(initialPages) << BigInt(PAGE_SHIFT)), OP.end],
    // dirty range: empty
    [I64, 0x01, OP.i64Const, ...encodeI64(DIRTY_LOW_CLEAN), OP.end],
    [I64, 0x01, OP.i64Const, 0x00, OP.end],
  ];
}

function globalExportEntry(exportName: string, index: number): number[] {
  return [...name(exportName), 0x03, ...encodeU32(index)];
}

function exportEntries(module: ParsedModule, layout: Layout): number[][] {
  const importedGlobals = importedCount(module, 'global');
  return [
    globalExportEntry(GAS_LEFT_EXPORT, layout.gasGlobal),
    globalExportEntry(PAGES_EXPORT, layout.pagesGlobal),
    globalExportEntry(BYTES_EXPORT, layout.bytesGlobal),
    globalExportEntry(DIRTY_LOW_EXPORT, layout.dirtyLowGlobal),
    globalExportEntry(DIRTY_HIGH_EXPORT, layout.dirtyHighGlobal),
    ...module.globals.flatMap((global, i) =>
      global.mutable ? [globalExportEntry(`${GLOBAL_EXPORT_PREFIX}${i}`, importedGlobals + i)] : [],
    ),
  ];
}

/** `grow(delta) -> old | -1` over the virtual size, growing the physical memory on demand. */
function growBody(layout: Layout): number[] {
  const pages = encodeU32(layout.pagesGlobal);
  const bytes = encodeU32(layout.bytesGlobal);
  const [DELTA, OLD, NEW] = [0, 1, 2];
  const body = [
    0x02,
    0x01,
    I32,
    0x01,
    I64, // locals: old (i32), new (i64)
    OP.globalGet,
    ...pages,
    OP.localSet,
    OLD,
    OP.localGet,
    OLD,
    OP.i64ExtendI32U,
    OP.localGet,
    DELTA,
    OP.i64ExtendI32U,
    OP.i64Add,
    OP.localSet,
    NEW,
    OP.localGet,
    NEW,
    OP.i64Const,
    ...encodeI64(BigInt(MEMORY_MAX_PAGES)),
    OP.i64GtU,
    OP.if,
    OP.emptyBlock,
    OP.i32Const,
    0x7f,
    OP.return,
    OP.end,
    OP.localGet,
    NEW,
    OP.memorySize,
    0x00,
    OP.i64ExtendI32U,
    OP.i64GtU,
    OP.if,
    OP.emptyBlock,
    OP.localGet,
    NEW,
    OP.i32WrapI64,
    OP.memorySize,
    0x00,
    OP.i32Sub,
    OP.memoryGrow,
    0x00,
    OP.i32Const,
    0x7f,
    OP.i32Eq,
    OP.if,
    OP.emptyBlock,
    OP.i32Const,
    0x7f,
    OP.return,
    OP.end,
    OP.end,
    OP.localGet,
    NEW,
    OP.i32WrapI64,
    OP.globalSet,
    ...pages,
    OP.localGet,
    NEW,
    OP.i64Const,
    PAGE_SHIFT,
    OP.i64Shl,
    OP.globalSet,
    ...bytes,
    OP.localGet,
    OLD,
    OP.end,
  ];
  return [...encodeU32(body.length), ...body];
}

function functionParams(module: ParsedModule, index: number): FuncType {
  return module.types[module.functionTypes[index]!]!;
}

function rewriteCode(module: ParsedModule, layout: Layout): Uint8Array {
  const out = new ByteSink(module.bytes.length * 3);
  out.bytes(encodeU32(module.codes.length + 1));
  const body = new ByteSink(64 * 1024);
  const injector = new Injector(layout);
  module.codes.forEach((code, index) => {
    body.length = 0;
    const scratch = functionParams(module, index).params.length + code.localCount;
    rewriteLocals(module.bytes, code, body);
    injector.rewriteInstructions(module.bytes, code, scratch, body);
    out.bytes(encodeU32(body.length));
    out.bytes(body.buffer.subarray(0, body.length));
  });
  out.bytes(growBody(layout));
  return out.result();
}

function rewriteLocals(bytes: Uint8Array, code: CodeBody, out: ByteSink): void {
  const reader = new ByteReader(bytes, code.start, code.instructionsStart);
  const groups = reader.u32();
  out.bytes(encodeU32(groups + SCRATCH_TYPES.length));
  out.bytes(bytes.subarray(reader.pos, code.instructionsStart));
  for (const type of SCRATCH_TYPES) out.bytes([0x01, type]);
}

class Injector {
  private readonly chargeCache = new Map<number, number[]>();
  private readonly gas: number[];
  private readonly pages: number[];
  private readonly bytes: number[];
  private readonly dirtyLow: number[];
  private readonly dirtyHigh: number[];
  private readonly growCall: number[];

  constructor(layout: Layout) {
    this.gas = encodeU32(layout.gasGlobal);
    this.pages = encodeU32(layout.pagesGlobal);
    this.bytes = encodeU32(layout.bytesGlobal);
    this.dirtyLow = encodeU32(layout.dirtyLowGlobal);
    this.dirtyHigh = encodeU32(layout.dirtyHighGlobal);
    this.growCall = [OP.call, ...encodeU32(layout.growFunction)];
  }

  private charge(cost: number): number[] {
    let sequence = this.chargeCache.get(cost);
    if (sequence === undefined) {
      sequence = [
        OP.globalGet,
        ...this.gas,
        OP.i64Const,
        ...encodeI64(BigInt(cost)),
        OP.i64Sub,
        OP.globalSet,
        ...this.gas,
        OP.globalGet,
        ...this.gas,
        OP.i64Const,
        0x00,
        OP.i64LtS,
        OP.if,
        OP.emptyBlock,
        OP.unreachable,
        OP.end,
      ];
      this.chargeCache.set(cost, sequence);
    }
    return sequence;
  }

  /** Traps unless [address + offset, address + offset + size) lies in the virtual memory. */
  private loadCheck(address: number[], end: bigint): number[] {
    return [
      OP.localTee,
      ...address,
      OP.i64ExtendI32U,
      OP.i64Const,
      ...encodeI64(end),
      OP.i64Add,
      OP.globalGet,
      ...this.bytes,
      OP.i64GtU,
      OP.if,
      OP.emptyBlock,
      OP.unreachable,
      OP.end,
      OP.localGet,
      ...address,
    ];
  }

  /** The load check, plus widening the dirty range to cover the store. */
  private storeCheck(address: number[], storeEnd: number[], end: bigint): number[] {
    return [
      OP.localTee,
      ...address,
      OP.i64ExtendI32U,
      OP.i64Const,
      ...encodeI64(end),
      OP.i64Add,
      OP.localTee,
      ...storeEnd,
      OP.globalGet,
      ...this.bytes,
      OP.i64GtU,
      OP.if,
      OP.emptyBlock,
      OP.unreachable,
      OP.end,
      OP.localGet,
      ...storeEnd,
      OP.globalGet,
      ...this.dirtyHigh,
      OP.i64GtU,
      OP.if,
      OP.emptyBlock,
      OP.localGet,
      ...storeEnd,
      OP.globalSet,
      ...this.dirtyHigh,
      OP.end,
      OP.localGet,
      ...address,
      OP.i64ExtendI32U,
      OP.globalGet,
      ...this.dirtyLow,
      OP.i64LtU,
      OP.if,
      OP.emptyBlock,
      OP.localGet,
      ...address,
      OP.i64ExtendI32U,
      OP.globalSet,
      ...this.dirtyLow,
      OP.end,
      OP.localGet,
      ...address,
    ];
  }

  private memoryAccess(bytes: Uint8Array, at: number, scratch: number): number[] {
    const access = MEMORY_ACCESS[bytes[at]!]!;
    const memarg = new ByteReader(bytes, at + 1);
    if (memarg.u32() & 0x40) memarg.u32();
    const end = BigInt(memarg.u32()) + BigInt(access.size);
    const address = encodeU32(scratch);
    if (access.stores === undefined) return this.loadCheck(address, end);
    const value = encodeU32(scratch + 1 + SCRATCH_VALUE_TYPES.indexOf(access.stores));
    const storeEnd = encodeU32(scratch + SCRATCH_STORE_END);
    return [OP.localSet, ...value, ...this.storeCheck(address, storeEnd, end), OP.localGet, ...value];
  }

  rewriteInstructions(bytes: Uint8Array, code: CodeBody, scratch: number, out: ByteSink): void {
    const reader = new ByteReader(bytes, code.instructionsStart, code.end);
    let runStart = reader.pos;
    let blockCost = 0;
    while (!reader.atEnd()) {
      const at = reader.pos;
      const op = readInstruction(reader);
      if (op === Op.Accounting || op === Op.End) {
        blockCost += ACCOUNTING;
        out.bytes(bytes.subarray(runStart, at));
        out.bytes(this.charge(blockCost));
        runStart = at;
        blockCost = 0;
        continue;
      }
      blockCost += PLAIN;
      const opcode = bytes[at]!;
      if (opcode >= 0x28 && opcode <= 0x3e) {
        out.bytes(bytes.subarray(runStart, at));
        out.bytes(this.memoryAccess(bytes, at, scratch));
        runStart = at;
      } else if (opcode === OP.memorySize) {
        out.bytes(bytes.subarray(runStart, at));
        out.bytes([OP.globalGet, ...this.pages]);
        runStart = reader.pos;
      } else if (opcode === OP.memoryGrow) {
        out.bytes(bytes.subarray(runStart, at));
        out.bytes(this.growCall);
        runStart = reader.pos;
      }
    }
    out.bytes(bytes.subarray(runStart, code.end));
  }
}
