// Glue from the DKG to Coconut keys. A Coconut key over q attributes is q + 1 independent
// sharings (Nym's key_size): sharing 0 gives x, sharing j gives y_j. Points and scalars come out
// as plain values and in Nym's byte layouts (reference §4), so the Coconut package decodes them
// without depending on this one.
import {
  Fr,
  systemRandomBytes,
  type Bls12381,
  type G1,
  type G2,
  type RandomBytes,
  type Scalar,
} from '@nymts/bls12-381';
import { concatBytes } from './bytes';
import { invalidParameters } from './errors';
import { dkgParams } from './params';
import { batchWeights } from './rng';
import { type NodeIndex } from './types';

export interface CoconutSecretKey {
  readonly x: Scalar;
  readonly ys: readonly Scalar[];
}

/** α = x·g2, β1_j = y_j·g1, β2_j = y_j·g2. */
export interface CoconutVerificationKey {
  readonly alpha: G2;
  readonly beta1: readonly G1[];
  readonly beta2: readonly G2[];
}

/** Shaped like `@nymts/coconut`'s KeyShare, so it can be passed to it as it is. */
export interface CoconutKeyShare {
  readonly index: NodeIndex;
  readonly secretKey: CoconutSecretKey;
  readonly verificationKey: CoconutVerificationKey;
}

/** The node's Coconut secret and verification key from its combined shares, one per sharing. */
export function coconutKeyShare(bls: Bls12381, index: NodeIndex, shares: readonly Scalar[]): CoconutKeyShare {
  if (shares.length < 2) {
    throw invalidParameters(`a Coconut key needs q + 1 ≥ 2 sharings, got ${shares.length}`, {
      sharings: shares.length,
    });
  }
  const { g1, g2 } = dkgParams(bls);
  const [x, ...ys] = shares as [Scalar, ...Scalar[]];
  return {
    index,
    secretKey: { x, ys },
    verificationKey: { alpha: g2.mul(x), beta1: ys.map((y) => g1.mul(y)), beta2: ys.map((y) => g2.mul(y)) },
  };
}

/**
 * Nym's `check_vk_pairing`: the key's α and β2 equal what the DKG recovered for this node (one
 * recovered partial per sharing), and e(g1, β2_j) = e(β1_j, g2) for every j (checked as one
 * product with random weights), since a wrong β1 would break unblinding for every client.
 */
export function checkVerificationKeyShare(
  bls: Bls12381,
  key: CoconutVerificationKey,
  recovered: readonly G2[],
  rng: RandomBytes = systemRandomBytes,
): boolean {
  const q = key.beta2.length;
  if (key.beta1.length !== q || recovered.length !== q + 1) return false;
  if (!bls.G2.eq(key.alpha, recovered[0]!)) return false;
  if (!key.beta2.every((beta, j) => bls.G2.eq(beta, recovered[j + 1]!))) return false;
  const weights = batchWeights(rng, key.beta1.length);
  return bls.pairingProductIsOne([
    [bls.G1.generator, bls.G2.msm(key.beta2, weights)],
    [bls.G1.neg(bls.G1.msm(key.beta1, weights)), bls.G2.generator],
  ]);
}

function u64le(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value), true);
  return out;
}

/** Nym's SecretKey layout: x ‖ u64le(q) ‖ y_1..y_q. */
export function encodeCoconutSecretKey(key: CoconutSecretKey): Uint8Array {
  return concatBytes([Fr.toBytes(key.x), u64le(key.ys.length), ...key.ys.map((y) => Fr.toBytes(y))]);
}

/** Nym's VerificationKey layout: α ‖ u64le(q) ‖ β1_1..β1_q ‖ β2_1..β2_q. */
export function encodeCoconutVerificationKey(bls: Bls12381, key: CoconutVerificationKey): Uint8Array {
  return concatBytes([
    bls.G2.toBytes(key.alpha),
    u64le(key.beta2.length),
    ...key.beta1.map((beta) => bls.G1.toBytes(beta)),
    ...key.beta2.map((beta) => bls.G2.toBytes(beta)),
  ]);
}
