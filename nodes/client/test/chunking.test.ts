import fc from 'fast-check';
import { decodeFragment, type Fragment } from '../src/chunking/fragment';
import { Reassembler } from '../src/chunking/reassembler';
import { layoutFor, paddedLength, splitIntoFragments } from '../src/chunking/split';
import { FRAGMENT_SPACE } from '../src/constants';
import { fragmentMessage } from '../src/message/fragment-message';
import { decodeNymMessage } from '../src/message/nym-message';
import { unpadMessage } from '../src/message/padding';
import { createSeededRng } from '@nymts/node-common';

const layout = layoutFor(FRAGMENT_SPACE);
const U = layout.unlinked;
const L = layout.linked;
const EDGE = 255 * U - 3;
const MIDDLE = 255 * U - 6;

function reassembler(now = () => 0, overrides = {}) {
  return new Reassembler(
    {
      incompleteTimeoutMs: 1_000,
      completedRetentionMs: 10_000,
      maxBufferedBytes: 64 * 1024 * 1024,
      ...overrides,
    },
    now,
  );
}

function fragmentsOf(data: Uint8Array, seed: string): Fragment[] {
  const rng = createSeededRng(seed);
  return fragmentMessage({ kind: 'plain', data }, rng.randomBytes, () => false).map((f) =>
    decodeFragment(f.bytes),
  );
}

/** Compares large byte arrays quickly (jest's deep equality walks them element by element). */
function expectPlain(results: ReturnType<typeof reassemble>, data: Uint8Array) {
  expect(results).toHaveLength(1);
  const [message] = results;
  expect(message?.kind).toBe('plain');
  expect(Buffer.from(message?.kind === 'plain' ? message.data : []).equals(Buffer.from(data))).toBe(true);
}

function reassemble(fragments: Fragment[], r = reassembler()) {
  const done = fragments.map((f) => r.insert(f)).filter((result) => result.kind === 'complete');
  return done.map((result) =>
    result.kind === 'complete' ? decodeNymMessage(unpadMessage(result.message)) : undefined,
  );
}

describe('splitting into sets of fragments (nym-sphinx-chunking)', () => {
  it("gives the fragment counts and padding of Nym's own chunking tests", () => {
    // [bytes to place (message + the 0x01 marker), fragments, bytes of zero padding]
    const cases: [number, number, number][] = [
      [U - 5, 1, 5],
      [U, 1, 0],
      [U + 1, 2, U - 1],
      [2 * U, 2, 0],
      [42 * U - 5, 42, 5],
      [42 * U, 42, 0],
      [EDGE + L - 1, 256, 1],
      [EDGE + L, 256, 0],
      [EDGE + L + 41 * U - 5, 255 + 42, 5],
      [EDGE + L + 41 * U, 255 + 42, 0],
      [EDGE + 8 * MIDDLE + L - 1, 9 * 255 + 1, 1],
      [EDGE + 8 * MIDDLE + L, 9 * 255 + 1, 0],
      [EDGE + 8 * MIDDLE + L + 41 * U - 5, 9 * 255 + 42, 5],
    ];
    for (const [length, fragments, padding] of cases) {
      const padded = paddedLength(length, layout);
      expect(padded - length).toBe(padding);
      const split = splitIntoFragments(
        new Uint8Array(padded),
        layout,
        Array.from({ length: 11 }, (_, i) => i + 1).slice(0, Math.ceil(fragments / 255)),
      );
      expect(split).toHaveLength(fragments);
    }
  });

  it('links sets: the last fragment of a set names the next, the first of the next names it back', () => {
    const fragments = fragmentsOf(new Uint8Array(2 * EDGE + 5), 'links');
    const sets = [...new Set(fragments.map((f) => f.setId))];
    expect(sets).toHaveLength(3);
    const [a, b, c] = sets;
    const bySet = (id: number | undefined) => fragments.filter((f) => f.setId === id);
    expect(bySet(a)).toHaveLength(255);
    expect(bySet(a)[254]).toMatchObject({ position: 255, nextSetId: b });
    expect(bySet(b)[0]).toMatchObject({ position: 1, previousSetId: a });
    expect(bySet(b)[254]).toMatchObject({ nextSetId: c });
    expect(bySet(c)[0]).toMatchObject({ previousSetId: b });
  });

  it("fills every packet: all fragments of a padded message are exactly one packet's space", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * EDGE }), (size) => {
        const rng = createSeededRng(`fill-${size}`);
        const fragments = fragmentMessage(
          { kind: 'plain', data: new Uint8Array(size) },
          rng.randomBytes,
          () => false,
        );
        expect(fragments.every((f) => f.bytes.length === FRAGMENT_SPACE)).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('draws set ids in 1…2^31−1, distinct within a message and unused elsewhere', () => {
    const inUse = new Set<number>();
    const rng = createSeededRng('ids');
    for (let i = 0; i < 50; i++) {
      const fragments = fragmentMessage(
        { kind: 'plain', data: new Uint8Array(600_000) },
        rng.randomBytes,
        (id) => inUse.has(id),
      );
      const ids = new Set(fragments.map((f) => f.id.setId));
      for (const id of ids) {
        expect(id).toBeGreaterThan(0);
        expect(id).toBeLessThanOrEqual(0x7fffffff);
        expect(inUse.has(id)).toBe(false);
        inUse.add(id);
      }
    }
  });
});

