import { Fr, type Bls12381, type G1, type G2, type Scalar } from '@nymts/bls12-381';
import { concatBytes } from './bytes';
import { DST } from './constants';
import { powers } from './polynomial';
import { type Receiver } from './types';

/** The sharing statement: chunks already combined, R = Σ 2^{16j}·R_j, C_i = Σ 2^{16j}·C_{i,j}. */
export interface SharingStatement {
  readonly receivers: readonly Receiver[];
  readonly publicCoefficients: readonly G2[];
  readonly combinedR: G1;
  readonly combinedCiphertexts: readonly G1[];
}

/** x = hash_to_scalar(y_1..y_n ‖ A_0..A_{t−1} ‖ R ‖ C_1..C_n) under the INSTANCE DST. */
export function sharingInstanceHash(bls: Bls12381, statement: SharingStatement): Scalar {
  return Fr.hashToScalar(
    concatBytes([
      ...statement.receivers.map((receiver) => bls.G1.toBytes(receiver.publicKey)),
      ...statement.publicCoefficients.map((coefficient) => bls.G2.toBytes(coefficient)),
      bls.G1.toBytes(statement.combinedR),
      ...statement.combinedCiphertexts.map((c) => bls.G1.toBytes(c)),
    ]),
    DST.sharingInstance,
  );
}

/** c = hash_to_scalar(le(x) ‖ F ‖ A ‖ Y) under the CHALLENGE DST. */
export function sharingChallenge(bls: Bls12381, x: Scalar, ff: G1, aa: G2, yy: G1): Scalar {
  return Fr.hashToScalar(
    concatBytes([Fr.toBytes(x), bls.G1.toBytes(ff), bls.G2.toBytes(aa), bls.G1.toBytes(yy)]),
    DST.sharingChallenge,
  );
}

/** x^1 … x^n: the receiver at position i (from 1) is weighted by x^i. */
export function receiverPowers(x: Scalar, receivers: number): Scalar[] {
  return powers(x, receivers + 1).slice(1);
}
