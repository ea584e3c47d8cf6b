import { type Bls12381, type RandomBytes } from '@nymts/bls12-381';
import { dkgParams } from './params';
import { batchWeights } from './rng';
import { type Ciphertexts } from './types';

/**
 * e(R_j, f)·e(S_j, h) = e(g1, Z_j) for every chunk j, batched: with random weights ρ_j the
 * single product e(Σρ_j·R_j, f)·e(Σρ_j·S_j, h)·e(−g1, Σρ_j·Z_j) = 1 fails for a bad triple except
 * with probability 2^-128. One three-pairing product instead of Nym's sixteen.
 */
export function verifyCiphertextIntegrity(
  bls: Bls12381,
  ciphertexts: Ciphertexts,
  rng: RandomBytes,
): boolean {
  const { f, h } = dkgParams(bls);
  const weights = batchWeights(rng, ciphertexts.rr.length);
  return bls.pairingProductIsOne([
    [bls.G1.msm(ciphertexts.rr, weights), f.point],
    [bls.G1.msm(ciphertexts.ss, weights), h.point],
    [bls.G1.neg(bls.G1.generator), bls.G2.msm(ciphertexts.zz, weights)],
  ]);
}
