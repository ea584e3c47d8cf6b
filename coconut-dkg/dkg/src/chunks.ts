import { Fr, type Bls12381, type G1, type Scalar } from '@nymts/bls12-381';
import { CHUNK_BITS, NUM_CHUNKS } from './constants';

/** 2^{16·j}: the weight of chunk j when chunks are recombined. */
export const CHUNK_WEIGHTS: readonly Scalar[] = Array.from({ length: NUM_CHUNKS }, (_, j) =>
  Fr.create(1n << BigInt(CHUNK_BITS * j)),
);

/** The share's 32-byte little-endian encoding cut into 16 little-endian 16-bit chunks. */
export function shareToChunks(share: Scalar): bigint[] {
  const bytes = Fr.toBytes(share);
  return Array.from({ length: NUM_CHUNKS }, (_, j) => BigInt(bytes[2 * j]! | (bytes[2 * j + 1]! << 8)));
}

/**
 * Σ value_j·2^{16j} mod r: chunks back into a share, or the per-chunk randomness r_j into the r
 * of the combined ciphertext. Reducing a share (rather than refusing a sum ≥ r, as Nym's
 * `Scalar::from_bytes` does) keeps a dealer from making honest receivers fail with in-range chunks
 * of s + r: the sharing proof fixes the sum only mod r, and mod r it is the right share.
 */
export function combineChunks(values: readonly bigint[]): Scalar {
  return values.reduce((sum, value, j) => Fr.add(sum, Fr.mul(value, CHUNK_WEIGHTS[j]!)), 0n);
}

/**
 * Σ 2^{16j}·P_j: the per-chunk points of one ciphertext combined the way chunks combine. Horner's
 * rule with 2^16 as the factor: fifteen 17-bit multiplications beat a multi-scalar
 * multiplication with 240-bit weights.
 */
export function combineChunkPoints(bls: Bls12381, points: readonly G1[]): G1 {
  const factor = 1n << BigInt(CHUNK_BITS);
  return points.reduceRight((acc, point) => bls.G1.add(bls.G1.mul(acc, factor), point), bls.G1.zero);
}
