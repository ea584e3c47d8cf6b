import { topologyError } from './errors';

/** More pages than any real network has: a contract that never ends its pages is broken. */
const MAX_PAGES = 1000;

/**
 * Every item of a paged query, following `start_next_after` until it is null. A cursor that does
 * not move would loop for ever, so it is an error.
 */
export async function readAllPages<Cursor extends string | number, Item>(
  what: string,
  readPage: (startAfter: Cursor | undefined) => Promise<{ items: Item[]; next: Cursor | null }>,
): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: Cursor | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items: pageItems, next } = await readPage(cursor);
    items.push(...pageItems);
    if (next === null) return items;
    if (next === cursor) {
      throw topologyError(`the ${what} pages do not advance (cursor ${String(next)} repeats)`, {
        query: what,
        cursor: next,
      });
    }
    cursor = next;
  }
  throw topologyError(`the ${what} answer has more than ${MAX_PAGES} pages`, { query: what });
}
