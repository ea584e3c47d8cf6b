/** Cosmos SDK PageRequest (the fields the wasm queries use). */
export interface PageRequest {
  key?: Uint8Array;
  offset?: number;
  limit?: number;
  reverse?: boolean;
}

export interface Page<T> {
  items: T[];
  /** Key of the first item after this page; undefined when there is none. */
  nextKey: Uint8Array | undefined;
}

const DEFAULT_LIMIT = 100;

function compare(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}

/** Pages over entries in key order (entries must already be sorted ascending by key). */
export function paginate<T>(entries: Iterable<[Uint8Array, T]>, request: PageRequest = {}): Page<T> {
  const limit = request.limit && request.limit > 0 ? request.limit : DEFAULT_LIMIT;
  let all = [...entries];
  if (request.reverse) all = all.reverse();
  let startAt = 0;
  if (request.key !== undefined && request.key.length > 0) {
    const key = request.key;
    startAt = all.findIndex(([entryKey]) =>
      request.reverse ? compare(entryKey, key) <= 0 : compare(entryKey, key) >= 0,
    );
    if (startAt < 0) startAt = all.length;
  } else if (request.offset !== undefined) {
    startAt = request.offset;
  }
  const slice = all.slice(startAt, startAt + limit);
  const next = all[startAt + limit];
  return { items: slice.map(([, item]) => item), nextKey: next?.[0] };
}
