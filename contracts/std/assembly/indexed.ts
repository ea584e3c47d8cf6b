import { fromBase64, toBase64 } from './base64';
import { concat, utf8 } from './bytes';
import { Codec } from './codec';
import { JsonKind, JsonWriter, parseJson } from './json';
import { Key, lengthPrefixed } from './keys';
import { Bound, Entry, Map, scanPrefix } from './map';
import { Result } from './result';
import { Order, storageGet, storageRemove, storageSet } from './storage';

// cw-storage-plus `IndexedMap` with `MultiIndex` and `UniqueIndex`, laid out as it lays them out:
//   MultiIndex   u16be(len idx_ns) ‖ idx_ns ‖ (index key, leading parts length-prefixed) ‖ pk
//                 → JSON of the primary key's length (u32)
//   UniqueIndex  u16be(len idx_ns) ‖ idx_ns ‖ index key (joined) → {"pk": base64(pk), "value": V}

export abstract class Index<V> {
  /** Adds `value`'s entry; an error message when the index refuses it. */
  abstract save(pk: Uint8Array, value: V): string | null;
  abstract remove(pk: Uint8Array, old: V): void;
}

export class MultiIndex<V> extends Index<V> {
  private readonly namespace: Uint8Array;

  constructor(
    name: string,
    private readonly indexKey: (value: V) => Key,
    private readonly primary: Map<V>,
  ) {
    super();
    this.namespace = lengthPrefixed(utf8(name));
  }

  private entryKey(value: V, pk: Uint8Array): Uint8Array {
    return concat(concat(this.namespace, this.indexKey(value).prefixed()), pk);
  }

  save(pk: Uint8Array, value: V): string | null {
    const w = new JsonWriter();
    w.u64(pk.length as u64);
    storageSet(this.entryKey(value, pk), w.toBytes());
    return null;
  }

  remove(pk: Uint8Array, old: V): void {
    storageRemove(this.entryKey(old, pk));
  }

  /** The primary entries whose index key is `indexKey`, ordered by primary key. */
  range(indexKey: Key, min: Bound | null, max: Bound | null, order: Order, limit: i32): Array<Entry<V>> {
    const prefix = concat(this.namespace, indexKey.prefixed());
    const records = scanPrefix(prefix, min, max, order, limit);
    const entries: Array<Entry<V>> = [];
    for (let i = 0; i < records.length; i++) {
      const pk = records[i].key.slice(prefix.length);
      const value = this.primary.mayLoad(Key.bytes(pk));
      if (value === null) abort('index entry without its primary record');
      entries.push(new Entry<V>(pk, value!));
    }
    return entries;
  }
}

export class UniqueIndex<V> extends Index<V> {
  private readonly namespace: Uint8Array;

  constructor(
    readonly name: string,
    private readonly indexKey: (value: V) => Key,
    private readonly codec: Codec<V>,
  ) {
    super();
    this.namespace = lengthPrefixed(utf8(name));
  }

  private entryKey(value: V): Uint8Array {
    return concat(this.namespace, this.indexKey(value).joined());
  }

  save(pk: Uint8Array, value: V): string | null {
    const key = this.entryKey(value);
    if (storageGet(key) !== null) return 'Violates unique constraint on index ' + this.name;
    const w = new JsonWriter();
    w.beginObject().key('pk').string(toBase64(pk)).key('value').raw(this.codec.encode(value)).endObject();
    storageSet(key, w.toBytes());
    return null;
  }

  remove(_pk: Uint8Array, old: V): void {
    storageRemove(this.entryKey(old));
  }

  /** The primary key and value stored under `indexKey`, or an error when there is none. */
  load(indexKey: Key): Result<Entry<V>> {
    const bytes = storageGet(concat(this.namespace, indexKey.joined()));
    if (bytes === null) return Result.err<Entry<V>>(this.name + ' not found');
    const json = parseJson(bytes);
    if (json.isErr) return json.cast<Entry<V>>();
    const pkText = json.value.get('pk');
    const stored = json.value.get('value');
    if (pkText === null || stored === null || pkText.kind !== JsonKind.String)
      return Result.err<Entry<V>>('corrupt ' + this.name);
    const pk = fromBase64(pkText.text);
    if (pk === null) return Result.err<Entry<V>>('corrupt ' + this.name);
    const value = this.codec.read(stored);
    if (value.isErr) return value.cast<Entry<V>>();
    return Result.ok<Entry<V>>(new Entry<V>(pk, value.value));
  }
}

/** A Map whose every save and remove also maintains its indexes. */
export class IndexedMap<V> {
  readonly primary: Map<V>;

  constructor(
    name: string,
    codec: Codec<V>,
    private readonly indexes: Array<Index<V>> = [],
  ) {
    this.primary = new Map<V>(name, codec);
  }

  addIndex(index: Index<V>): void {
    this.indexes.push(index);
  }

  /** Saves `value` under `key`; an error result (and nothing written) when an index refuses it. */
  save(key: Key, value: V): Result<bool> {
    const pk = key.joined();
    const old = this.primary.mayLoad(key);
    if (old !== null) for (let i = 0; i < this.indexes.length; i++) this.indexes[i].remove(pk, old);
    for (let i = 0; i < this.indexes.length; i++) {
      const problem = this.indexes[i].save(pk, value);
      if (problem !== null) {
        // Undo the entries written so far so a refused save leaves storage as it found it.
        for (let j = 0; j < i; j++) this.indexes[j].remove(pk, value);
        if (old !== null) for (let j = 0; j < this.indexes.length; j++) this.indexes[j].save(pk, old);
        return Result.err<bool>(problem);
      }
    }
    this.primary.save(key, value);
    return Result.ok<bool>(true);
  }

  remove(key: Key): void {
    const old = this.primary.mayLoad(key);
    if (old === null) return;
    const pk = key.joined();
    for (let i = 0; i < this.indexes.length; i++) this.indexes[i].remove(pk, old);
    this.primary.remove(key);
  }
}