describe('reassembly', () => {
  it('rebuilds messages of 1 byte to 1 MiB from fragments in any order, with duplicates', () => {
    const sizes = fc.oneof(
      fc.integer({ min: 1, max: 5_000 }),
      fc.integer({ min: 255 * U - 10, max: 255 * U + 10 }),
      fc.constant(1024 * 1024),
    );
    fc.assert(
      fc.property(sizes, fc.integer(), fc.integer({ min: 0, max: 20 }), (size, seed, duplicates) => {
        const data = createSeededRng(`data-${seed}`).randomBytes(size);
        const fragments = fragmentsOf(data, `split-${seed}`);
        const order = fc.sample(fc.shuffledSubarray(fragments, { minLength: fragments.length }), {
          numRuns: 1,
          seed,
        })[0]!;
        const copies = Array.from({ length: duplicates }, (_, i) => order[(i * 7919) % order.length]!);
        expectPlain(reassemble([...order, ...copies]), data);
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('completes a chained message whichever set finishes last', () => {
    const data = createSeededRng('chain').randomBytes(2 * EDGE + 3 * MIDDLE);
    const fragments = fragmentsOf(data, 'chain');
    const reversed = [...fragments].reverse();
    expectPlain(reassemble(reversed), data);
  }, 30_000);

  it('drops copies that arrive after delivery', () => {
    const data = new Uint8Array(5_000).fill(3);
    const fragments = fragmentsOf(data, 'late');
    const r = reassembler();
    expect(reassemble(fragments, r)).toHaveLength(1);
    expect(fragments.map((f) => r.insert(f).kind)).toEqual(fragments.map(() => 'duplicate'));
  });

  it('gives up incomplete sets after the timeout and forgets delivered ids after retention', () => {
    let now = 0;
    const r = reassembler(() => now);
    const fragments = fragmentsOf(new Uint8Array(10_000), 'timeout');
    r.insert(fragments[0]!);
    now = 999;
    expect(r.expire().expiredSets).toBe(0);
    now = 1_000;
    expect(r.expire().expiredSets).toBe(1);
    expect(r.pendingSets).toBe(0);
    expect(r.buffered).toBe(0);

    const other = fragmentsOf(new Uint8Array(10), 'retention');
    expect(r.insert(other[0]!).kind).toBe('complete');
    now += 9_999;
    r.expire();
    expect(r.insert(other[0]!).kind).toBe('duplicate');
    now += 1;
    r.expire();
    expect(r.insert(other[0]!).kind).toBe('complete');
  });

  it('refuses a fragment whose set size disagrees, and bounds the bytes it buffers', () => {
    const r = reassembler(() => 0, { maxBufferedBytes: 3 * U });
    const [a, b] = [fragmentsOf(new Uint8Array(5 * U), 'a'), fragmentsOf(new Uint8Array(5 * U), 'b')];
    expect(r.insert(a[0]!).kind).toBe('buffered');
    expect(r.insert({ ...a[1]!, total: 3 }).kind).toBe('inconsistent');
    r.insert(a[1]!);
    r.insert(b[0]!);
    r.insert(b[1]!);
    expect(r.buffered).toBeLessThanOrEqual(3 * U);
    expect(r.pendingSets).toBe(1);
  });
});
