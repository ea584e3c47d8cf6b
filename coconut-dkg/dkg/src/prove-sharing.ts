import { Fr, type Bls12381, type RandomBytes, type Scalar } from '@nymts/bls12-381';
import { dkgParams } from './params';
import {
  receiverPowers,
  sharingChallenge,
  sharingInstanceHash,
  type SharingStatement,
} from './sharing-challenges';
import { type ProofOfSharing } from './types';

/**
 * Groth's proof of correct sharing (ePrint 2021/339 §6.4): the combined ciphertexts
 * C_i = r·y_i + s_i·g1 encrypt evaluations s_i = p(index_i) of the polynomial committed to by
 * A_0..A_{t−1}. Witness: r = Σ 2^{16j}·r_j and the shares.
 */
export function proveSharing(
  bls: Bls12381,
  statement: SharingStatement,
  witness: { readonly r: Scalar; readonly shares: readonly Scalar[] },
  rng: RandomBytes,
): ProofOfSharing {
  const { g1, g2 } = dkgParams(bls);
  const x = sharingInstanceHash(bls, statement);
  const xPowers = receiverPowers(x, statement.receivers.length);
  const alpha = Fr.random(rng);
  const rho = Fr.random(rng);

  const ff = g1.mul(rho);
  const aa = g2.mul(alpha);
  const yy = bls.G1.msm(
    [...statement.receivers.map((receiver) => receiver.publicKey), g1],
    [...xPowers.map((power) => Fr.mul(power, rho)), alpha],
  );
  const c = sharingChallenge(bls, x, ff, aa, yy);
  const weightedShares = witness.shares.reduce(
    (acc, share, i) => Fr.add(acc, Fr.mul(share, xPowers[i]!)),
    0n,
  );
  return {
    ff,
    aa,
    yy,
    responseR: Fr.add(Fr.mul(witness.r, c), rho),
    responseAlpha: Fr.add(Fr.mul(weightedShares, c), alpha),
  };
}
