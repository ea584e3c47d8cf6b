/**
 * The key-value surface every module (auth, bank, wasm) sees. Keys and values are raw bytes;
 * iteration is in unsigned byte order, as in the Cosmos SDK's IAVL/KV stores.
 */
export interface KVStore {
  get(key: Uint8Array): Uint8Array | undefined;
  set(key: Uint8Array, value: Uint8Array): void;
  delete(key: Uint8Array): void;
  /**
   * Entries with start <= key < end (either bound may be undefined = open), ascending or
   * descending. Writes made to this store during the iteration need not be visible to it.
   */
  iterator(
    start: Uint8Array | undefined,
    end: Uint8Array | undefined,
    order: 'ascending' | 'descending',
  ): Iterable<[Uint8Array, Uint8Array]>;
}

/**
 * A store that can be branched: a branch sees its parent's data plus its own writes, and its
 * writes reach the parent only on `write()`. A dropped branch leaves no trace. Transactions and
 * submessages nest branches to get all-or-nothing state changes.
 */
export interface BranchableStore extends KVStore {
  branch(): StoreBranch;
}

export interface StoreBranch extends BranchableStore {
  /** Applies this branch's writes to its parent. */
  write(): void;
}
