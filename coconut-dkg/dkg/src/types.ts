import { type G1, type G2, type Scalar } from '@nymts/bls12-381';

/** A node's permanent DKG index, assigned by the contract from 1 upwards (never 0). */
export type NodeIndex = number;

/** Schnorr proof of knowledge of x for y = x·g1 (z = k + c·x, Nym's plus convention). */
export interface ProofOfDiscreteLog {
  readonly commitment: G1;
  readonly response: Scalar;
}

/** What a dealer registers: its BTE public key y = x·g1 and the proof that it knows x. */
export interface PublicKeyWithProof {
  readonly key: G1;
  readonly proof: ProofOfDiscreteLog;
}

export interface BteKeyPair {
  /** x: decrypts the dealer's share chunks (C − x·R = chunk·g1). Keep it secret. */
  readonly secretKey: Scalar;
  readonly publicKey: PublicKeyWithProof;
}

/** One receiver of a dealing; a dealing's receivers are always sorted by index. */
export interface Receiver {
  readonly index: NodeIndex;
  readonly publicKey: G1;
}

/**
 * Chunked multi-receiver ElGamal with Groth's binary-tree-encryption parts, reduced to one epoch:
 * per chunk index j, R_j = r_j·g1, S_j = s_j·g1, Z_j = r_j·f + s_j·h; for receiver i,
 * C_{i,j} = r_j·y_i + chunk_{i,j}·g1.
 */
export interface Ciphertexts {
  readonly rr: readonly G1[];
  readonly ss: readonly G1[];
  readonly zz: readonly G2[];
  /** chunks[i][j] = C_{i,j}, receivers in index order. */
  readonly chunks: readonly (readonly G1[])[];
}

/** Groth's proof of correct chunking (ePrint 2021/339 §6.5), Nym's field order. */
export interface ProofOfChunking {
  readonly y0: G1;
  readonly bb: readonly G1[];
  readonly cc: readonly G1[];
  readonly dd: readonly G1[];
  readonly yy: G1;
  readonly responsesR: readonly Scalar[];
  /** z_{s,k}: integers in [0, Z), carried as u64. */
  readonly responsesChunks: readonly bigint[];
  readonly responseBeta: Scalar;
}

/** Groth's proof of correct sharing (ePrint 2021/339 §6.4). */
export interface ProofOfSharing {
  readonly ff: G1;
  readonly aa: G2;
  readonly yy: G1;
  readonly responseR: Scalar;
  readonly responseAlpha: Scalar;
}

export interface Dealing {
  /** A_k = a_k·g2 for k < t. */
  readonly publicCoefficients: readonly G2[];
  readonly ciphertexts: Ciphertexts;
  readonly proofOfChunking: ProofOfChunking;
  readonly proofOfSharing: ProofOfSharing;
}
