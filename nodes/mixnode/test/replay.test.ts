import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createManualClock, createMetrics, createSeededRng, silentLogger } from '@nymts/node-common';
import {
  BloomFilter,
  ReplayFileError,
  ReplayFilter,
  bloomParameters,
  createReplayProtection,
  readReplayFile,
  replayCapacity,
  writeReplayFile,
} from '../src';

const rng = createSeededRng('replay tests');
const tags = (n: number): Uint8Array[] => Array.from({ length: n }, () => rng.randomBytes(32));

describe('Bloom filter sizing', () => {
  it("follows nym-node's formula (its own test vector: 725,760,000 tags at 1e-5)", () => {
    expect(bloomParameters(725_760_000, 1e-5)).toEqual({ bits: 17_391_129_920, hashes: 17 });
  });

  it("sizes a rotation's filter as packets/s × key lifetime × multiplier", () => {
    expect(
      replayCapacity({ packetsPerSecond: 200, keyLifetimeSeconds: 25 * 3600, sizeMultiplier: 1.12 }),
    ).toBe(20_160_000);
  });

  it('rejects rates outside (0, 1) and sizes no buffer can hold', () => {
    expect(() => bloomParameters(10, 0)).toThrow(RangeError);
    expect(() => bloomParameters(10, 1)).toThrow(RangeError);
    expect(() => bloomParameters(1e15, 1e-5)).toThrow(/more than one buffer holds/);
  });
});

describe('Bloom filter', () => {
  it('never forgets a tag, and keeps false positives near the configured rate', () => {
    const filter = BloomFilter.sized(10_000, 0.01);
    const inserted = tags(10_000);
    for (const tag of inserted) filter.add(tag);
    expect(inserted.every((tag) => filter.has(tag))).toBe(true);
    const falsePositives = tags(20_000).filter((tag) => filter.has(tag)).length;
    // Expected ≈ 200 (1 %); the seeded stream makes this exact run repeatable.
    expect(falsePositives).toBeGreaterThan(0);
    expect(falsePositives).toBeLessThan(400);
  });

  it('refuses tags too short to index by', () => {
    expect(() => BloomFilter.sized(10, 0.01).add(new Uint8Array(11))).toThrow(/at least 12 bytes/);
  });
});

describe('replay filter of one rotation', () => {
  it('reports a tag the second time it sees it', () => {
    const filter = ReplayFilter.create(0, { falsePositiveRate: 1e-5, initialCapacity: 1000 });
    const [tag] = tags(1) as [Uint8Array];
    expect(filter.checkAndInsert(tag)).toBe(false);
    expect(filter.checkAndInsert(tag)).toBe(true);
  });

  it('grows instead of resetting when traffic outruns its sizing, and still catches every replay', () => {
    const filter = ReplayFilter.create(3, { falsePositiveRate: 1e-4, initialCapacity: 100 });
    const seen = tags(700);
    const fresh = seen.filter((tag) => !filter.checkAndInsert(tag)).length;
    expect(fresh).toBeGreaterThanOrEqual(699);
    expect(filter.segments.length).toBeGreaterThan(1);
    expect(seen.every((tag) => filter.checkAndInsert(tag))).toBe(true);
  });

  it('survives a round trip through its file, and a damaged file is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nymts-replay-'));
    const path = join(dir, 'rot-9.bloom');
    const filter = ReplayFilter.create(9, { falsePositiveRate: 1e-3, initialCapacity: 50 });
    const seen = tags(120);
    for (const tag of seen) filter.checkAndInsert(tag);
    await writeReplayFile(path, filter, 1e-3);
    const { filter: restored } = await readReplayFile(path);
    expect(restored.rotationId).toBe(9);
    expect(restored.items).toBe(filter.items);
    expect(restored.segments.length).toBe(filter.segments.length);
    expect(seen.every((tag) => restored.checkAndInsert(tag))).toBe(true);

    const bytes = readFileSync(path);
    bytes[100] = (bytes[100] as number) ^ 1;
    writeFileSync(path, bytes);
    await expect(readReplayFile(path)).rejects.toThrow(ReplayFileError);
    writeFileSync(path, bytes.subarray(0, 40));
    await expect(readReplayFile(path)).rejects.toThrow(/damaged/);
  });
});

describe('replay protection across rotations and restarts', () => {
  const options = (directory: string) => ({
    directory,
    falsePositiveRate: 1e-5,
    initialCapacity: 1000,
    flushIntervalMs: 60_000,
  });
  const deps = (clock = createManualClock()) => ({
    clock,
    logger: silentLogger(),
    metrics: createMetrics({ role: 'mixnode' }),
  });

  it('keeps a filter per rotation, and remembers tags across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nymts-replay-'));
    const [a, b] = tags(2) as [Uint8Array, Uint8Array];
    const first = createReplayProtection(options(dir), deps());
    await first.open(0);
    await first.open(1);
    expect(first.check(0, a)).toBe('fresh');
    expect(first.check(1, a)).toBe('fresh');
    expect(first.check(1, b)).toBe('fresh');
    expect(first.check(2, a)).toBe('no_filter');
    await first.close();

    const second = createReplayProtection(options(dir), deps());
    await second.open(0);
    await second.open(1);
    expect(second.check(0, a)).toBe('replay');
    expect(second.check(1, b)).toBe('replay');
    expect(second.check(0, b)).toBe('fresh');
    await second.close();
  });

  it('flushes on the injected clock, and deletes a retired rotation with its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nymts-replay-'));
    const clock = createManualClock();
    const protection = createReplayProtection(options(dir), deps(clock));
    await protection.open(7);
    protection.start();
    protection.check(7, (tags(1) as [Uint8Array])[0]);
    expect(readdirSync(dir)).toEqual([]);
    clock.advance(60_000);
    await protection.flush();
    expect(readdirSync(dir)).toEqual(['rot-7.bloom']);
    await protection.purge(7);
    expect(readdirSync(dir)).toEqual([]);
    expect(protection.rotations).toEqual([]);
    await protection.close();
  });

  it('sets a damaged file aside, counts it, and starts that rotation empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nymts-replay-'));
    writeFileSync(join(dir, 'rot-0.bloom'), 'not a filter');
    const metrics = createMetrics({ role: 'mixnode' });
    const protection = createReplayProtection(options(dir), {
      clock: createManualClock(),
      logger: silentLogger(),
      metrics,
    });
    await protection.open(0);
    expect(await metrics.value('replay_filter_load_failures_total')).toBe(1);
    expect(readdirSync(dir).some((name) => name.startsWith('rot-0.bloom.damaged-'))).toBe(true);
    expect(protection.check(0, (tags(1) as [Uint8Array])[0])).toBe('fresh');
    await protection.close();
  });
});
