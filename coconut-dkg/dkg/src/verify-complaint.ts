import { Fr, type Bls12381 } from '@nymts/bls12-381';
import { chunkDiscreteLog } from './chunk-log';
import { complaintChallenge, type Complaint, type ComplaintStatement } from './complaint';
import { NUM_CHUNKS } from './constants';
import { type Dealing, type Receiver } from './types';

export type ComplaintVerdict =
  | { readonly kind: 'upheld' }
  | {
      readonly kind: 'dismissed';
      readonly reason: 'no-such-ciphertext' | 'invalid-proof' | 'chunk-in-range';
    };

/**
 * Upheld when the proof shows D = x·R_j for the complainer's key and C_{i,j} − D is not m·g1 for
 * any m < 2^16. `dealing` must be the (publicly verified) dealing of `complaint.dealer`.
 */
export function verifyComplaint(
  bls: Bls12381,
  complaint: Complaint,
  dealing: Dealing,
  receivers: readonly Receiver[],
): ComplaintVerdict {
  const position = receivers.findIndex((receiver) => receiver.index === complaint.receiver);
  const row = dealing.ciphertexts.chunks[position];
  if (
    position < 0 ||
    !row ||
    !Number.isInteger(complaint.chunk) ||
    complaint.chunk < 0 ||
    complaint.chunk >= NUM_CHUNKS
  ) {
    return { kind: 'dismissed', reason: 'no-such-ciphertext' };
  }
  const statement: ComplaintStatement = {
    dealer: complaint.dealer,
    receiver: complaint.receiver,
    chunk: complaint.chunk,
    publicKey: receivers[position]!.publicKey,
    rj: dealing.ciphertexts.rr[complaint.chunk]!,
    cij: row[complaint.chunk]!,
    sharedPoint: complaint.sharedPoint,
  };
  const { commitmentG1, commitmentR, response } = complaint.proof;
  const c = complaintChallenge(bls, statement, commitmentG1, commitmentR);
  const minusC = Fr.neg(c);
  const keyHolds = bls.G1.isZero(
    bls.G1.msm([bls.G1.generator, commitmentG1, statement.publicKey], [response, Fr.neg(1n), minusC]),
  );
  const sharedHolds = bls.G1.isZero(
    bls.G1.msm([statement.rj, commitmentR, statement.sharedPoint], [response, Fr.neg(1n), minusC]),
  );
  if (!keyHolds || !sharedHolds) return { kind: 'dismissed', reason: 'invalid-proof' };
  const inRange = chunkDiscreteLog(bls, bls.G1.sub(statement.cij, statement.sharedPoint)) !== undefined;
  return inRange ? { kind: 'dismissed', reason: 'chunk-in-range' } : { kind: 'upheld' };
}
