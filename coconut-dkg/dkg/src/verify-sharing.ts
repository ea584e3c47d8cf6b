import { Fr, type Bls12381, type RandomBytes } from '@nymts/bls12-381';
import { dkgParams } from './params';
import { powers } from './polynomial';
import { batchWeights } from './rng';
import {
  receiverPowers,
  sharingChallenge,
  sharingInstanceHash,
  type SharingStatement,
} from './sharing-challenges';
import { type ProofOfSharing } from './types';

/** Σ_i index_i^k·x^i for k < t: how A_k enters the G2 equation. */
function coefficientWeights(statement: SharingStatement, xPowers: readonly bigint[]): bigint[] {
  const weights = statement.publicCoefficients.map(() => 0n);
  statement.receivers.forEach((receiver, i) => {
    powers(BigInt(receiver.index), weights.length).forEach((indexPower, k) => {
      weights[k] = Fr.add(weights[k]!, Fr.mul(indexPower, xPowers[i]!));
    });
  });
  return weights;
}

/**
 * c·R + F = z_r·g1,  c·Σ_k (Σ_i index_i^k·x^i)·A_k + A = z_α·g2,
 * c·Σ_i x^i·C_i + Y = z_r·Σ_i x^i·y_i + z_α·g1.
 * The two G1 equations are checked as one, the first weighted by a random ρ.
 */
export function verifySharing(
  bls: Bls12381,
  statement: SharingStatement,
  proof: ProofOfSharing,
  rng: RandomBytes,
): boolean {
  const receivers = statement.receivers.length;
  if (receivers === 0 || statement.combinedCiphertexts.length !== receivers) return false;
  if (statement.publicCoefficients.length === 0) return false;
  const { g1, g2 } = dkgParams(bls);
  const x = sharingInstanceHash(bls, statement);
  const xPowers = receiverPowers(x, receivers);
  const c = sharingChallenge(bls, x, proof.ff, proof.aa, proof.yy);

  const g2Side = bls.G2.msm(
    [...statement.publicCoefficients, proof.aa, g2],
    [...coefficientWeights(statement, xPowers).map((w) => Fr.mul(w, c)), 1n, Fr.neg(proof.responseAlpha)],
  );
  if (!bls.G2.isZero(g2Side)) return false;

  const [rho] = batchWeights(rng, 1) as [bigint];
  const g1Side = bls.G1.msm(
    [
      statement.combinedR,
      proof.ff,
      ...statement.combinedCiphertexts,
      proof.yy,
      ...statement.receivers.map((receiver) => receiver.publicKey),
      g1,
    ],
    [
      Fr.mul(rho, c),
      rho,
      ...xPowers.map((power) => Fr.mul(power, c)),
      1n,
      ...xPowers.map((power) => Fr.neg(Fr.mul(power, proof.responseR))),
      Fr.neg(Fr.add(Fr.mul(rho, proof.responseR), proof.responseAlpha)),
    ],
  );
  return bls.G1.isZero(g1Side);
}
