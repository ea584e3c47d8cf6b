import { Fr, type Bls12381, type G1, type RandomBytes, type Scalar } from '@nymts/bls12-381';
import { DST } from './constants';
import { concatBytes } from './bytes';
import { dkgParams } from './params';
import { type ProofOfDiscreteLog } from './types';

function challenge(bls: Bls12381, publicKey: G1, commitment: G1): Scalar {
  return Fr.hashToScalar(
    concatBytes([bls.G1.toBytes(publicKey), bls.G1.toBytes(commitment)]),
    DST.discreteLog,
  );
}

/** Schnorr: R = k·g1, c = H(y ‖ R), z = k + c·x. */
export function proveDiscreteLog(
  bls: Bls12381,
  publicKey: G1,
  secret: Scalar,
  rng: RandomBytes,
): ProofOfDiscreteLog {
  const nonce = Fr.random(rng);
  const commitment = dkgParams(bls).g1.mul(nonce);
  const c = challenge(bls, publicKey, commitment);
  return { commitment, response: Fr.add(nonce, Fr.mul(c, secret)) };
}

/** z·g1 = R + c·y. */
export function verifyDiscreteLog(bls: Bls12381, publicKey: G1, proof: ProofOfDiscreteLog): boolean {
  const c = challenge(bls, publicKey, proof.commitment);
  const { g1 } = dkgParams(bls);
  const difference = bls.G1.msm([g1, proof.commitment, publicKey], [proof.response, Fr.neg(1n), Fr.neg(c)]);
  return bls.G1.isZero(difference);
}
