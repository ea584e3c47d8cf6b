// π_v, the proof behind a shown credential. Nym's version hashed only κ, ζ and the key, so a
// showing could be replayed to any verifier and σ' re-randomised under the same proof. Here the
// challenge also covers the verifier, its fresh nonce, σ' and the public attributes, under a DST
// of its own, with every variable-length field length-prefixed.
import { Fr, type G1, type G2, type RandomBytes, type Scalar } from '@nymts/bls12-381';
import { concatBytes } from '@noble/curves/utils.js';
import { SHOWING_PROOF_DST, lengthPrefixed, u64le } from '../hashing';
import type { Parameters } from '../params';
import type { KeyBases } from '../prepared-key';
import type { ShowingContext, ShowingProof, Signature, VerificationKey } from '../types';

export interface ShowingStatement {
  readonly key: VerificationKey;
  readonly kappa: G2;
  readonly zeta: G2;
  readonly signature: Signature;
  readonly privateCount: number;
  readonly publicAttributes: readonly Scalar[];
  readonly context: ShowingContext;
}

function challenge(params: Parameters, statement: ShowingStatement, aw: G2, bw: G2): Scalar {
  const { G1, G2 } = params.bls;
  const { key, context } = statement;
  const g2Points = [params.g2.point, key.alpha, ...key.beta2, statement.kappa, statement.zeta];
  const g1Points: G1[] = [statement.signature.h, statement.signature.s];
  const transcript = concatBytes(
    lengthPrefixed(context.verifier),
    lengthPrefixed(context.nonce),
    u64le(key.beta2.length),
    u64le(statement.privateCount),
    u64le(statement.publicAttributes.length),
    ...g2Points.map((point) => G2.toBytes(point)),
    ...g1Points.map((point) => G1.toBytes(point)),
    ...statement.publicAttributes.map((m) => Fr.toBytes(m)),
    G2.toBytes(aw),
    G2.toBytes(bw),
  );
  return Fr.hashToScalar(transcript, SHOWING_PROOF_DST);
}

/** Knowledge of r and m₁..m_k with κ = r·g2 + α + Σ mⱼ·β2ⱼ and ζ = m₁·g2. */
export function proveShowing(
  params: Parameters,
  bases: KeyBases,
  statement: ShowingStatement,
  witness: { blinding: Scalar; privateAttributes: readonly Scalar[] },
  rng: RandomBytes,
): ShowingProof {
  const { G2 } = params.bls;
  const k = witness.privateAttributes.length;
  const wBlinding = Fr.random(rng);
  const wAttributes = witness.privateAttributes.map(() => Fr.random(rng));
  const aw = G2.add(
    statement.key.alpha,
    G2.msm([params.g2, ...bases.beta2.slice(0, k)], [wBlinding, ...wAttributes]),
  );
  const bw = params.g2.mul(wAttributes[0] as Scalar);
  const c = challenge(params, statement, aw, bw);
  const respond = (w: Scalar, secret: Scalar) => Fr.sub(w, Fr.mul(c, secret));
  return Object.freeze({
    challenge: c,
    responsesAttributes: Object.freeze(
      wAttributes.map((w, j) => respond(w, witness.privateAttributes[j] as Scalar)),
    ),
    responseBlinding: respond(wBlinding, witness.blinding),
  });
}

/** Aw' = c·κ + r_r·g2 + (1 − c)·α + Σ r_mⱼ·β2ⱼ and Bw' = c·ζ + r_m₁·g2 must hash back to c. */
export function verifyShowing(
  params: Parameters,
  bases: KeyBases,
  statement: ShowingStatement,
  proof: ShowingProof,
): boolean {
  const { G2 } = params.bls;
  const c = proof.challenge;
  const responses = proof.responsesAttributes;
  if (responses.length !== statement.privateCount) return false;
  const aw = G2.msm(
    [statement.kappa, params.g2, bases.alpha, ...bases.beta2.slice(0, responses.length)],
    [c, proof.responseBlinding, Fr.sub(1n, c), ...responses],
  );
  const bw = G2.msm([statement.zeta, params.g2], [c, responses[0] as Scalar]);
  return challenge(params, statement, aw, bw) === c;
}
