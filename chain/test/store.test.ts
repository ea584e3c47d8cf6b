import fc from 'fast-check';
import { DEFAULT_KV_GAS_CONFIG as G } from '../src/gas/config';
import { createGasMeter } from '../src/gas/meter';
import { OutOfGasError } from '../src/gas/types';
import { CacheStore, MemoryStore } from '../src/store/cache';
import { GasKVStore } from '../src/store/gas-kv';
import { PrefixStore } from '../src/store/prefix';
import type { KVStore, StoreBranch } from '../src/store/types';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (value: Uint8Array) => Buffer.from(value).toString('latin1');

function entries(
  store: KVStore,
  start?: string,
  end?: string,
  order: 'ascending' | 'descending' = 'ascending',
) {
  return [
    ...store.iterator(
      start === undefined ? undefined : bytes(start),
      end === undefined ? undefined : bytes(end),
      order,
    ),
  ].map(([key, value]) => [text(key), text(value)]);
}

function modelRange(
  model: Map<string, string>,
  start?: string,
  end?: string,
  order: 'ascending' | 'descending' = 'ascending',
) {
  const keys = [...model.keys()]
    .filter((key) => (start === undefined || key >= start) && (end === undefined || key < end))
    .sort();
  if (order === 'descending') keys.reverse();
  return keys.map((key) => [key, model.get(key) as string]);
}

describe('branching stores', () => {
  // Keys over a small alphabet (including 0x00 and 0xff) so ranges and prefixes collide often.
  const key = fc.string({ unit: fc.constantFrom('a', 'b', '\u0000', '\u00ff'), minLength: 1, maxLength: 3 });
  const op = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key, value: fc.string({ maxLength: 3 }) }),
    fc.record({ kind: fc.constant('delete' as const), key }),
    fc.record({ kind: fc.constant('branch' as const) }),
    fc.record({ kind: fc.constant('write' as const) }),
    fc.record({ kind: fc.constant('drop' as const) }),
  );

  it('behave like nested copies of a map: writes reach the parent only on write()', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), key, key, (ops, a, b) => {
        const root = new MemoryStore();
        const stores: Array<{ store: KVStore & { branch(): StoreBranch }; model: Map<string, string> }> = [
          { store: root, model: new Map() },
        ];
        for (const step of ops) {
          const top = stores[stores.length - 1]!;
          if (step.kind === 'set') {
            top.store.set(bytes(step.key), bytes(step.value));
            top.model.set(step.key, step.value);
          } else if (step.kind === 'delete') {
            top.store.delete(bytes(step.key));
            top.model.delete(step.key);
          } else if (step.kind === 'branch') {
            stores.push({ store: top.store.branch(), model: new Map(top.model) });
          } else if (stores.length > 1) {
            const child = stores.pop()!;
            if (step.kind === 'write') {
              (child.store as StoreBranch).write();
              stores[stores.length - 1]!.model = child.model;
            }
          }
        }
        for (const { store, model } of stores) {
          const [low, high] = a < b ? [a, b] : [b, a];
          expect(entries(store)).toEqual(modelRange(model));
          expect(entries(store, undefined, undefined, 'descending')).toEqual(
            modelRange(model, undefined, undefined, 'descending'),
          );
          expect(entries(store, low, high)).toEqual(modelRange(model, low, high));
          expect(entries(store, low, undefined, 'descending')).toEqual(
            modelRange(model, low, undefined, 'descending'),
          );
          expect(store.get(bytes(a)) === undefined ? undefined : text(store.get(bytes(a))!)).toBe(
            model.get(a),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists a branch’s pending changes in key order, deletions included', () => {
    const root = new MemoryStore();
    root.set(bytes('b'), bytes('1'));
    const branch = new CacheStore(root);
    branch.set(bytes('c'), bytes('3'));
    branch.delete(bytes('b'));
    branch.set(bytes('a'), bytes('0'));
    expect(branch.changes().map((change) => [text(change.key), change.value && text(change.value)])).toEqual([
      ['a', '0'],
      ['b', undefined],
      ['c', '3'],
    ]);
    expect(() => branch.set(new Uint8Array(), bytes('x'))).toThrow(/must not be empty/);
  });
});

describe('PrefixStore', () => {
  it('sees only its own keys, stripped of the prefix', () => {
    const root = new MemoryStore();
    const bank = new PrefixStore(root, bytes('bank/'));
    const bankx = new PrefixStore(root, bytes('bankx/'));
    bank.set(bytes('k1'), bytes('v1'));
    bank.set(bytes('k2'), bytes('v2'));
    bankx.set(bytes('k1'), bytes('other'));
    expect(entries(bank)).toEqual([
      ['k1', 'v1'],
      ['k2', 'v2'],
    ]);
    expect(entries(bank, 'k2')).toEqual([['k2', 'v2']]);
    expect(text(root.get(bytes('bank/k1'))!)).toBe('v1');
    bank.delete(bytes('k1'));
    expect(bankx.get(bytes('k1'))).toBeDefined();
  });
});

describe('GasKVStore', () => {
  it('charges the SDK KV gas schedule', () => {
    const meter = createGasMeter(1_000_000);
    const store = new GasKVStore(new MemoryStore(), meter);
    store.set(bytes('key'), bytes('value'));
    expect(meter.consumed()).toBe(G.writeCostFlat + G.writeCostPerByte * (3 + 5));
    let used = meter.consumed();
    store.get(bytes('key'));
    expect(meter.consumed() - used).toBe(G.readCostFlat + G.readCostPerByte * (3 + 5));
    used = meter.consumed();
    store.get(bytes('nope'));
    expect(meter.consumed() - used).toBe(G.readCostFlat + G.readCostPerByte * 4);
    used = meter.consumed();
    expect(store.has(bytes('key'))).toBe(true);
    expect(meter.consumed() - used).toBe(G.hasCost);
    used = meter.consumed();
    expect([...store.iterator(undefined, undefined, 'ascending')]).toHaveLength(1);
    expect(meter.consumed() - used).toBe(G.readCostPerByte * 8 + 2 * G.iterNextCostFlat);
    used = meter.consumed();
    store.delete(bytes('key'));
    expect(meter.consumed() - used).toBe(G.deleteCost);
  });

  it('throws out of gas before a write lands', () => {
    const inner = new MemoryStore();
    const store = new GasKVStore(inner, createGasMeter(2100));
    expect(() => store.set(bytes('key'), bytes('value'))).toThrow(OutOfGasError);
    expect(inner.get(bytes('key'))).toBeUndefined();
  });
});
