import { type ByteReader, WasmFormatError } from './wasm-reader';

// Walks a function body's instructions and sorts out the ones CosmWasm refuses (bulk memory,
// reference types, SIMD, threads, exceptions, tail calls) and the ones nymts refuses on top
// (floats: contract code must be deterministic without relying on NaN canonicalisation).

export type Finding =
  'float' | 'bulk-memory' | 'reference-types' | 'simd' | 'threads' | 'exceptions' | 'tail-call';

export interface FoundInstruction {
  finding: Finding;
  opcode: string;
  offset: number;
}

function inRange(op: number, low: number, high: number): boolean {
  return op >= low && op <= high;
}

function isFloatOpcode(op: number): boolean {
  return (
    op === 0x2a ||
    op === 0x2b ||
    op === 0x38 ||
    op === 0x39 ||
    op === 0x43 ||
    op === 0x44 ||
    inRange(op, 0x5b, 0x66) ||
    inRange(op, 0x8b, 0xa6) ||
    inRange(op, 0xa8, 0xab) ||
    inRange(op, 0xae, 0xbf)
  );
}

function skipBlockType(reader: ByteReader): void {
  const first = reader.bytes[reader.offset];
  if (first === 0x40 || (first !== undefined && first >= 0x6f && first <= 0x7f)) reader.byte();
  else reader.skipSigned(5);
}

function skipMemArg(reader: ByteReader): void {
  reader.u32();
  reader.u32();
}

/** Immediates of the 0xFC-prefixed instructions, by sub-opcode. */
function skipPrefixedFc(reader: ByteReader, sub: number): Finding | undefined {
  if (sub <= 7) return 'float'; // trunc_sat
  switch (sub) {
    case 8: // memory.init
      reader.u32();
      reader.byte();
      return 'bulk-memory';
    case 9: // data.drop
      reader.u32();
      return 'bulk-memory';
    case 10: // memory.copy
      reader.byte();
      reader.byte();
      return 'bulk-memory';
    case 11: // memory.fill
      reader.byte();
      return 'bulk-memory';
    case 12: // table.init
    case 14: // table.copy
      reader.u32();
      reader.u32();
      return 'bulk-memory';
    case 13: // elem.drop
      reader.u32();
      return 'bulk-memory';
    case 15: // table.grow
    case 16: // table.size
    case 17: // table.fill
      reader.u32();
      return 'reference-types';
    default:
      throw new WasmFormatError(`unknown instruction 0xfc ${sub}`, reader.offset);
  }
}

/** Decodes one instruction, returning what it is if it is refused. */
function step(reader: ByteReader): Finding | undefined {
  const op = reader.byte();
  if (op === 0x02 || op === 0x03 || op === 0x04) skipBlockType(reader);
  else if (op === 0x0c || op === 0x0d || op === 0x10 || inRange(op, 0x20, 0x24)) reader.u32();
  else if (op === 0x0e) {
    const count = reader.u32();
    for (let i = 0; i <= count; i++) reader.u32();
  } else if (op === 0x11) {
    reader.u32();
    reader.u32();
  } else if (inRange(op, 0x28, 0x3e)) skipMemArg(reader);
  else if (op === 0x3f || op === 0x40) reader.byte();
  else if (op === 0x41) reader.skipSigned(5);
  else if (op === 0x42) reader.skipSigned(10);
  else if (op === 0x43) reader.skip(4);
  else if (op === 0x44) reader.skip(8);
  else if (op === 0x12 || op === 0x13) return 'tail-call';
  else if (inRange(op, 0x06, 0x0a) || op === 0x18 || op === 0x19 || op === 0x1f) return 'exceptions';
  else if (op === 0x1c || op === 0x25 || op === 0x26 || inRange(op, 0xd0, 0xd6)) return 'reference-types';
  else if (op === 0xfc) return skipPrefixedFc(reader, reader.u32());
  else if (op === 0xfd) return 'simd';
  else if (op === 0xfe) return 'threads';
  else if (
    !(
      op === 0x00 ||
      op === 0x01 ||
      op === 0x05 ||
      op === 0x0b ||
      op === 0x0f ||
      op === 0x1a ||
      op === 0x1b
    ) &&
    !inRange(op, 0x45, 0xc4)
  ) {
    throw new WasmFormatError(`unknown opcode 0x${op.toString(16)}`, reader.offset - 1);
  }
  return isFloatOpcode(op) ? 'float' : undefined;
}

/**
 * Every refused instruction in one function body (reader positioned after the locals). Stops at
 * the first instruction it cannot decode further (a proposal whose immediates it does not read).
 */
export function scanInstructions(reader: ByteReader): FoundInstruction[] {
  const found: FoundInstruction[] = [];
  while (!reader.done) {
    const offset = reader.offset;
    const opcodeByte = reader.bytes[offset]!;
    const finding = step(reader);
    if (finding === undefined) continue;
    found.push({ finding, opcode: `0x${opcodeByte.toString(16)}`, offset });
    if (finding === 'simd' || finding === 'threads' || finding === 'exceptions' || finding === 'tail-call')
      break;
    if (finding === 'reference-types' && opcodeByte !== 0xfc) break;
  }
  return found;
}
