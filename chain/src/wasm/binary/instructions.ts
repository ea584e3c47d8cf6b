import { type ByteReader } from './reader';

/**
 * What an instruction is, as far as validation and metering care. Accounting operators are the
 * ones after which control may leave a straight-line block (CosmWasm's metering charges at them).
 */
export const enum Op {
  Plain = 0,
  Accounting = 1,
  End = 2,
  BulkMemory = 3,
  ReferenceTypes = 4,
  Simd = 5,
  Threads = 6,
  Exceptions = 7,
  TailCall = 8,
  FunctionReferences = 9,
}

export const UNSUPPORTED_FEATURE: Partial<Record<Op, string>> = {
  [Op.BulkMemory]: 'bulk memory',
  [Op.ReferenceTypes]: 'reference types',
  [Op.Simd]: 'SIMD',
  [Op.Threads]: 'threads',
  [Op.Exceptions]: 'exception handling',
  [Op.TailCall]: 'tail calls',
  [Op.FunctionReferences]: 'typed function references',
};

function memarg(r: ByteReader): void {
  const align = r.u32();
  if (align & 0x40) r.u32();
  r.u32();
}

/** Reads one instruction (opcode and immediates) and classifies it. */
export function readInstruction(r: ByteReader): Op {
  const opcode = r.u8();
  if (opcode >= 0x45 && opcode <= 0xc4) return Op.Plain; // numeric, incl. sign extension
  if (opcode >= 0x28 && opcode <= 0x3e) {
    memarg(r);
    return Op.Plain;
  }
  switch (opcode) {
    case 0x00: // unreachable
    case 0x01: // nop
    case 0x1a: // drop
    case 0x1b: // select
      return Op.Plain;
    case 0x02: // block
      r.s33();
      return Op.Plain;
    case 0x03: // loop
    case 0x04: // if
      r.s33();
      return Op.Accounting;
    case 0x05: // else
      return Op.Accounting;
    case 0x0b:
      return Op.End;
    case 0x0c: // br
    case 0x0d: // br_if
      r.u32();
      return Op.Accounting;
    case 0x0e: {
      // br_table
      for (let n = r.u32() + 1; n > 0; n--) r.u32();
      return Op.Accounting;
    }
    case 0x0f: // return
      return Op.Accounting;
    case 0x10: // call
      r.u32();
      return Op.Accounting;
    case 0x11: // call_indirect type table
      r.u32();
      r.u32();
      return Op.Accounting;
    case 0x12: // return_call
      r.u32();
      return Op.TailCall;
    case 0x13: // return_call_indirect
      r.u32();
      r.u32();
      return Op.TailCall;
    case 0x14: // call_ref
    case 0x15: // return_call_ref
      r.u32();
      return Op.FunctionReferences;
    case 0x06: // try
      r.s33();
      return Op.Exceptions;
    case 0x07: // catch
    case 0x08: // throw
    case 0x09: // rethrow
    case 0x18: // delegate
      r.u32();
      return Op.Exceptions;
    case 0x0a: // throw_ref
    case 0x19: // catch_all
      return Op.Exceptions;
    case 0x1c: {
      // select with explicit types
      for (let n = r.u32(); n > 0; n--) r.u8();
      return Op.ReferenceTypes;
    }
    case 0x20:
    case 0x21:
    case 0x22:
    case 0x23:
    case 0x24:
      r.u32();
      return Op.Plain;
    case 0x25: // table.get
    case 0x26: // table.set
      r.u32();
      return Op.ReferenceTypes;
    case 0x3f: // memory.size
    case 0x40: // memory.grow
      r.u8();
      return Op.Plain;
    case 0x41:
      r.skipSigned(32);
      return Op.Plain;
    case 0x42:
      r.skipSigned(64);
      return Op.Plain;
    case 0x43:
      r.skip(4);
      return Op.Plain;
    case 0x44:
      r.skip(8);
      return Op.Plain;
    case 0xd0: // ref.null
      r.u8();
      return Op.ReferenceTypes;
    case 0xd1: // ref.is_null
      return Op.ReferenceTypes;
    case 0xd2: // ref.func
      r.u32();
      return Op.ReferenceTypes;
    case 0xfc:
      return readMiscInstruction(r);
    case 0xfd:
      return Op.Simd;
    case 0xfe:
      return Op.Threads;
    default:
      return r.fail(`unknown opcode 0x${opcode.toString(16)}`);
  }
}

function readMiscInstruction(r: ByteReader): Op {
  const sub = r.u32();
  if (sub <= 7) return Op.Plain; // saturating float-to-int
  switch (sub) {
    case 8: // memory.init data mem
      r.u32();
      r.u8();
      return Op.BulkMemory;
    case 9: // data.drop
    case 13: // elem.drop
      r.u32();
      return Op.BulkMemory;
    case 10: // memory.copy
      r.u8();
      r.u8();
      return Op.BulkMemory;
    case 11: // memory.fill
      r.u8();
      return Op.BulkMemory;
    case 12: // table.init elem table
    case 14: // table.copy
      r.u32();
      r.u32();
      return Op.BulkMemory;
    case 15: // table.grow
    case 16: // table.size
    case 17: // table.fill
      r.u32();
      return Op.ReferenceTypes;
    default:
      return r.fail(`unknown 0xfc sub-opcode ${sub}`);
  }
}

/** Skips a constant expression (global initialisers, segment offsets) including its `end`. */
export function skipConstExpr(r: ByteReader): void {
  while (readInstruction(r) !== Op.End) {
    // constant expressions hold no blocks, so the first `end` closes them
  }
}
