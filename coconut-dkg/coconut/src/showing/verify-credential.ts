import { Fr, type Scalar } from '@nymts/bls12-381';
import type { Parameters } from '../params';
import { keyBases } from '../prepared-key';
import type { Credential, ShowingContext, Verdict, VerificationKey } from '../types';
import { checkShowingContext } from './context';
import { verifyShowing } from './showing-proof';

/**
 * VerifyCredential against the aggregated key, the public attributes the verifier expects, and
 * its own identity and the nonce it issued: h' ≠ O, π_v holds for this context, and
 * e(h', κ + Σ pub_l·β2_{k+l}) · e(−s', g2) = 1. Double spending is the caller's to detect, by
 * recording ζ.
 */
export function verifyCredential(
  params: Parameters,
  verificationKey: VerificationKey,
  credential: Credential,
  publicAttributes: readonly Scalar[],
  context: ShowingContext,
): Verdict {
  const { G1, G2 } = params.bls;
  checkShowingContext(context);
  const k = credential.proof.responsesAttributes.length;
  const limit = Math.min(verificationKey.beta2.length, params.maxAttributes);
  if (k < 1 || k + publicAttributes.length > limit) return { kind: 'invalid', reason: 'attribute-count' };
  if (G1.isZero(credential.signature.h)) return { kind: 'invalid', reason: 'identity-h' };

  const pub = publicAttributes.map(Fr.create);
  const bases = keyBases(verificationKey);
  const statement = {
    key: verificationKey,
    kappa: credential.kappa,
    zeta: credential.zeta,
    signature: credential.signature,
    privateCount: k,
    publicAttributes: pub,
    context,
  };
  if (!verifyShowing(params, bases, statement, credential.proof)) return { kind: 'invalid', reason: 'proof' };

  const kappaWithPublic = G2.add(credential.kappa, G2.msm(bases.beta2.slice(k, k + pub.length), pub));
  const holds = params.bls.pairingProductIsOne([
    [credential.signature.h, kappaWithPublic],
    [G1.neg(credential.signature.s), params.g2.point],
  ]);
  return holds ? { kind: 'valid' } : { kind: 'invalid', reason: 'pairing' };
}
