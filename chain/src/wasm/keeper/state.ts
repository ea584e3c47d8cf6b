import { CodeInfo, ContractCodeHistoryEntry, ContractInfo } from 'cosmjs-types/cosmwasm/wasm/v1/types';
import { concatBytes, prefixEnd, readUint64BE, uint64BE } from '../../encoding/bytes';
import { PrefixStore } from '../../store/prefix';
import type { KVStore } from '../../store/types';

/** The wasm module's store key: its records live under "wasm/" in the chain state. */
export const WASM_STORE = 'wasm';

/** Key prefixes inside the module's store, following wasmd's `x/wasm/types/keys.go`. */
export const PREFIX = {
  code: 0x01,
  contract: 0x02,
  contractStore: 0x03,
  sequence: 0x04,
  history: 0x05,
  contractsByCode: 0x06,
  contractsByCreator: 0x09,
  // wasmd keeps bytecode in wasmvm's directory; here it is (unmetered) state, so it persists
  // and commits with the chain
  wasmCode: 0x20,
} as const;

const SEQUENCE_CODE_ID = new TextEncoder().encode('lastCodeId');
const SEQUENCE_INSTANCE_ID = new TextEncoder().encode('lastContractId');

export const key = (prefix: number, ...parts: Uint8Array[]): Uint8Array =>
  concatBytes(Uint8Array.of(prefix), ...parts);
const lengthPrefix = (bytes: Uint8Array) => concatBytes(Uint8Array.of(bytes.length), bytes);

export const contractStorePrefix = (address: Uint8Array): Uint8Array => key(PREFIX.contractStore, address);
export const historyPrefix = (address: Uint8Array): Uint8Array => key(PREFIX.history, address);
export const contractsByCodePrefix = (codeId: bigint): Uint8Array =>
  key(PREFIX.contractsByCode, uint64BE(codeId));
export const contractsByCreatorPrefix = (creator: Uint8Array): Uint8Array =>
  key(PREFIX.contractsByCreator, lengthPrefix(creator));
export const CODE_PREFIX = Uint8Array.of(PREFIX.code);

/** Typed access to the wasm module's records in its store (all values protobuf, as in wasmd). */
export class WasmState {
  constructor(readonly store: KVStore) {}

  /** Returns the counter's current value and stores the next one; counters start at 1. */
  private nextSequence(name: Uint8Array): bigint {
    const stored = this.store.get(key(PREFIX.sequence, name));
    const current = stored === undefined ? 1n : readUint64BE(stored);
    this.store.set(key(PREFIX.sequence, name), uint64BE(current + 1n));
    return current;
  }

  nextCodeId(): bigint {
    return this.nextSequence(SEQUENCE_CODE_ID);
  }

  nextInstanceId(): bigint {
    return this.nextSequence(SEQUENCE_INSTANCE_ID);
  }

  getCodeInfo(codeId: bigint): CodeInfo | undefined {
    const bytes = this.store.get(key(PREFIX.code, uint64BE(codeId)));
    return bytes === undefined ? undefined : decodeCached(codeInfos, bytes, CodeInfo.decode);
  }

  setCodeInfo(codeId: bigint, info: CodeInfo): void {
    this.store.set(key(PREFIX.code, uint64BE(codeId)), CodeInfo.encode(info).finish());
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
    return new PrefixStore(this.store, contractStorePrefix(address));
  }

  appendHistory(address: Uint8Array, entry: ContractCodeHistoryEntry): void {
    const prefix = historyPrefix(address);
    // wasmd numbers history entries 1, 2, …: the next one follows the last stored
    const [last] = this.store.iterator(prefix, prefixEnd(prefix), 'descending');
    const position = last === undefined ? 1n : readUint64BE(last[0].subarray(prefix.length)) + 1n;
    this.store.set(concatBytes(prefix, uint64BE(position)), ContractCodeHistoryEntry.encode(entry).finish());
  }

  /** Secondary index code id → contracts, ordered by creation position (as wasmd's). */
  addContractToCode(codeId: bigint, position: Uint8Array, address: Uint8Array): void {
    this.store.set(concatBytes(contractsByCodePrefix(codeId), position, address), Uint8Array.of(1));
  }

  removeContractFromCode(codeId: bigint, position: Uint8Array, address: Uint8Array): void {
    this.store.delete(concatBytes(contractsByCodePrefix(codeId), position, address));
  }

  addContractToCreator(creator: Uint8Array, position: Uint8Array, address: Uint8Array): void {
    this.store.set(concatBytes(contractsByCreatorPrefix(creator), position, address), new Uint8Array(0));
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
  return concatBytes(uint64BE(height), uint64BE(txIndex));
}

/** Index keys are position (16 bytes) ‖ contract address. */
export const POSITION_LENGTH = 16;
