import { Fr, type Bls12381, type G1, type RandomBytes, type Scalar } from '@nymts/bls12-381';
import { NUM_CHUNKS } from './constants';
import { dkgParams } from './params';
import { type Ciphertexts } from './types';

/** r_j and s_j: the witnesses of the proofs. Whoever holds them can decrypt every chunk. */
export interface EncryptionRandomness {
  readonly r: readonly Scalar[];
  readonly s: readonly Scalar[];
}

/**
 * Chunk j of every receiver shares R_j = r_j·g1; receiver i gets C_{i,j} = r_j·y_i + chunk·g1.
 * S_j and Z_j = r_j·f + s_j·h are the binary-tree-encryption parts Nym keeps in the format.
 */
export function encryptChunks(
  bls: Bls12381,
  publicKeys: readonly G1[],
  chunks: readonly (readonly bigint[])[],
  rng: RandomBytes,
): { ciphertexts: Ciphertexts; randomness: EncryptionRandomness } {
  const { g1, f, h } = dkgParams(bls);
  const r = Array.from({ length: NUM_CHUNKS }, () => Fr.random(rng));
  const s = Array.from({ length: NUM_CHUNKS }, () => Fr.random(rng));
  const ciphertexts: Ciphertexts = {
    rr: r.map((rj) => g1.mul(rj)),
    ss: s.map((sj) => g1.mul(sj)),
    zz: r.map((rj, j) => bls.G2.msm([f, h], [rj, s[j]!])),
    chunks: publicKeys.map((publicKey, i) => {
      const base = bls.G1.precompute(publicKey);
      return r.map((rj, j) => bls.G1.add(base.mul(rj), g1.mul(chunks[i]![j]!)));
    }),
  };
  return { ciphertexts, randomness: { r, s } };
}
