import { Fr, systemRandomBytes, type G1, type Scalar } from '@nymts/bls12-381';
import { allAttributes, checkAttributeCounts } from '../attributes';
import type { RandomnessOptions } from '../keys';
import type { Parameters } from '../params';
import type { Attributes, PendingIssuance } from '../types';
import { proveIssuance } from './issuance-proof';
import { requestH } from './request-h';

/**
 * PrepareBlindSign: commit to all attributes (cm), derive h from cm and the public attributes,
 * commit to each private attribute under h (cⱼ = oⱼ·g1 + mⱼ·h), and prove the openings (π_s).
 * The client keeps the openings oⱼ to unblind the signers' answers; o is discarded.
 */
export function prepareBlindSign(
  params: Parameters,
  attributes: Attributes,
  options: RandomnessOptions = {},
): PendingIssuance {
  const rng = options.rng ?? systemRandomBytes;
  const { G1: group } = params.bls;
  checkAttributeCounts(params, attributes.private.length, attributes.public.length, params.maxAttributes);
  const messages = allAttributes(attributes);
  const privateAttributes = messages.slice(0, attributes.private.length);
  const publicAttributes = messages.slice(attributes.private.length);

  let o: Scalar;
  let commitment: G1;
  let h: G1;
  do {
    // h = O would make every signature equation trivial; resampling o changes cm and so h.
    o = Fr.random(rng);
    commitment = group.msm([params.g1, ...params.hs.slice(0, messages.length)], [o, ...messages]);
    h = requestH(params, commitment, publicAttributes);
  } while (group.isZero(h));

  const openings = privateAttributes.map(() => Fr.random(rng));
  const attributeCommitments = openings.map((oj, j) =>
    group.msm([params.g1, h], [oj, privateAttributes[j] as Scalar]),
  );
  const statement = { commitment, h, attributeCommitments };
  const proof = proveIssuance(params, statement, { o, openings, privateAttributes }, rng);
  return Object.freeze({
    request: Object.freeze({
      ...statement,
      attributeCommitments: Object.freeze(attributeCommitments),
      proof,
    }),
    openings: Object.freeze(openings),
  });
}
