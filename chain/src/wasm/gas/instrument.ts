import { importedCount, SECTION, SECTION_ORDER, type ParsedModule } from '../binary/module';
import { ByteReader, encodeI64, encodeU32 } from '../binary/reader';
import { Op, readInstruction } from '../binary/instructions';
import { ACCOUNTING_OPERATOR_COST, OPERATOR_COST, GAS_SCHEDULE_VERSION } from './costs';

/** Name under which the instrumented module exports its remaining-gas counter (a mutable i64). */
export const GAS_LEFT_EXPORT = '__nymts_gas_left';
/** Bumped whenever the rewrite changes, so disk caches of older instrumentations are ignored. */
export const INSTRUMENTATION_VERSION = `m1-g${GAS_SCHEDULE_VERSION}`;
/** The memory limit wasmer's tunables give every contract (32 MiB), made part of the module. */
export const MEMORY_MAX_PAGES = 512;

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

/**
 * Rewrites a (validated) contract so it meters itself the way cosmwasm-vm's wasmer middleware
 * does: every operator adds its cost to the current straight-line block, and before each
 * accounting operator (branch, call, block boundary) the block's cost is subtracted from an
 * exported i64 global; a negative balance traps. The host sets the global before a call and
 * reads it afterwards. The memory gets the 512-page maximum wasmer's tunables impose.
 */
export function instrumentGas(module: ParsedModule): Uint8Array {
  const gasGlobal = importedCount(module, 'global') + module.definedGlobalCount;
  const out = new ByteSink(module.bytes.length * 2);
  out.bytes(module.bytes.subarray(0, 8));
  const present = new Set(module.sections.map((section) => section.id));
  const emitMissing = (beforeId: number) => {
    const order = SECTION_ORDER.indexOf(beforeId);
    if (!present.has(SECTION.global) && order > SECTION_ORDER.indexOf(SECTION.global)) {
      present.add(SECTION.global);
      writeSection(out, SECTION.global, [...encodeU32(1), ...gasGlobalEntry()]);
    }
    if (!present.has(SECTION.export) && order > SECTION_ORDER.indexOf(SECTION.export)) {
      present.add(SECTION.export);
      writeSection(out, SECTION.export, [...encodeU32(1), ...gasExportEntry(gasGlobal)]);
    }
  };
  for (const section of module.sections) {
    if (section.id !== SECTION.custom) emitMissing(section.id);
    const payload = module.bytes.subarray(section.start, section.end);
    switch (section.id) {
      case SECTION.global:
        writeSection(out, section.id, appendEntry(payload, gasGlobalEntry()));
        break;
      case SECTION.export:
        writeSection(out, section.id, appendEntry(payload, gasExportEntry(gasGlobal)));
        break;
      case SECTION.memory:
        writeSection(out, section.id, limitMemory(module));
        break;
      case SECTION.code:
        writeSection(out, section.id, meterCode(module, gasGlobal));
        break;
      default:
        out.bytes(module.bytes.subarray(section.headerStart, section.end));
    }
  }
  emitMissing(SECTION.data + 100);
  return out.result();
}

function writeSection(out: ByteSink, id: number, payload: ArrayLike<number>): void {
  out.bytes([id, ...encodeU32(payload.length)]);
  out.bytes(payload);
}

function appendEntry(payload: Uint8Array, entry: number[]): Uint8Array {
  const reader = new ByteReader(payload);
  const count = reader.u32();
  const rest = payload.subarray(reader.pos);
  const head = encodeU32(count + 1);
  const result = new Uint8Array(head.length + rest.length + entry.length);
  result.set(head, 0);
  result.set(rest, head.length);
  result.set(entry, head.length + rest.length);
  return result;
}

function gasGlobalEntry(): number[] {
  // mutable i64 initialised to 0: a module called without the host setting it runs out at once
  return [0x7e, 0x01, 0x42, 0x00, 0x0b];
}

function gasExportEntry(globalIndex: number): number[] {
  const name = new TextEncoder().encode(GAS_LEFT_EXPORT);
  return [...encodeU32(name.length), ...name, 0x03, ...encodeU32(globalIndex)];
}

function limitMemory(module: ParsedModule): number[] {
  return [
    ...encodeU32(module.memories.length),
    ...module.memories.flatMap((memory) => [
      0x01,
      ...encodeU32(memory.min),
      ...encodeU32(MEMORY_MAX_PAGES),
    ]),
  ];
}

const PLAIN = Number(OPERATOR_COST);
const ACCOUNTING = Number(ACCOUNTING_OPERATOR_COST);

function meterCode(module: ParsedModule, gasGlobal: number): Uint8Array {
  const bytes = module.bytes;
  const globalIndex = encodeU32(gasGlobal);
  const chargeCache = new Map<number, number[]>();
  const charge = (cost: number): number[] => {
    let sequence = chargeCache.get(cost);
    if (sequence === undefined) {
      sequence = [
        0x23, ...globalIndex, // global.get gas
        0x42, ...encodeI64(BigInt(cost)), // i64.const cost
        0x7d, // i64.sub
        0x24, ...globalIndex, // global.set gas
        0x23, ...globalIndex, // global.get gas
        0x42, 0x00, // i64.const 0
        0x53, // i64.lt_s
        0x04, 0x40, // if (empty)
        0x00, // unreachable
        0x0b, // end
      ];
      chargeCache.set(cost, sequence);
    }
    return sequence;
  };
  const out = new ByteSink(bytes.length * 2);
  out.bytes(encodeU32(module.codes.length));
  const body = new ByteSink(64 * 1024);
  for (const code of module.codes) {
    body.length = 0;
    body.bytes(bytes.subarray(code.start, code.instructionsStart));
    const reader = new ByteReader(bytes, code.instructionsStart, code.end);
    let runStart = reader.pos;
    let blockCost = 0;
    while (!reader.atEnd()) {
      const at = reader.pos;
      const op = readInstruction(reader);
      if (op === Op.Accounting || op === Op.End) {
        blockCost += ACCOUNTING;
        body.bytes(bytes.subarray(runStart, at));
        body.bytes(charge(blockCost));
        runStart = at;
        blockCost = 0;
      } else {
        blockCost += PLAIN;
      }
    }
    body.bytes(bytes.subarray(runStart, code.end));
    out.bytes(encodeU32(body.length));
    out.bytes(body.buffer.subarray(0, body.length));
  }
  return out.result();
}
