import type { G1, G2, Scalar } from '@nymts/bls12-381';

/** An authority's signing key: x and one y per attribute (private attributes first). */
export interface SecretKey {
  readonly x: Scalar;
  readonly ys: readonly Scalar[];
}

/** α = x·g2, β1ⱼ = yⱼ·g1 (needed to unblind), β2ⱼ = yⱼ·g2. */
export interface VerificationKey {
  readonly alpha: G2;
  readonly beta1: readonly G1[];
  readonly beta2: readonly G2[];
}

/** The DKG's (or the dealer's) index of an authority: 1, 2, …; the Lagrange evaluation point. */
export type SignerIndex = number;

export interface KeyShare {
  readonly index: SignerIndex;
  readonly secretKey: SecretKey;
  readonly verificationKey: VerificationKey;
}

/** σ = (h, s) with s = (x + Σ yᵢ·mᵢ)·h. */
export interface Signature {
  readonly h: G1;
  readonly s: G1;
}

/** σ̃ = (h, s̃): a signature on committed attributes, before the client removes the blinding. */
export interface BlindedSignature {
  readonly h: G1;
  readonly sTilde: G1;
}

/** π_s: knowledge of the openings of cm and of every cⱼ, with the same private attributes. */
export interface IssuanceProof {
  readonly challenge: Scalar;
  readonly responseO: Scalar;
  readonly responsesOpenings: readonly Scalar[];
  readonly responsesAttributes: readonly Scalar[];
}

/** Λ: what the client sends every signer. */
export interface BlindSignRequest {
  /** cm = o·g1 + Σ mᵢ·Hᵢ over all attributes. */
  readonly commitment: G1;
  /** h = hash_g1(cm ‖ public attributes); signers recompute it. */
  readonly h: G1;
  /** cⱼ = oⱼ·g1 + mⱼ·h, one per private attribute. */
  readonly attributeCommitments: readonly G1[];
  readonly proof: IssuanceProof;
}

/** What the client keeps between asking for and unblinding signatures. */
export interface PendingIssuance {
  readonly request: BlindSignRequest;
  /** oⱼ, the openings of the attribute commitments. Secret. */
  readonly openings: readonly Scalar[];
}

export interface Attributes {
  /** Known only to the client; the first one is the serial number that ζ reveals a tag of. */
  readonly private: readonly Scalar[];
  /** Known to signers and verifiers alike. */
  readonly public: readonly Scalar[];
}

/**
 * Who a credential is shown to and the fresh challenge they issued. Both enter the proof, so a
 * showing verifies only for this verifier and this nonce.
 */
export interface ShowingContext {
  /** The verifier's identity, e.g. its identity public key bytes. */
  readonly verifier: Uint8Array;
  /** Fresh random bytes chosen by the verifier for this showing. */
  readonly nonce: Uint8Array;
}

/** π_v: knowledge of r and of the private attributes behind κ and ζ. */
export interface ShowingProof {
  readonly challenge: Scalar;
  /** One per private attribute, in order. */
  readonly responsesAttributes: readonly Scalar[];
  readonly responseBlinding: Scalar;
}

/** Θ: a credential shown to a verifier. */
export interface Credential {
  /** κ = r·g2 + α + Σ private mⱼ·β2ⱼ. */
  readonly kappa: G2;
  /** ζ = serial·g2: the same for every showing of one credential (double-spend tag). */
  readonly zeta: G2;
  /** σ' = (r'·h, r'·(s + r·h)): the signature re-randomised. */
  readonly signature: Signature;
  readonly proof: ShowingProof;
}

export type InvalidReason = 'identity-h' | 'attribute-count' | 'proof' | 'pairing';

/** The outcome of a verification: valid, or invalid with the first check that failed. */
export type Verdict = { kind: 'valid' } | { kind: 'invalid'; reason: InvalidReason };
