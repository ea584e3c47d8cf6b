import { concat, utf8 } from './bytes';
import { Codec } from './codec';
import { Key, lengthPrefixed, mapStorageKey } from './keys';
import { Result } from './result';
import { Order, Record, storageGet, storageRemove, storageScan, storageSet } from './storage';

/** One end of a range, given as the key below the prefix being iterated. */
export class Bound {
  constructor(
    readonly key: Uint8Array,
    readonly inclusive: bool,
  ) {}

  static inclusive(key: Key): Bound {
    return new Bound(key.joined(), true);
  }

  static exclusive(key: Key): Bound {
    return new Bound(key.joined(), false);
  }
}

export class Entry<V> {
  constructor(
    /** The key's bytes below the iterated prefix (split them with `splitKey` for tuple keys). */
    readonly key: Uint8Array,
    readonly value: V,
  ) {}
}

const ZERO_BYTE = new Uint8Array(1);

/** The first key after every key that starts with `prefix`. */
function prefixUpperBound(prefix: Uint8Array): Uint8Array | null {
  let end = prefix.length;
  while (end > 0 && prefix[end - 1] === 0xff) end--;
  if (end === 0) return null;
  const out = prefix.slice(0, end);
  out[end - 1] += 1;
  return out;
}

/** The records whose keys start with `prefix`, between the bounds (given below the prefix). */
export function scanPrefix(
  prefix: Uint8Array,
  min: Bound | null,
  max: Bound | null,
  order: Order,
  limit: i32,
): Array<Record> {
  // The store's end is exclusive: an inclusive bound reaches one zero byte past its key, and an
  // exclusive start begins there.
  let start = prefix;
  if (min !== null)
    start = min.inclusive ? concat(prefix, min.key) : concat(concat(prefix, min.key), ZERO_BYTE);
  let end = prefixUpperBound(prefix);
  if (max !== null)
    end = max.inclusive ? concat(concat(prefix, max.key), ZERO_BYTE) : concat(prefix, max.key);
  return storageScan(start, end, order, limit);
}

/** Records under a fixed prefix, in key order (cw-storage-plus `Prefix`). */
export class Prefix<V> {
  constructor(
    readonly prefix: Uint8Array,
    private readonly codec: Codec<V>,
    private readonly label: string,
  ) {}

  range(min: Bound | null, max: Bound | null, order: Order, limit: i32): Array<Entry<V>> {
    const records = scanPrefix(this.prefix, min, max, order, limit);
    const entries: Array<Entry<V>> = [];
    for (let i = 0; i < records.length; i++) {
      const value = this.codec.decode(records[i].value);
      if (value.isErr) abort('corrupt ' + this.label + ': ' + value.message);
      entries.push(new Entry<V>(records[i].key.slice(this.prefix.length), value.value));
    }
    return entries;
  }
}

/** Values under keys, stored as cw-storage-plus `Map` stores them. */
export class Map<V> {
  readonly namespace: Uint8Array;

  constructor(
    readonly name: string,
    private readonly codec: Codec<V>,
  ) {
    this.namespace = utf8(name);
  }

  /** The raw storage key of `key` (what a raw query asks for). */
  storageKey(key: Key): Uint8Array {
    return mapStorageKey(this.namespace, key);
  }

  save(key: Key, value: V): void {
    storageSet(this.storageKey(key), this.codec.encode(value));
  }

  load(key: Key): Result<V> {
    const bytes = storageGet(this.storageKey(key));
    if (bytes === null) return Result.err<V>(this.name + ' not found');
    return this.codec.decode(bytes);
  }

  /** The value or null (reference types only), aborting when the stored bytes do not decode. */
  mayLoad(key: Key): V | null {
    const bytes = storageGet(this.storageKey(key));
    if (bytes === null) return null;
    const value = this.codec.decode(bytes);
    if (value.isErr) abort('corrupt ' + this.name + ': ' + value.message);
    return value.value;
  }

  has(key: Key): bool {
    return storageGet(this.storageKey(key)) !== null;
  }

  remove(key: Key): void {
    storageRemove(this.storageKey(key));
  }

  /** Every entry, keys relative to the map (tuple keys in their joined form). */
  range(min: Bound | null, max: Bound | null, order: Order, limit: i32): Array<Entry<V>> {
    return new Prefix<V>(lengthPrefixed(this.namespace), this.codec, this.name).range(min, max, order, limit);
  }

  /** The entries whose key starts with the leading parts `leading` (for tuple keys). */
  prefix(leading: Key): Prefix<V> {
    return new Prefix<V>(concat(lengthPrefixed(this.namespace), leading.prefixed()), this.codec, this.name);
  }
}
