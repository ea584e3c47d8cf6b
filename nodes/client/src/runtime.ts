import { randomBytes, randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';

// SEAM: the same shapes as @nymts/node-common's `Clock` and `Rng` (time/clock.ts, random/rng.ts),
// so the integrator can pass the shared implementations; these defaults go once it is merged.

export interface Timer {
  cancel(): void;
}

/** Time as the client sees it: every delay and timeout goes through this, so tests can drive it. */
export interface Clock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  setTimer(delayMs: number, callback: () => void): Timer;
}

export interface Rng {
  randomBytes(length: number): Uint8Array;
  /** Uniform integer in [0, maxExclusive). */
  randomInt(maxExclusive: number): number;
  /** Uniform in [0, 1) with 53 random bits. */
  random(): number;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer(delayMs, callback) {
    const handle = setTimeout(callback, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(handle) };
  },
};

export const cryptoRng: Rng = {
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
  randomInt: (maxExclusive) => randomInt(maxExclusive),
  random: () => Number(randomBytes(8).readBigUInt64BE() >> 11n) / 2 ** 53,
};
