import { utf8 } from './bytes';
import { Codec } from './codec';
import { Result } from './result';
import { storageGet, storageRemove, storageSet } from './storage';

/** One value stored under its namespace as the raw key (cw-storage-plus `Item`). */
export class Item<V> {
  readonly key: Uint8Array;

  constructor(
    readonly namespace: string,
    private readonly codec: Codec<V>,
  ) {
    this.key = utf8(namespace);
  }

  save(value: V): void {
    storageSet(this.key, this.codec.encode(value));
  }

  /** The value, or an error result when it was never saved. */
  load(): Result<V> {
    const bytes = storageGet(this.key);
    if (bytes === null) return Result.err<V>(this.namespace + ' not found');
    return this.codec.decode(bytes);
  }

  /** The value or null (reference types only), aborting when the stored bytes do not decode. */
  mayLoad(): V | null {
    const bytes = storageGet(this.key);
    if (bytes === null) return null;
    const value = this.codec.decode(bytes);
    if (value.isErr) abort('corrupt ' + this.namespace + ': ' + value.message);
    return value.value;
  }

  exists(): bool {
    return storageGet(this.key) !== null;
  }

  remove(): void {
    storageRemove(this.key);
  }
}
