import { Fr, type G1, type Scalar } from '@nymts/bls12-381';
import { concatBytes } from '@noble/curves/utils.js';
import { hashToG1 } from '../hashing';
import type { Parameters } from '../params';

/**
 * h = hash_g1(enc(cm) ‖ le(pub₁) ‖ … ‖ le(pub_p)): bound to the whole message (Cure53 SI-86), and
 * recomputed by every signer rather than taken from the client.
 */
export function requestH(params: Parameters, commitment: G1, publicAttributes: readonly Scalar[]): G1 {
  return hashToG1(
    params.bls,
    concatBytes(params.bls.G1.toBytes(commitment), ...publicAttributes.map((m) => Fr.toBytes(m))),
  );
}
