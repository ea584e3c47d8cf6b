// π_s, Nym's proof that cm and every cⱼ open to the same private attributes. Its Fiat–Shamir
// transcript is Nym's: every generator and commitment, no DST, no length prefixes (the element
// counts are fixed by the request itself).
import { Fr, type G1, type RandomBytes, type Scalar } from '@nymts/bls12-381';
import { nymChallenge } from '../hashing';
import type { Parameters } from '../params';
import type { IssuanceProof } from '../types';

export interface IssuanceStatement {
  readonly commitment: G1;
  readonly h: G1;
  readonly attributeCommitments: readonly G1[];
}

export interface IssuanceWitness {
  readonly o: Scalar;
  readonly openings: readonly Scalar[];
  readonly privateAttributes: readonly Scalar[];
}

function challenge(params: Parameters, statement: IssuanceStatement, a: G1, bs: readonly G1[]): Scalar {
  const { G1: group } = params.bls;
  return nymChallenge(
    [
      params.g1.point,
      ...params.hs.map((base) => base.point),
      statement.h,
      statement.commitment,
      ...statement.attributeCommitments,
      a,
      ...bs,
    ].map((point) => group.toBytes(point)),
  );
}

export function proveIssuance(
  params: Parameters,
  statement: IssuanceStatement,
  witness: IssuanceWitness,
  rng: RandomBytes,
): IssuanceProof {
  const { G1: group } = params.bls;
  const k = witness.privateAttributes.length;
  const wO = Fr.random(rng);
  const wOpenings = witness.openings.map(() => Fr.random(rng));
  const wAttributes = witness.privateAttributes.map(() => Fr.random(rng));
  const a = group.msm([params.g1, ...params.hs.slice(0, k)], [wO, ...wAttributes]);
  const bs = wOpenings.map((wOj, j) => group.msm([params.g1, statement.h], [wOj, wAttributes[j] as Scalar]));
  const c = challenge(params, statement, a, bs);
  // Nym's convention: response = witness − c·secret.
  const respond = (w: Scalar, secret: Scalar) => Fr.sub(w, Fr.mul(c, secret));
  return Object.freeze({
    challenge: c,
    responseO: respond(wO, witness.o),
    responsesOpenings: Object.freeze(wOpenings.map((w, j) => respond(w, witness.openings[j] as Scalar))),
    responsesAttributes: Object.freeze(
      wAttributes.map((w, j) => respond(w, witness.privateAttributes[j] as Scalar)),
    ),
  });
}

/** Recomputes A and every Bⱼ from the responses; the public part of cm is taken out first. */
export function verifyIssuanceProof(
  params: Parameters,
  statement: IssuanceStatement,
  proof: IssuanceProof,
  publicAttributes: readonly Scalar[],
): boolean {
  const { G1: group } = params.bls;
  const k = statement.attributeCommitments.length;
  if (proof.responsesOpenings.length !== k || proof.responsesAttributes.length !== k) return false;
  const c = proof.challenge;
  // A' = c·(cm − Σ pub_l·H_{k+l}) + r_o·g1 + Σ r_mⱼ·Hⱼ, as one multi-scalar multiplication.
  const a = group.msm(
    [statement.commitment, params.g1, ...params.hs.slice(0, k + publicAttributes.length)],
    [c, proof.responseO, ...proof.responsesAttributes, ...publicAttributes.map((m) => Fr.neg(Fr.mul(c, m)))],
  );
  const bs = statement.attributeCommitments.map((cj, j) =>
    group.msm(
      [cj, params.g1, statement.h],
      [c, proof.responsesOpenings[j] as Scalar, proof.responsesAttributes[j] as Scalar],
    ),
  );
  return challenge(params, statement, a, bs) === c;
}
