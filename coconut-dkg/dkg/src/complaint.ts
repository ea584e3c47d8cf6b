import { Fr, type Bls12381, type G1, type RandomBytes, type Scalar } from '@nymts/bls12-381';
import { concatBytes, u32be, u64be } from './bytes';
import { DST } from './constants';
import { dkgParams } from './params';
import { type NodeIndex } from './types';

/**
 * A receiver's public evidence that chunk j of its ciphertext from `dealer` is not below 2^16.
 * Groth's chunking proof is approximate: a dealer can pass it with chunks a little above 2^16
 * (or with in-range chunks that cannot be found). Such a dealing verifies, yet its receivers
 * cannot decrypt it. Revealing D = x·R_j (with a proof that it is) lets everyone compute
 * C_{i,j} − D = chunk·g1 and see that the chunk is out of range, so every node excludes the
 * dealer identically. Only this one chunk of the cheater's dealing is revealed. Nym has no such
 * step (its receivers just fail with `ShareDecryptionFailure`); this is ours.
 */
export interface Complaint {
  readonly dealer: NodeIndex;
  readonly receiver: NodeIndex;
  readonly chunk: number;
  /** D = x·R_j. */
  readonly sharedPoint: G1;
  readonly proof: ProofOfEqualLogs;
}

/** Chaum–Pedersen: log_g1(y) = log_{R_j}(D), with T1 = w·g1, T2 = w·R_j, z = w + c·x. */
export interface ProofOfEqualLogs {
  readonly commitmentG1: G1;
  readonly commitmentR: G1;
  readonly response: Scalar;
}

export interface ComplaintStatement {
  readonly dealer: NodeIndex;
  readonly receiver: NodeIndex;
  readonly chunk: number;
  readonly publicKey: G1;
  readonly rj: G1;
  readonly cij: G1;
  readonly sharedPoint: G1;
}

export function complaintChallenge(bls: Bls12381, statement: ComplaintStatement, t1: G1, t2: G1): Scalar {
  const g1 = (p: G1) => bls.G1.toBytes(p);
  return Fr.hashToScalar(
    concatBytes([
      u64be(statement.dealer),
      u64be(statement.receiver),
      u32be(statement.chunk),
      g1(statement.publicKey),
      g1(statement.rj),
      g1(statement.cij),
      g1(statement.sharedPoint),
      g1(t1),
      g1(t2),
    ]),
    DST.complaint,
  );
}

export function makeComplaint(
  bls: Bls12381,
  statement: ComplaintStatement,
  secretKey: Scalar,
  rng: RandomBytes,
): Complaint {
  const nonce = Fr.random(rng);
  const commitmentG1 = dkgParams(bls).g1.mul(nonce);
  const commitmentR = bls.G1.mul(statement.rj, nonce);
  const c = complaintChallenge(bls, statement, commitmentG1, commitmentR);
  return {
    dealer: statement.dealer,
    receiver: statement.receiver,
    chunk: statement.chunk,
    sharedPoint: statement.sharedPoint,
    proof: { commitmentG1, commitmentR, response: Fr.add(nonce, Fr.mul(c, secretKey)) },
  };
}
