import { randomBytes } from 'node:crypto';
import { SphinxError } from './errors';

/** Uniform in [0, 1). Injected so tests can make delays deterministic. */
export type UniformRandom = () => number;

/** 53 random bits from node:crypto. */
export const secureUniform: UniformRandom = () => {
  const bits = randomBytes(8).readBigUInt64BE() >> 11n;
  return Number(bits) / 2 ** 53;
};

const NANOS_PER_MILLI = 1_000_000;
const U64_MAX = (1n << 64n) - 1n;

/**
 * One per-hop delay from the exponential distribution with the given mean (Loopix; Nym samples
 * `Exp(1 / mean_ns)` and rounds to whole nanoseconds). A mean of 0 gives 0.
 */
export function sampleExponentialDelay(meanMs: number, rng: UniformRandom = secureUniform): bigint {
  if (!Number.isFinite(meanMs) || meanMs < 0) {
    throw new SphinxError('bad_route', `a mean delay must be a finite number ≥ 0 ms, got ${meanMs}`);
  }
  if (meanMs === 0) return 0n;
  const u = rng();
  if (!(u >= 0 && u < 1))
    throw new SphinxError('bad_route', `the uniform source returned ${u}, outside [0, 1)`);
  const nanos = BigInt(Math.round(-Math.log1p(-u) * meanMs * NANOS_PER_MILLI));
  return nanos > U64_MAX ? U64_MAX : nanos;
}

/** `count` independent delays with the same mean, e.g. one per hop of a route. */
export function sampleDelays(count: number, meanMs: number, rng: UniformRandom = secureUniform): bigint[] {
  return Array.from({ length: count }, () => sampleExponentialDelay(meanMs, rng));
}
