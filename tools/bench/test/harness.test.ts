import fc from 'fast-check';
import { parseArgs } from '../src/args';
import { createContext } from '../src/context';
import { selectBenchFiles } from '../src/discover';
import { formatNumber, toJsonLine } from '../src/format';
import { measureRate, median, percentile } from '../src/measure';
import type { BenchResult } from '../src/types';

describe('parseArgs', () => {
  it('separates flags from filters', () => {
    expect(parseArgs(['--json', 'chain', 'sphinx'])).toEqual({
      kind: 'run',
      args: { json: true, list: false, filters: ['chain', 'sphinx'] },
    });
    expect(parseArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--nope'])).toEqual({ kind: 'error', message: 'unknown option --nope' });
  });
});

describe('selectBenchFiles', () => {
  const files = ['chain/bench/send.bench.ts', 'nodes/sphinx/bench/unwrap.bench.ts'];
  it('keeps everything without filters and matches substrings case-insensitively', () => {
    expect(selectBenchFiles(files, [])).toEqual(files);
    expect(selectBenchFiles(files, ['SPHINX'])).toEqual([files[1]]);
    expect(selectBenchFiles(files, ['chain', 'unwrap'])).toEqual(files);
    expect(selectBenchFiles(files, ['coconut'])).toEqual([]);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const samples = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(median([4])).toBe(4);
  });

  it('always returns one of the samples, monotonic in p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { minLength: 1 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (raw, p) => {
          const sorted = [...raw].sort((a, b) => a - b);
          const value = percentile(sorted, p);
          expect(sorted).toContain(value);
          expect(percentile(sorted, Math.min(100, p + 1))).toBeGreaterThanOrEqual(value);
        },
      ),
    );
  });

  it('refuses empty input and p outside [0, 100]', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
    expect(() => percentile([1], 101)).toThrow('outside');
  });
});

describe('measureRate', () => {
  it('counts every timed call and derives the rate from them', async () => {
    let calls = 0;
    const rate = await measureRate(
      () => {
        calls++;
      },
      { minDurationMs: 0, minIterations: 25, warmupIterations: 5 },
    );
    expect(rate.iterations).toBe(25);
    expect(calls).toBe(30);
    expect(rate.opsPerSecond).toBeCloseTo((rate.iterations * 1000) / rate.elapsedMs, 6);
  });
});

describe('context', () => {
  function collect(): { results: BenchResult[]; ctx: ReturnType<typeof createContext> } {
    const results: BenchResult[] = [];
    const ctx = createContext(
      { result: (r) => results.push(r), progress: () => undefined },
      new AbortController().signal,
    );
    return { results, ctx };
  }

  it('computes the ratio as ours / baseline', () => {
    const { results, ctx } = collect();
    ctx.compare({ name: 'x', value: 12, baseline: 4, unit: 'tx/s' });
    expect(results).toEqual([{ name: 'x', value: 12, baseline: 4, ratio: 3, unit: 'tx/s' }]);
  });

  it('rejects figures that are not finite and zero baselines', () => {
    const { ctx } = collect();
    expect(() => ctx.report({ name: 'x', value: NaN, unit: 'ms' })).toThrow('not a finite number');
    expect(() => ctx.compare({ name: 'x', value: 1, baseline: Infinity, unit: 'ms' })).toThrow('baseline');
    expect(() => ctx.compare({ name: 'x', value: 1, baseline: 0, unit: 'ms' })).toThrow('zero');
  });
});

describe('formatting', () => {
  it('prints readable numbers', () => {
    expect(formatNumber(1234567.8)).toBe('1,234,568');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(15.84)).toBe('15.8');
    expect(formatNumber(0)).toBe('0');
  });

  it('omits baseline and ratio from JSON when nothing was compared', () => {
    expect(toJsonLine({ name: 'a', value: 1, unit: 'ms' })).toBe('{"name":"a","value":1,"unit":"ms"}');
    expect(JSON.parse(toJsonLine({ name: 'a', value: 2, unit: 'ms', baseline: 1, ratio: 2 }))).toEqual({
      name: 'a',
      value: 2,
      unit: 'ms',
      baseline: 1,
      ratio: 2,
    });
  });
});
