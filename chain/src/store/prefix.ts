import { concatBytes, prefixEnd } from '../encoding/bytes';
import type { KVStore } from './types';

/**
 * A view of the keys under one prefix, with the prefix stripped: how a module (or a contract)
 * sees only its own part of the state.
 */
export class PrefixStore implements KVStore {
  constructor(
    private readonly parent: KVStore,
    private readonly prefix: Uint8Array,
  ) {
    if (prefix.length === 0) throw new RangeError('a prefix store needs a non-empty prefix');
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return this.parent.get(this.full(key));
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.parent.set(this.full(key), value);
  }

  delete(key: Uint8Array): void {
    this.parent.delete(this.full(key));
  }

  *iterator(
    start: Uint8Array | undefined,
    end: Uint8Array | undefined,
    order: 'ascending' | 'descending',
  ): Generator<[Uint8Array, Uint8Array]> {
    const from = start === undefined ? this.prefix : this.full(start);
    const to = end === undefined ? prefixEnd(this.prefix) : this.full(end);
    const strip = this.prefix.length;
    for (const [key, value] of this.parent.iterator(from, to, order)) {
      yield [key.subarray(strip), value];
    }
  }

  private full(key: Uint8Array): Uint8Array {
    return concatBytes(this.prefix, key);
  }
}
