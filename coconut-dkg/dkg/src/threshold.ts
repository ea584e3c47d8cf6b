import { invalidParameters } from './errors';

/**
 * t = ⌈2n/3⌉ (the contract's `(2n).div_ceil(3)`): polynomials have t coefficients, so any t
 * shares reconstruct and t − 1 reveal nothing.
 */
export function thresholdFor(participants: number): number {
  if (!Number.isSafeInteger(participants) || participants < 1) {
    throw invalidParameters(`a DKG needs at least one participant, got ${participants}`, { participants });
  }
  return Math.ceil((2 * participants) / 3);
}
