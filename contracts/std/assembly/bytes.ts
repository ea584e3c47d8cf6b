// Byte helpers shared by JSON, storage keys and messages.

/** A growable byte buffer (amortised doubling). */
export class ByteBuffer {
  private data: Uint8Array;
  length: i32;

  constructor(capacity: i32 = 64) {
    this.data = new Uint8Array(capacity > 0 ? capacity : 1);
    this.length = 0;
  }

  private reserve(extra: i32): void {
    const needed = this.length + extra;
    if (needed <= this.data.length) return;
    let capacity = this.data.length << 1;
    while (capacity < needed) capacity <<= 1;
    const grown = new Uint8Array(capacity);
    memory.copy(grown.dataStart, this.data.dataStart, this.length as usize);
    this.data = grown;
  }

  byte(value: u8): void {
    this.reserve(1);
    this.data[this.length++] = value;
  }

  bytes(value: Uint8Array): void {
    this.reserve(value.length);
    memory.copy(this.data.dataStart + (this.length as usize), value.dataStart, value.length as usize);
    this.length += value.length;
  }

  ascii(value: string): void {
    for (let i = 0; i < value.length; i++) this.byte(value.charCodeAt(i) as u8);
  }

  utf8(value: string): void {
    this.bytes(utf8(value));
  }

  toBytes(): Uint8Array {
    return this.data.slice(0, this.length);
  }
}

export function utf8(value: string): Uint8Array {
  return Uint8Array.wrap(String.UTF8.encode(value));
}

export function fromUtf8(bytes: Uint8Array): string {
  return String.UTF8.decodeUnsafe(bytes.dataStart, bytes.length as usize);
}

export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): bool {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Lexicographic order, as the store orders keys. */
export function compareBytes(a: Uint8Array, b: Uint8Array): i32 {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

export function startsWith(bytes: Uint8Array, prefix: Uint8Array): bool {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

export function u32BigEndian(value: u32): Uint8Array {
  const out = new Uint8Array(4);
  out[0] = (value >> 24) as u8;
  out[1] = (value >> 16) as u8;
  out[2] = (value >> 8) as u8;
  out[3] = value as u8;
  return out;
}

export function u64BigEndian(value: u64): Uint8Array {
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) out[i] = (value >> (((7 - i) * 8) as u64)) as u8;
  return out;
}

export function readU32BigEndian(bytes: Uint8Array, at: i32): u32 {
  return (
    ((bytes[at] as u32) << 24) |
    ((bytes[at + 1] as u32) << 16) |
    ((bytes[at + 2] as u32) << 8) |
    (bytes[at + 3] as u32)
  );
}

export function readU64BigEndian(bytes: Uint8Array, at: i32): u64 {
  let value: u64 = 0;
  for (let i = 0; i < 8; i++) value = (value << 8) | (bytes[at + i] as u64);
  return value;
}

const HEX = '0123456789abcdef';

export function toHex(bytes: Uint8Array): string {
  const out = new ByteBuffer(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    out.byte(HEX.charCodeAt(bytes[i] >> 4) as u8);
    out.byte(HEX.charCodeAt(bytes[i] & 15) as u8);
  }
  return fromUtf8(out.toBytes());
}
