import { Bls12381Error, lagrangeAtZero, type Scalar } from '@nymts/bls12-381';
import { CoconutError } from './errors';
import { createVerificationKey } from './keys';
import type { Parameters } from './params';
import type { Signature, SignerIndex, VerificationKey } from './types';

export interface SignatureShare {
  readonly index: SignerIndex;
  readonly signature: Signature;
}

export interface VerificationKeyShare {
  readonly index: SignerIndex;
  readonly verificationKey: VerificationKey;
}

/**
 * Lagrange coefficients at 0 over the signers' indices. With fewer than t shares the result is a
 * wrong value, not an error: callers verify what they aggregate.
 */
function coefficients(indices: readonly SignerIndex[]): Scalar[] {
  if (indices.length === 0) throw new CoconutError('bad-argument', 'nothing to aggregate');
  for (const index of indices) {
    if (!Number.isSafeInteger(index) || index < 1) {
      throw new CoconutError('bad-argument', `signer index ${index} is not a positive integer`, { index });
    }
  }
  try {
    return lagrangeAtZero(indices.map(BigInt));
  } catch (error) {
    if (error instanceof Bls12381Error)
      throw new CoconutError('bad-argument', error.message, {}, { cause: error });
    throw error;
  }
}

/**
 * s = Σ λᵢ·sᵢ over the signers' indices. Unlike Nym, which took h from the first share unchecked,
 * every share must carry the same h: shares over different h sign different requests, and mixing
 * them yields garbage at best. Throws `mismatched-shares`.
 */
export function aggregateSignatures(params: Parameters, shares: readonly SignatureShare[]): Signature {
  const { G1 } = params.bls;
  const lambdas = coefficients(shares.map((share) => share.index));
  const h = shares[0]!.signature.h;
  if (G1.isZero(h)) throw new CoconutError('invalid-share', 'a signature share has h = identity');
  shares.forEach((share) => {
    if (!G1.eq(share.signature.h, h)) {
      throw new CoconutError(
        'mismatched-shares',
        `the share of signer ${share.index} is over a different h`,
        {
          index: share.index,
        },
      );
    }
  });
  const s = G1.msm(
    shares.map((share) => share.signature.s),
    lambdas,
  );
  return Object.freeze({ h, s });
}

/** α, every β1ⱼ and every β2ⱼ interpolated at 0 with the same λᵢ. All keys must have one size. */
export function aggregateVerificationKeys(
  params: Parameters,
  shares: readonly VerificationKeyShare[],
): VerificationKey {
  const { G1, G2 } = params.bls;
  const lambdas = coefficients(shares.map((share) => share.index));
  const size = shares[0]!.verificationKey.beta2.length;
  for (const { index, verificationKey } of shares) {
    if (verificationKey.beta1.length !== size || verificationKey.beta2.length !== size) {
      throw new CoconutError('bad-argument', `the key of signer ${index} does not cover ${size} attributes`, {
        index,
      });
    }
  }
  const keys = shares.map((share) => share.verificationKey);
  return createVerificationKey({
    alpha: G2.msm(
      keys.map((key) => key.alpha),
      lambdas,
    ),
    beta1: Array.from({ length: size }, (_, j) =>
      G1.msm(
        keys.map((key) => key.beta1[j]!),
        lambdas,
      ),
    ),
    beta2: Array.from({ length: size }, (_, j) =>
      G2.msm(
        keys.map((key) => key.beta2[j]!),
        lambdas,
      ),
    ),
  });
}
