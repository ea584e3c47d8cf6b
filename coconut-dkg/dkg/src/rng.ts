import { type RandomBytes } from '@nymts/bls12-381';

function bytesToBigIntBE(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** A uniform integer in [0, bound): rejection sampling on the smallest covering bit length. */
export function uniformBelow(rng: RandomBytes, bound: bigint): bigint {
  if (bound <= 0n) throw new RangeError(`uniformBelow: bound ${bound} is not positive`);
  const bits = bound.toString(2).length;
  const length = Math.ceil(bits / 8);
  const excess = BigInt(length * 8 - bits);
  for (;;) {
    const candidate = bytesToBigIntBE(rng(length)) >> excess;
    if (candidate < bound) return candidate;
  }
}

/**
 * Random 128-bit weights for batching verification equations: a false equation survives the
 * weighted sum with probability at most 2^-128, and the multi-scalar multiplications run on
 * half-length scalars.
 */
export function batchWeights(rng: RandomBytes, count: number): bigint[] {
  return Array.from({ length: count }, () => bytesToBigIntBE(rng(16)));
}
