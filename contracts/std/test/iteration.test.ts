// Range and prefix iteration: order, bounds, limits and the ordering consequences of
// cw-storage-plus's length-prefixed composite keys.
import fc from 'fast-check';
import { type HostDouble } from './support/host-double';
import { errorOf, okOf } from './support/results';
import { address, startTestbed } from './support/testbed';

const ADMIN = address(1);

async function withNames(names: string[]): Promise<HostDouble> {
  const host = await startTestbed();
  okOf(host.instantiate(ADMIN, {}));
  for (const name of names)
    okOf(host.execute(ADMIN, { save_name: { key: name, value: name.toUpperCase() } }));
  return host;
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

describe('Map range', () => {
  test('ascending and descending in byte order of the keys, with start_after exclusive', async () => {
    const host = await withNames(['carol', 'alice', 'bob', 'Zed', 'émile', 'al']);
    const ascending = ['Zed', 'al', 'alice', 'bob', 'carol', 'émile'];
    expect(okOf(host.query({ names: {} }))).toEqual(ascending.map((n) => [n, n.toUpperCase()]));
    expect(okOf(host.query({ names: { descending: true } }))).toEqual(
      [...ascending].reverse().map((n) => [n, n.toUpperCase()]),
    );
    expect(okOf(host.query({ names: { start_after: 'al' } }))).toEqual(
      ['alice', 'bob', 'carol', 'émile'].map((n) => [n, n.toUpperCase()]),
    );
    expect(okOf(host.query({ names: { start_after: 'bob', descending: true } }))).toEqual(
      ['alice', 'al', 'Zed'].map((n) => [n, n.toUpperCase()]),
    );
    expect(okOf(host.query({ names: { start_after: 'b', limit: 1 } }))).toEqual([['bob', 'BOB']]);
  });

  test('inclusive bounds include their key, and only it, at either end', async () => {
    const host = await withNames(['a', 'ab', 'b', 'b\u0000', 'c']);
    const keys = (query: Record<string, unknown>) =>
      (okOf(host.query({ names: query })) as Array<[string, string]>).map(([k]) => k);
    expect(keys({ start_at: 'ab' })).toEqual(['ab', 'b', 'b\u0000', 'c']);
    expect(keys({ end_at: 'b' })).toEqual(['a', 'ab', 'b']);
    expect(keys({ start_at: 'ab', end_at: 'b', descending: true })).toEqual(['b', 'ab']);
    expect(keys({ start_at: 'aa', end_at: 'aa' })).toEqual([]);
  });

  test('removed keys leave the range', async () => {
    const host = await withNames(['a', 'b', 'c']);
    okOf(host.execute(ADMIN, { remove_name: { key: 'b' } }));
    expect(okOf(host.query({ names: {} }))).toEqual([
      ['a', 'A'],
      ['c', 'C'],
    ]);
  });

  test('limits default to 10 and are clamped to 30', async () => {
    const host = await withNames(Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`));
    expect((okOf(host.query({ names: {} })) as unknown[]).length).toBe(10);
    expect((okOf(host.query({ names: { limit: 5 } })) as unknown[]).length).toBe(5);
    expect((okOf(host.query({ names: { limit: 1000 } })) as unknown[]).length).toBe(30);
    expect(okOf(host.query({ page: {} }))).toBe(10);
    expect(okOf(host.query({ page: { limit: 31 } }))).toBe(30);
  });

  test('property: paging with start_after visits every key once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6, unit: 'binary' }), { maxLength: 25 }),
        fc.integer({ min: 1, max: 7 }),
        async (names, limit) => {
          const host = await withNames(names);
          const seen: string[] = [];
          let startAfter: string | undefined;
          for (;;) {
            const page = okOf(host.query({ names: { start_after: startAfter, limit } })) as Array<
              [string, string]
            >;
            seen.push(...page.map(([k]) => k));
            if (page.length < limit) break;
            startAfter = page[page.length - 1]![0];
          }
          expect(seen).toEqual([...names].sort(byteOrder));
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('composite keys and prefixes', () => {
  let host: HostDouble;

  beforeEach(async () => {
    host = await startTestbed();
    okOf(host.instantiate(ADMIN, {}));
    for (const [owner, id] of [
      ['ab', 2],
      ['a', 300],
      ['b', 1],
      ['a', 5],
      ['ab', 1],
    ] as const) {
      okOf(host.execute(ADMIN, { save_pair: { owner, id, value: `${owner}/${id}` } }));
    }
  });

  test('a prefix yields only its own entries, ordered by the remaining key part', () => {
    // "a" must not see "ab"'s entries: the prefix is length-prefixed.
    expect(okOf(host.query({ pairs: { owner: 'a' } }))).toEqual([
      [5, 'a/5'],
      [300, 'a/300'],
    ]);
    expect(okOf(host.query({ pairs: { owner: 'ab', start_after: 1 } }))).toEqual([[2, 'ab/2']]);
    expect(okOf(host.query({ pairs: { owner: 'nobody' } }))).toEqual([]);
  });

  test('a full range orders by length-prefixed leading parts (shorter owners first)', () => {
    expect(okOf(host.query({ all_pairs: {} }))).toEqual([
      ['a', 5, 'a/5'],
      ['a', 300, 'a/300'],
      ['b', 1, 'b/1'],
      ['ab', 1, 'ab/1'],
      ['ab', 2, 'ab/2'],
    ]);
  });

  test('signed keys iterate negative first', async () => {
    for (const key of [3, -1, 0, -300, 2])
      okOf(host.execute(ADMIN, { save_signed: { key, value: String(key) } }));
    expect(okOf(host.query({ signed: {} }))).toEqual([-300, -1, 0, 2, 3].map((k) => [k, String(k)]));
  });
});

describe('indexes', () => {
  test('a MultiIndex lists an owner’s records in primary-key order, and follows updates', async () => {
    const host = await startTestbed();
    okOf(host.instantiate(ADMIN, {}));
    const [alice, bob] = [address(2), address(3)];
    okOf(host.execute(ADMIN, { save_token: { id: 9, owner: alice, name: 'x', amount: '1' } }));
    okOf(host.execute(ADMIN, { save_token: { id: 3, owner: alice, name: 'y', amount: '2' } }));
    okOf(host.execute(ADMIN, { save_token: { id: 5, owner: bob, name: 'z', amount: '3' } }));
    const ids = (owner: string) =>
      (okOf(host.query({ tokens_by_owner: { owner } })) as Array<{ id: number }>).map((t) => t.id);
    expect(ids(alice)).toEqual([3, 9]);
    okOf(host.execute(ADMIN, { save_token: { id: 9, owner: bob, name: 'x', amount: '1' } }));
    expect(ids(alice)).toEqual([3]);
    expect(ids(bob)).toEqual([5, 9]);
    expect(okOf(host.query({ token_by_name: { name: 'z' } }))).toEqual({
      id: 5,
      owner: bob,
      name: 'z',
      amount: '3',
    });
    expect(errorOf(host.query({ token_by_name: { name: 'missing' } }))).toBe('tokens__name not found');
  });
});
