import { openDatabase } from '../src/store/database';
import { SqliteStateStore } from '../src/store/sqlite-state';

const key = (n: number) => new Uint8Array(Buffer.from(`k${String(n).padStart(4, '0')}`));
const value = (text: string) => new Uint8Array(Buffer.from(text));
const read = (bytes: Uint8Array | undefined) =>
  bytes === undefined ? undefined : Buffer.from(bytes).toString();

describe('SqliteStateStore', () => {
  const db = openDatabase(':memory:');
  const state = new SqliteStateStore(db);
  afterAll(() => db.close());

  it('commits change sets and iterates across pages in both directions', () => {
    db.transaction(() =>
      state.applyChanges(
        1,
        Array.from({ length: 300 }, (_, i) => ({ key: key(i), value: value(`v1-${i}`) })),
        true,
      ),
    )();
    const all = [...state.iterator(undefined, undefined, 'ascending')];
    expect(all).toHaveLength(300);
    expect(read(all[299]![1])).toBe('v1-299');
    const window = [...state.iterator(key(10), key(280), 'descending')].map(([k]) =>
      Buffer.from(k).toString(),
    );
    expect(window).toHaveLength(270);
    expect(window[0]).toBe('k0279');
    expect(window[269]).toBe('k0010');
    expect(() => state.set()).toThrow(/only through a block commit/);
  });

  it('reads earlier versions from the recorded history, and keeps its read cache current', () => {
    // Cached before the commits below: committed() must replace the cached value.
    expect(read(state.get(key(1)))).toBe('v1-1');
    const v2Changes = [
      { key: key(1), value: value('v2-1') },
      { key: key(2), value: undefined },
      { key: key(999), value: value('new') },
    ];
    db.transaction(() => state.applyChanges(2, v2Changes, true))();
    state.committed(v2Changes);
    const v3Changes = [{ key: key(1), value: value('v3-1') }];
    db.transaction(() => state.applyChanges(3, v3Changes, true))();
    state.committed(v3Changes);
    expect(read(state.get(key(1)))).toBe('v3-1');
    const v1 = state.at(1, 3);
    const v2 = state.at(2, 3);
    expect(read(v1.get(key(1)))).toBe('v1-1');
    expect(read(v2.get(key(1)))).toBe('v2-1');
    expect(read(v1.get(key(2)))).toBe('v1-2');
    expect(v2.get(key(2))).toBeUndefined();
    expect(v1.get(key(999))).toBeUndefined();
    const v1Range = [...v1.iterator(key(0), key(3), 'ascending')].map(([, v]) => read(v));
    expect(v1Range).toEqual(['v1-0', 'v1-1', 'v1-2']);
    expect([...v2.iterator(key(0), key(3), 'descending')].map(([, v]) => read(v))).toEqual(['v2-1', 'v1-0']);
    expect(state.at(3, 3)).toBe(state);
  });
});
