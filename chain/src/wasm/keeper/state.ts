import { CodeInfo, ContractCodeHistoryEntry, ContractInfo } from 'cosmjs-types/cosmwasm/wasm/v1/types';
import { type KVStore } from '../../store/types';
import { concatBytes, PrefixStore } from './stores';

/** Key prefixes inside the module's store, following wasmd's `x/wasm/types/keys.go`. */
export const PREFIX = {
  code: 0x01,
  contract: 0x02,
  contractStore: 0x03,
  sequence: 0x04,
  history: 0x05,
  contractsByCode: 0x06,
  contractsByCreator: 0x09,
  // wasmd keeps bytecode in wasmvm's directory; here it is state, so it persists with the chain
  wasmCode: 0x20,
} as const;

const SEQUENCE_CODE_ID = new TextEncoder().encode('lastCodeId');
const SEQUENCE_INSTANCE_ID = new TextEncoder().encode('lastContractId');

function u64be(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value, false);
  return out;
}

function readU64be(bytes: Uint8Array, at = 0): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(at, false);
}

const key = (prefix: number, ...parts: Uint8Array[]) => concatBytes(new Uint8Array([prefix]), ...parts);
const lengthPrefix = (bytes: Uint8Array) => concatBytes(new Uint8Array([bytes.length]), bytes);

/** Typed access to the wasm module's records in its store (all values protobuf, as in wasmd). */
export class WasmState {
  constructor(readonly store: KVStore) {}

  /** Returns the counter's current value and stores the next one; counters start at 1. */
  private nextSequence(name: Uint8Array): bigint {
    const stored = this.store.get(key(PREFIX.sequence, name));
    const current = stored === undefined ? 1n : readU64be(stored);
    this.store.set(key(PREFIX.sequence, name), u64be(current + 1n));
    return current;
  }

  private peekSequence(name: Uint8Array): bigint {
    const stored = this.store.get(key(PREFIX.sequence, name));
    return stored === undefined ? 1n : readU64be(stored);
  }

  nextCodeId(): bigint {
    return this.nextSequence(SEQUENCE_CODE_ID);
  }

  nextInstanceId(): bigint {
    return this.nextSequence(SEQUENCE_INSTANCE_ID);
  }

  lastCodeId(): bigint {
    return this.peekSequence(SEQUENCE_CODE_ID) - 1n;
  }

  getCodeInfo(codeId: bigint): CodeInfo | undefined {
    const bytes = this.store.get(key(PREFIX.code, u64be(codeId)));
    return bytes === undefined ? undefined : decodeCached(codeInfos, bytes, CodeInfo.decode);
  }

  setCodeInfo(codeId: bigint, info: CodeInfo): void {
    this.store.set(key(PREFIX.code, u64be(codeId)), CodeInfo.encode(info).finish());
  }

  *codeInfos(startAfter?: bigint): Iterable<[bigint, CodeInfo]> {
    const start = key(PREFIX.code, u64be(startAfter === undefined ? 0n : startAfter + 1n));
    for (const [entryKey, value] of this.store.iterator(start, key(PREFIX.code + 1), 'ascending')) {
      yield [readU64be(entryKey, 1), CodeInfo.decode(value)];
    }
  }

  getWasm(checksum: Uint8Array): Uint8Array | undefined {
    return this.store.get(key(PREFIX.wasmCode, checksum));
  }

  setWasm(checksum: Uint8Array, wasm: Uint8Array): void {
    this.store.set(key(PREFIX.wasmCode, checksum), wasm);
  }

  getContractInfo(address: Uint8Array): ContractInfo | undefined {
    const bytes = this.store.get(key(PREFIX.contract, address));
    return bytes === undefined ? undefined : decodeCached(contractInfos, bytes, ContractInfo.decode);
  }

  setContractInfo(address: Uint8Array, info: ContractInfo): void {
    this.store.set(key(PREFIX.contract, address), ContractInfo.encode(info).finish());
  }

  /** The contract's own key space. */
  contractStore(address: Uint8Array): KVStore {
    return new PrefixStore(this.store, key(PREFIX.contractStore, address));
  }

  appendHistory(address: Uint8Array, entry: ContractCodeHistoryEntry): void {
    const history = [...this.history(address)];
    this.store.set(
      key(PREFIX.history, address, u64be(BigInt(history.length + 1))),
      ContractCodeHistoryEntry.encode(entry).finish(),
    );
  }

  *history(address: Uint8Array): Iterable<ContractCodeHistoryEntry> {
    const prefix = key(PREFIX.history, address);
    for (const [, value] of new PrefixStore(this.store, prefix).iterator(undefined, undefined, 'ascending')) {
      yield ContractCodeHistoryEntry.decode(value);
    }
  }

  /** Secondary index code id → contracts, ordered by creation position (as wasmd's). */
  addContractToCode(codeId: bigint, position: Uint8Array, address: Uint8Array): void {
    this.store.set(key(PREFIX.contractsByCode, u64be(codeId), position, address), new Uint8Array([1]));
  }

  removeContractFromCode(codeId: bigint, position: Uint8Array, address: Uint8Array): void {
    this.store.delete(key(PREFIX.contractsByCode, u64be(codeId), position, address));
  }

  *contractsByCode(codeId: bigint): Iterable<Uint8Array> {
    const store = new PrefixStore(this.store, key(PREFIX.contractsByCode, u64be(codeId)));
    for (const [entryKey] of store.iterator(undefined, undefined, 'ascending')) {
      yield entryKey.subarray(16);
    }
  }

  addContractToCreator(creator: Uint8Array, position: Uint8Array, address: Uint8Array): void {
    this.store.set(
      key(PREFIX.contractsByCreator, lengthPrefix(creator), position, address),
      new Uint8Array(0),
    );
  }

  *contractsByCreator(creator: Uint8Array): Iterable<Uint8Array> {
    const store = new PrefixStore(this.store, key(PREFIX.contractsByCreator, lengthPrefix(creator)));
    for (const [entryKey] of store.iterator(undefined, undefined, 'ascending')) {
      yield entryKey.subarray(16);
    }
  }
}

const DECODED_CACHE_LIMIT = 1024;
const codeInfos = new Map<string, CodeInfo>();
const contractInfos = new Map<string, ContractInfo>();

/**
 * Decoding the same few protobuf records on every call shows in profiles; the cache is keyed by
 * the stored bytes themselves, so it can never answer for different contents. Callers get a
 * shallow copy to spread or change.
 */
function decodeCached<T extends object>(
  cache: Map<string, T>,
  bytes: Uint8Array,
  decode: (b: Uint8Array) => T,
): T {
  const cacheKey = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let decoded = cache.get(cacheKey);
  if (decoded === undefined) {
    decoded = decode(bytes);
    if (cache.size >= DECODED_CACHE_LIMIT) cache.clear();
    cache.set(cacheKey, decoded);
  }
  return { ...decoded };
}

/** An AbsoluteTxPosition as index bytes: block height then tx index, both u64 big-endian. */
export function positionBytes(height: bigint, txIndex: bigint): Uint8Array {
  return concatBytes(u64be(height), u64be(txIndex));
}
