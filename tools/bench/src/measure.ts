import { performance } from 'node:perf_hooks';

export interface RateOptions {
  /** Keep measuring until this much wall time has passed… */
  minDurationMs?: number;
  /** …and at least this many calls were made. */
  minIterations?: number;
  /** Untimed calls first, so the JIT has settled. */
  warmupIterations?: number;
  signal?: AbortSignal;
}

export interface RateMeasurement {
  opsPerSecond: number;
  iterations: number;
  elapsedMs: number;
}

/** Calls `fn` repeatedly and reports calls per second. */
export async function measureRate(fn: () => unknown, options: RateOptions = {}): Promise<RateMeasurement> {
  const { minDurationMs = 1000, minIterations = 10, warmupIterations = 3, signal } = options;
  for (let i = 0; i < warmupIterations; i++) await fn();
  let iterations = 0;
  const start = performance.now();
  let elapsedMs = 0;
  while ((elapsedMs < minDurationMs || iterations < minIterations) && !signal?.aborted) {
    await fn();
    iterations++;
    elapsedMs = performance.now() - start;
  }
  return { opsPerSecond: (iterations * 1000) / elapsedMs, iterations, elapsedMs };
}

/** Times each call separately, for medians and tail latencies. Returns milliseconds, sorted. */
export async function sampleDurations(
  fn: () => unknown,
  options: { iterations: number; warmupIterations?: number; signal?: AbortSignal },
): Promise<number[]> {
  const { iterations, warmupIterations = 2, signal } = options;
  for (let i = 0; i < warmupIterations; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations && !signal?.aborted; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

/** Nearest-rank percentile of ascending samples; `p` in [0, 100]. */
export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) throw new RangeError('percentile of no samples');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside [0, 100]`);
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAscending.length));
  return sortedAscending[rank - 1] as number;
}

export function median(sortedAscending: readonly number[]): number {
  return percentile(sortedAscending, 50);
}
