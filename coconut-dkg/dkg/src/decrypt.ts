import { systemRandomBytes, type Bls12381, type RandomBytes, type Scalar } from '@nymts/bls12-381';
import { chunkDiscreteLog } from './chunk-log';
import { combineChunks } from './chunks';
import { makeComplaint, type Complaint } from './complaint';
import { invalidParameters } from './errors';
import { type Dealing, type NodeIndex, type Receiver } from './types';

export interface DecryptionInput {
  readonly dealer: NodeIndex;
  /** Publicly verified against `receivers` (verifyDealing) before it is decrypted. */
  readonly dealing: Dealing;
  readonly receivers: readonly Receiver[];
  readonly receiver: NodeIndex;
  readonly secretKey: Scalar;
}

export type Decryption =
  | { readonly kind: 'share'; readonly share: Scalar }
  | { readonly kind: 'complaint'; readonly complaint: Complaint };

/**
 * C_{i,j} − x·R_j = chunk_j·g1. Nym instead pairs the ciphertext with its tree decryption key
 * and searches GT; given the integrity check every verifier has already run (Z_j = r_j·f + s_j·h),
 * both yield the same chunk, and the G1 route costs one multiplication and one table lookup.
 * A chunk outside [0, 2^16) yields a complaint instead of a share.
 */
export function decryptShare(
  bls: Bls12381,
  input: DecryptionInput,
  rng: RandomBytes = systemRandomBytes,
): Decryption {
  const position = input.receivers.findIndex((receiver) => receiver.index === input.receiver);
  const row = input.dealing.ciphertexts.chunks[position];
  if (position < 0 || !row) {
    throw invalidParameters(`node ${input.receiver} is not a receiver of this dealing`, {
      receiver: input.receiver,
    });
  }
  const chunks: bigint[] = [];
  for (const [j, cij] of row.entries()) {
    const rj = input.dealing.ciphertexts.rr[j]!;
    const sharedPoint = bls.G1.mul(rj, input.secretKey);
    const chunk = chunkDiscreteLog(bls, bls.G1.sub(cij, sharedPoint));
    if (chunk === undefined) {
      const publicKey = input.receivers[position]!.publicKey;
      const statement = {
        dealer: input.dealer,
        receiver: input.receiver,
        chunk: j,
        publicKey,
        rj,
        cij,
        sharedPoint,
      };
      return { kind: 'complaint', complaint: makeComplaint(bls, statement, input.secretKey, rng) };
    }
    chunks.push(BigInt(chunk));
  }
  return { kind: 'share', share: combineChunks(chunks) };
}
