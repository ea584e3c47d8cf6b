import { ByteBuffer, concat, fromUtf8, readU64BigEndian, u32BigEndian, u64BigEndian, utf8 } from './bytes';

// Storage keys encoded exactly as cw-storage-plus encodes them, so a raw query of one of our
// contracts sees what it would see for a Rust contract:
//   Item             namespace bytes
//   Map, key k       u16be(len ns) ‖ ns ‖ k
//   composite keys   every part but the last length-prefixed (u16be), the last appended raw
//   strings, Addr    UTF-8 bytes;  unsigned ints  big-endian;  signed ints  big-endian, sign bit flipped

const MAX_PART_LENGTH = 0xffff;

export function lengthPrefixed(part: Uint8Array): Uint8Array {
  if (part.length > MAX_PART_LENGTH) abort('key part longer than 65535 bytes');
  const out = new Uint8Array(part.length + 2);
  out[0] = (part.length >> 8) as u8;
  out[1] = part.length as u8;
  out.set(part, 2);
  return out;
}

/** A primary key: one part, or several for a tuple key such as (owner, id). */
export class Key {
  constructor(readonly parts: Array<Uint8Array>) {}

  static bytes(value: Uint8Array): Key {
    return new Key([value]);
  }

  static str(value: string): Key {
    return new Key([utf8(value)]);
  }

  static u8(value: u8): Key {
    const out = new Uint8Array(1);
    out[0] = value;
    return new Key([out]);
  }

  static u32(value: u32): Key {
    return new Key([u32BigEndian(value)]);
  }

  static u64(value: u64): Key {
    return new Key([u64BigEndian(value)]);
  }

  static i64(value: i64): Key {
    return new Key([u64BigEndian((value as u64) ^ 0x8000000000000000)]);
  }

  /** The tuple (this, next). */
  then(next: Key): Key {
    return new Key(this.parts.concat(next.parts));
  }

  /** The key as the last component of a storage key: leading parts length-prefixed. */
  joined(): Uint8Array {
    const out = new ByteBuffer(32);
    const last = this.parts.length - 1;
    for (let i = 0; i < last; i++) out.bytes(lengthPrefixed(this.parts[i]));
    if (last >= 0) out.bytes(this.parts[last]);
    return out.toBytes();
  }

  /** The key as a prefix of longer keys: every part length-prefixed. */
  prefixed(): Uint8Array {
    const out = new ByteBuffer(32);
    for (let i = 0; i < this.parts.length; i++) out.bytes(lengthPrefixed(this.parts[i]));
    return out.toBytes();
  }
}

/** The storage key of `key` in the map with `namespace`. */
export function mapStorageKey(namespace: Uint8Array, key: Key): Uint8Array {
  return concat(lengthPrefixed(namespace), key.joined());
}

/** Splits the joined form of a `count`-part key back into its parts (null when malformed). */
export function splitKey(joined: Uint8Array, count: i32): Array<Uint8Array> | null {
  const parts: Array<Uint8Array> = [];
  let at = 0;
  for (let i = 0; i < count - 1; i++) {
    if (at + 2 > joined.length) return null;
    const length = ((joined[at] as i32) << 8) | (joined[at + 1] as i32);
    at += 2;
    if (at + length > joined.length) return null;
    parts.push(joined.slice(at, at + length));
    at += length;
  }
  parts.push(joined.slice(at));
  return parts;
}

export function keyPartToString(part: Uint8Array): string {
  return fromUtf8(part);
}

export function keyPartToU64(part: Uint8Array): u64 {
  if (part.length !== 8) abort('key part is not a u64');
  return readU64BigEndian(part, 0);
}
