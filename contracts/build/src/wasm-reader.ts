// A minimal reader for the WebAssembly binary format: enough to list sections, imports, exports,
// limits and every instruction of every function body, which is what the upload checks need.

export class WasmFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'WasmFormatError';
  }
}

export class ByteReader {
  constructor(
    readonly bytes: Uint8Array,
    public offset = 0,
    readonly end = bytes.length,
  ) {}

  get done(): boolean {
    return this.offset >= this.end;
  }

  byte(): number {
    if (this.offset >= this.end) throw new WasmFormatError('unexpected end', this.offset);
    return this.bytes[this.offset++]!;
  }

  skip(length: number): void {
    if (this.offset + length > this.end) throw new WasmFormatError('unexpected end', this.offset);
    this.offset += length;
  }

  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) break;
      shift += 7;
      if (shift > 28) throw new WasmFormatError('LEB128 u32 too long', this.offset);
    }
    if (result > 0xffffffff) throw new WasmFormatError('LEB128 u32 out of range', this.offset);
    return result;
  }

  /** Skips a signed LEB128 of at most `maxBytes` bytes (the value itself is never needed). */
  skipSigned(maxBytes: number): void {
    for (let i = 0; i < maxBytes; i++) {
      if ((this.byte() & 0x80) === 0) return;
    }
    throw new WasmFormatError('LEB128 too long', this.offset);
  }

  name(): string {
    const length = this.u32();
    const start = this.offset;
    this.skip(length);
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(start, start + length));
  }
}

export interface Section {
  id: number;
  start: number;
  end: number;
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
} as const;

const MAGIC_AND_VERSION = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

export function readSections(bytes: Uint8Array): Section[] {
  MAGIC_AND_VERSION.forEach((b, i) => {
    if (bytes[i] !== b) throw new WasmFormatError('not a wasm 1.0 module', i);
  });
  const reader = new ByteReader(bytes, 8);
  const sections: Section[] = [];
  while (!reader.done) {
    const id = reader.byte();
    const size = reader.u32();
    const start = reader.offset;
    reader.skip(size);
    sections.push({ id, start, end: start + size });
  }
  return sections;
}

export function sectionReader(bytes: Uint8Array, section: Section): ByteReader {
  return new ByteReader(bytes, section.start, section.end);
}

export const VALUE_TYPE: Record<number, string> = {
  0x7f: 'i32',
  0x7e: 'i64',
  0x7d: 'f32',
  0x7c: 'f64',
  0x7b: 'v128',
  0x70: 'funcref',
  0x6f: 'externref',
};

export interface Limits {
  initial: number;
  maximum: number | undefined;
}

export function readLimits(reader: ByteReader): Limits {
  const flags = reader.byte();
  const initial = reader.u32();
  const maximum = flags & 1 ? reader.u32() : undefined;
  return { initial, maximum };
}
