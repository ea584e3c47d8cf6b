/**
 * A bounded cache for hot lookups (public keys, verified signatures, addresses). Two
 * generations instead of a strict LRU list: a hit costs one Map lookup, and when the young
 * generation fills up the old one is dropped whole, so recently used entries survive.
 */
export class LruCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generationSize: number;

  constructor(capacity: number) {
    if (!(capacity >= 2)) throw new RangeError('a cache needs a capacity of at least 2');
    this.generationSize = Math.floor(capacity / 2);
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.generationSize && !this.young.has(key)) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
