import type { BranchableStore, KVStore, StoreBranch } from './types';
import { assertValidKey, keyToString, lowerBound, stringToKey } from './keys';

/** A pending write: the new value, or null for a deletion. */
type Pending = Uint8Array | null;

export interface StoreChange {
  key: Uint8Array;
  /** undefined: the key is deleted. */
  value: Uint8Array | undefined;
}

/**
 * A write buffer over a parent store (the Cosmos SDK's cache KV store): reads fall through to
 * the parent, writes stay here until `write()`. Values are kept by reference: callers must not
 * mutate a buffer after handing it to `set`.
 */
export class CacheStore implements StoreBranch {
  private readonly pending = new Map<string, Pending>();
  private sortedKeys: string[] | undefined;

  constructor(private readonly parent: KVStore) {}

  get(key: Uint8Array): Uint8Array | undefined {
    const pending = this.pending.get(keyToString(key));
    if (pending !== undefined) return pending ?? undefined;
    return this.parent.get(key);
  }

  set(key: Uint8Array, value: Uint8Array): void {
    assertValidKey(key);
    this.put(keyToString(key), value);
  }

  delete(key: Uint8Array): void {
    assertValidKey(key);
    this.put(keyToString(key), null);
  }

  iterator(
    start: Uint8Array | undefined,
    end: Uint8Array | undefined,
    order: 'ascending' | 'descending',
  ): Iterable<[Uint8Array, Uint8Array]> {
    const overlay = this.pendingRange(start, end, order);
    const parent = this.parent.iterator(start, end, order);
    return mergeIterators(parent, overlay, order);
  }

  branch(): StoreBranch {
    return new CacheStore(this);
  }

  write(): void {
    for (const [key, value] of this.pending) {
      if (value === null) this.parent.delete(stringToKey(key));
      else this.parent.set(stringToKey(key), value);
    }
    this.pending.clear();
    this.sortedKeys = undefined;
  }

  /** The pending writes in key order: what a commit persists. */
  changes(): StoreChange[] {
    return this.sorted().map((key) => {
      const value = this.pending.get(key) as Pending;
      return { key: stringToKey(key), value: value ?? undefined };
    });
  }

  get size(): number {
    return this.pending.size;
  }

  private put(key: string, value: Pending): void {
    if (this.sortedKeys !== undefined && !this.pending.has(key)) this.sortedKeys = undefined;
    this.pending.set(key, value);
  }

  private sorted(): string[] {
    this.sortedKeys ??= [...this.pending.keys()].sort();
    return this.sortedKeys;
  }

  /** A snapshot of the pending entries in range, so writes during iteration cannot disturb it. */
  private pendingRange(
    start: Uint8Array | undefined,
    end: Uint8Array | undefined,
    order: 'ascending' | 'descending',
  ): Array<[string, Pending]> {
    if (this.pending.size === 0) return [];
    const sorted = this.sorted();
    const from = start === undefined ? 0 : lowerBound(sorted, keyToString(start));
    const to = end === undefined ? sorted.length : lowerBound(sorted, keyToString(end));
    const range: Array<[string, Pending]> = [];
    for (let i = from; i < to; i++) {
      const key = sorted[i] as string;
      range.push([key, this.pending.get(key) as Pending]);
    }
    if (order === 'descending') range.reverse();
    return range;
  }
}

/** Merges a parent iterator with overlay entries in the same order; the overlay wins on ties. */
function* mergeIterators(
  parent: Iterable<[Uint8Array, Uint8Array]>,
  overlay: ReadonlyArray<[string, Pending]>,
  order: 'ascending' | 'descending',
): Generator<[Uint8Array, Uint8Array]> {
  const ascending = order === 'ascending';
  const parentIterator = parent[Symbol.iterator]();
  let next = parentIterator.next();
  let index = 0;
  while (true) {
    const entry = overlay[index];
    if (entry === undefined) {
      if (next.done) return;
      yield next.value;
      next = parentIterator.next();
      continue;
    }
    if (!next.done) {
      const parentKey = keyToString(next.value[0]);
      const parentFirst = ascending ? parentKey < entry[0] : parentKey > entry[0];
      if (parentFirst) {
        yield next.value;
        next = parentIterator.next();
        continue;
      }
      if (parentKey === entry[0]) next = parentIterator.next();
    }
    index++;
    if (entry[1] !== null) yield [stringToKey(entry[0]), entry[1]];
  }
}

/** A branchable store held entirely in memory: genesis building, queries in tests, unit tests. */
export class MemoryStore implements BranchableStore {
  private readonly cache = new CacheStore(EMPTY_STORE);

  get(key: Uint8Array): Uint8Array | undefined {
    return this.cache.get(key);
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.cache.set(key, value);
  }

  delete(key: Uint8Array): void {
    this.cache.delete(key);
  }

  iterator(
    start: Uint8Array | undefined,
    end: Uint8Array | undefined,
    order: 'ascending' | 'descending',
  ): Iterable<[Uint8Array, Uint8Array]> {
    return this.cache.iterator(start, end, order);
  }

  branch(): StoreBranch {
    return new CacheStore(this);
  }

  entries(): StoreChange[] {
    return this.cache.changes();
  }
}

const EMPTY_STORE: KVStore = {
  get: () => undefined,
  set: () => {
    throw new Error('the empty store is read-only');
  },
  delete: () => {
    throw new Error('the empty store is read-only');
  },
  iterator: () => [],
};
