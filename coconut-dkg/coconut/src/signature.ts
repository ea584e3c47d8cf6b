import { Fr, type Scalar } from '@nymts/bls12-381';
import type { Parameters } from './params';
import { keyBases } from './prepared-key';
import type { Signature, Verdict, VerificationKey } from './types';

/**
 * Verify(vk, σ, m): h ≠ O and e(h, α + Σ mᵢ·β2ᵢ) · e(−s, g2) = 1, with the attributes in key
 * order (private first, then public).
 */
export function verifySignature(
  params: Parameters,
  verificationKey: VerificationKey,
  signature: Signature,
  attributes: readonly Scalar[],
): Verdict {
  const { G1, G2 } = params.bls;
  if (attributes.length < 1 || attributes.length > verificationKey.beta2.length) {
    return { kind: 'invalid', reason: 'attribute-count' };
  }
  if (G1.isZero(signature.h)) return { kind: 'invalid', reason: 'identity-h' };
  const key = keyBases(verificationKey);
  const exponent = G2.add(
    verificationKey.alpha,
    G2.msm(key.beta2.slice(0, attributes.length), attributes.map(Fr.create)),
  );
  const holds = params.bls.pairingProductIsOne([
    [signature.h, exponent],
    [G1.neg(signature.s), params.g2.point],
  ]);
  return holds ? { kind: 'valid' } : { kind: 'invalid', reason: 'pairing' };
}
