import type { PageRequest, PageResponse } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { concatBytes, prefixEnd } from '../encoding/bytes';
import { grpcInvalidArgument } from '../errors/grpc';
import type { KVStore } from '../store/types';

const DEFAULT_LIMIT = 100n;

/**
 * The SDK's query pagination over the keys under `prefix`: by `key` (resume where the last page
 * stopped; next_key is relative to the prefix) or by `offset`, `limit` items, `count_total` on
 * offset pages, optional reverse order.
 */
export function paginate<T>(
  store: KVStore,
  prefix: Uint8Array,
  request: PageRequest | undefined,
  map: (key: Uint8Array, value: Uint8Array) => T,
): { items: T[]; pagination: PageResponse } {
  const page = request ?? { key: new Uint8Array(), offset: 0n, limit: 0n, countTotal: false, reverse: false };
  if (page.key.length > 0 && page.offset > 0n)
    throw grpcInvalidArgument('either offset or key is expected, got both');
  const limit = Number(page.limit === 0n ? DEFAULT_LIMIT : page.limit);
  const order = page.reverse ? 'descending' : 'ascending';
  let start: Uint8Array | undefined = prefix;
  let end: Uint8Array | undefined = prefixEnd(prefix);
  if (page.key.length > 0) {
    // Both directions include the resume key itself.
    if (page.reverse) end = concatBytes(prefix, page.key, Uint8Array.of(0));
    else start = concatBytes(prefix, page.key);
  }
  const items: T[] = [];
  let skipped = 0n;
  let total = 0n;
  let nextKey: Uint8Array = new Uint8Array();
  const countAll = page.key.length === 0 && page.countTotal;
  for (const [key, value] of store.iterator(start, end, order)) {
    total++;
    if (skipped < page.offset) {
      skipped++;
      continue;
    }
    if (items.length < limit) {
      items.push(map(key.subarray(prefix.length), value));
      continue;
    }
    if (nextKey.length === 0) nextKey = key.subarray(prefix.length);
    if (!countAll) break;
  }
  return { items, pagination: { nextKey, total: countAll ? total : 0n } };
}
