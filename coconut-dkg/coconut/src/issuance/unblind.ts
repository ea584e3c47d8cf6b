import { Fr, type Scalar } from '@nymts/bls12-381';
import { allAttributes } from '../attributes';
import { CoconutError } from '../errors';
import type { Parameters } from '../params';
import { keyBases } from '../prepared-key';
import { verifySignature } from '../signature';
import type { Attributes, BlindedSignature, PendingIssuance, Signature, VerificationKey } from '../types';

/**
 * Unblind and verify one signer's answer: s = s̃ − Σ oⱼ·β1ⱼ, then the signature must verify under
 * that signer's key, so one bad signer cannot poison the aggregate. Throws `invalid-share`.
 */
export function unblind(
  params: Parameters,
  signerKey: VerificationKey,
  blinded: BlindedSignature,
  pending: PendingIssuance,
  attributes: Attributes,
): Signature {
  const { G1 } = params.bls;
  const k = pending.openings.length;
  if (attributes.private.length !== k || signerKey.beta1.length < k) {
    throw new CoconutError(
      'bad-argument',
      `the request committed to ${k} private attributes; ${attributes.private.length} given, the key covers ${signerKey.beta1.length}`,
      { committed: k, given: attributes.private.length },
    );
  }
  if (G1.isZero(blinded.h) || !G1.eq(blinded.h, pending.request.h)) {
    throw new CoconutError('invalid-share', 'the blinded signature is not over this request’s h');
  }
  const key = keyBases(signerKey);
  const s = G1.add(
    blinded.sTilde,
    G1.msm(
      key.beta1.slice(0, k),
      pending.openings.map((o: Scalar) => Fr.neg(o)),
    ),
  );
  const signature: Signature = Object.freeze({ h: blinded.h, s });
  const verdict = verifySignature(params, signerKey, signature, allAttributes(attributes));
  if (verdict.kind === 'invalid') {
    throw new CoconutError('invalid-share', `the unblinded signature does not verify (${verdict.reason})`);
  }
  return signature;
}
