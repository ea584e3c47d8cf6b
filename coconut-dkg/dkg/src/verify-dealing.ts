import { systemRandomBytes, type Bls12381, type G2, type RandomBytes } from '@nymts/bls12-381';
import { verifyCiphertextIntegrity } from './ciphertext-integrity';
import { combineChunkPoints } from './chunks';
import { NUM_CHUNKS } from './constants';
import { checkReceivers, checkThreshold } from './receivers';
import { verifyChunking } from './verify-chunking';
import { verifySharing } from './verify-sharing';
import { type Ciphertexts, type Dealing, type Receiver } from './types';

export interface DealingContext {
  readonly threshold: number;
  /** The receivers the dealing was made for, sorted by index. */
  readonly receivers: readonly Receiver[];
  /** Resharing: the dealer's verification-key component from the previous epoch, which A_0 must equal. */
  readonly priorPublic?: G2;
}

/** Why a dealing is refused; each one excludes its dealer. */
export type DealingFault =
  | 'malformed-ciphertexts'
  | 'wrong-receiver-count'
  | 'wrong-coefficient-count'
  | 'invalid-resharing'
  | 'invalid-sharing-proof'
  | 'ciphertext-integrity'
  | 'invalid-chunking-proof';

export type DealingVerdict =
  { readonly kind: 'valid' } | { readonly kind: 'invalid'; readonly fault: DealingFault };

function hasChunkShape(ciphertexts: Ciphertexts): boolean {
  return [ciphertexts.rr, ciphertexts.ss, ciphertexts.zz, ...ciphertexts.chunks].every(
    (row) => row.length === NUM_CHUNKS,
  );
}

const invalid = (fault: DealingFault): DealingVerdict => ({ kind: 'invalid', fault });

/**
 * Public verification: anyone holding the chain's data reaches the same verdict, so there is no
 * complaint round. Cheap checks first, so a malformed dealing costs its verifier little.
 * `rng` draws the weights of the batched checks; it is never part of the verdict.
 */
export function verifyDealing(
  bls: Bls12381,
  dealing: Dealing,
  context: DealingContext,
  rng: RandomBytes = systemRandomBytes,
): DealingVerdict {
  const { receivers, threshold } = context;
  checkReceivers(receivers);
  checkThreshold(threshold, receivers.length);
  const { ciphertexts, publicCoefficients } = dealing;
  if (!hasChunkShape(ciphertexts)) return invalid('malformed-ciphertexts');
  if (ciphertexts.chunks.length !== receivers.length) return invalid('wrong-receiver-count');
  if (publicCoefficients.length !== threshold) return invalid('wrong-coefficient-count');
  if (context.priorPublic && !bls.G2.eq(publicCoefficients[0]!, context.priorPublic)) {
    return invalid('invalid-resharing');
  }

  const sharing = {
    receivers,
    publicCoefficients,
    combinedR: combineChunkPoints(bls, ciphertexts.rr),
    combinedCiphertexts: ciphertexts.chunks.map((row) => combineChunkPoints(bls, row)),
  };
  if (!verifySharing(bls, sharing, dealing.proofOfSharing, rng)) return invalid('invalid-sharing-proof');
  if (!verifyCiphertextIntegrity(bls, ciphertexts, rng)) return invalid('ciphertext-integrity');
  const chunking = { publicKeys: receivers.map((receiver) => receiver.publicKey), ...ciphertexts };
  if (!verifyChunking(bls, chunking, dealing.proofOfChunking, rng)) return invalid('invalid-chunking-proof');
  return { kind: 'valid' };
}
