import { Fr, type Scalar } from '@nymts/bls12-381';
import { checkAttributeCounts } from '../attributes';
import { CoconutError } from '../errors';
import type { Parameters } from '../params';
import type { BlindSignRequest, BlindedSignature, SecretKey } from '../types';
import { verifyIssuanceProof } from './issuance-proof';
import { requestH } from './request-h';

/**
 * BlindSign: recompute h from the request, check π_s, and sign the commitments:
 * s̃ = x·h + Σ yⱼ·cⱼ + (Σ y_{k+l}·pub_l)·h. Throws `invalid-request` for a request that does not
 * check, `bad-argument` for attribute counts the key cannot sign.
 */
export function blindSign(
  params: Parameters,
  secretKey: SecretKey,
  request: BlindSignRequest,
  publicAttributes: readonly Scalar[],
): BlindedSignature {
  const { G1: group } = params.bls;
  const k = request.attributeCommitments.length;
  checkAttributeCounts(params, k, publicAttributes.length, secretKey.ys.length);
  const pub = publicAttributes.map(Fr.create);

  if (group.isZero(request.h)) throw new CoconutError('invalid-request', 'the request h is the identity');
  if (!group.eq(request.h, requestH(params, request.commitment, pub))) {
    throw new CoconutError('invalid-request', 'the request h is not hash_g1(cm ‖ public attributes)');
  }
  if (!verifyIssuanceProof(params, request, request.proof, pub)) {
    throw new CoconutError(
      'invalid-request',
      'the proof of knowledge of the committed attributes does not verify',
    );
  }

  const ys = secretKey.ys;
  const hScalar = pub.reduce((acc, m, l) => Fr.add(acc, Fr.mul(ys[k + l] as Scalar, m)), secretKey.x);
  const sTilde = group.msm([request.h, ...request.attributeCommitments], [hScalar, ...ys.slice(0, k)]);
  return Object.freeze({ h: request.h, sTilde });
}
