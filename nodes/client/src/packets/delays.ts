import { sampleDelays } from '@nymts/sphinx';
import type { Rng } from '../runtime';

const NANOS_PER_MS = 1_000_000;

/** One exponential delay per hop, in nanoseconds as Sphinx carries them. */
export function sampleRouteDelays(hops: number, meanMs: number, rng: Rng): bigint[] {
  return sampleDelays(hops, meanMs, () => rng.random());
}

/** The wait a packet will see: every hop but the last, a gateway, which does not delay (Nym). */
export function expectedDelayMs(delays: readonly bigint[]): number {
  return Number(delays.slice(0, -1).reduce((sum, delay) => sum + delay, 0n)) / NANOS_PER_MS;
}
