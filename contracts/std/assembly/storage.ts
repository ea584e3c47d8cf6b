import { readU32BigEndian } from './bytes';
import * as env from './env';
import { readRegion, regionOf } from './memory';

// Raw access to the contract's key-value store through the host.

export enum Order {
  Ascending = 1,
  Descending = 2,
}

export class Record {
  constructor(
    readonly key: Uint8Array,
    readonly value: Uint8Array,
  ) {}
}

export function storageGet(key: Uint8Array): Uint8Array | null {
  const ptr = env.db_read(regionOf(key));
  return ptr === 0 ? null : readRegion(ptr);
}

export function storageSet(key: Uint8Array, value: Uint8Array): void {
  // The store cannot tell an empty value from a missing one (cosmwasm-std refuses it too).
  if (value.length === 0) abort('storage values must not be empty');
  env.db_write(regionOf(key), regionOf(value));
}

export function storageRemove(key: Uint8Array): void {
  env.db_remove(regionOf(key));
}

/**
 * Records with start <= key < end (either side open when null), in `order`, at most `limit` of
 * them (all when limit < 0).
 */
export function storageScan(
  start: Uint8Array | null,
  end: Uint8Array | null,
  order: Order,
  limit: i32,
): Array<Record> {
  const startPtr = start !== null ? regionOf(start) : 0;
  const endPtr = end !== null ? regionOf(end) : 0;
  const iterator = env.db_scan(startPtr, endPtr, order as i32);
  const records: Array<Record> = [];
  while (limit < 0 || records.length < limit) {
    const record = nextRecord(iterator);
    if (record === null) break;
    records.push(record);
  }
  return records;
}

// db_next answers `key ‖ u32be(len key) ‖ value ‖ u32be(len value)`; an empty key ends iteration.
function nextRecord(iterator: u32): Record | null {
  const data = readRegion(env.db_next(iterator));
  if (data.length < 8) abort('db_next returned a malformed record');
  const valueLength = readU32BigEndian(data, data.length - 4) as i32;
  const valueEnd = data.length - 4;
  const valueStart = valueEnd - valueLength;
  if (valueStart < 4) abort('db_next returned a malformed record');
  const keyLength = readU32BigEndian(data, valueStart - 4) as i32;
  if (keyLength !== valueStart - 4) abort('db_next returned a malformed record');
  if (keyLength === 0) return null;
  return new Record(data.slice(0, keyLength), data.slice(valueStart, valueEnd));
}
