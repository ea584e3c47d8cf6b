import {
  evaluatePolynomial,
  systemRandomBytes,
  type Bls12381,
  type RandomBytes,
  type Scalar,
} from '@nymts/bls12-381';
import { combineChunkPoints, combineChunks, shareToChunks } from './chunks';
import { encryptChunks } from './encrypt';
import { dkgParams } from './params';
import { randomPolynomial } from './polynomial';
import { proveChunking } from './prove-chunking';
import { proveSharing } from './prove-sharing';
import { checkReceivers, checkThreshold } from './receivers';
import { type Dealing, type Receiver } from './types';

export interface DealingOptions {
  readonly threshold: number;
  /** Sorted by index; every one of them gets an encrypted share. */
  readonly receivers: readonly Receiver[];
  /** Resharing: the dealer's share from the previous epoch becomes the constant term. */
  readonly resharedSecret?: Scalar;
}

/**
 * One dealing of a fresh (or reshared) secret: a random polynomial of degree t − 1, its public
 * coefficients in G2, each receiver's evaluation encrypted chunk by chunk, and both proofs.
 */
export function createDealing(
  bls: Bls12381,
  options: DealingOptions,
  rng: RandomBytes = systemRandomBytes,
): Dealing {
  checkReceivers(options.receivers);
  checkThreshold(options.threshold, options.receivers.length);
  const coefficients = randomPolynomial(options.threshold, rng, options.resharedSecret);
  const shares = options.receivers.map((receiver) =>
    evaluatePolynomial(coefficients, BigInt(receiver.index)),
  );
  return dealingFromChunks(
    bls,
    { coefficients, receivers: options.receivers, chunks: shares.map(shareToChunks) },
    rng,
  );
}

/**
 * Encrypts the given chunks and proves them. An honest dealer passes each share's own chunks;
 * the step is separate so tests can build the dealings a cheater would (chunks that sum to the
 * share but are not all below 2^16).
 */
export function dealingFromChunks(
  bls: Bls12381,
  input: {
    readonly coefficients: readonly Scalar[];
    readonly receivers: readonly Receiver[];
    readonly chunks: readonly (readonly bigint[])[];
  },
  rng: RandomBytes,
): Dealing {
  const { g2 } = dkgParams(bls);
  const publicKeys = input.receivers.map((receiver) => receiver.publicKey);
  const { ciphertexts, randomness } = encryptChunks(bls, publicKeys, input.chunks, rng);
  const proofOfChunking = proveChunking(
    bls,
    { publicKeys, rr: ciphertexts.rr, chunks: ciphertexts.chunks },
    { r: randomness.r, chunks: input.chunks },
    rng,
  );
  const publicCoefficients = input.coefficients.map((a) => g2.mul(a));
  const proofOfSharing = proveSharing(
    bls,
    {
      receivers: input.receivers,
      publicCoefficients,
      combinedR: combineChunkPoints(bls, ciphertexts.rr),
      combinedCiphertexts: ciphertexts.chunks.map((row) => combineChunkPoints(bls, row)),
    },
    { r: combineChunks(randomness.r), shares: input.chunks.map(combineChunks) },
    rng,
  );
  return { publicCoefficients, ciphertexts, proofOfChunking, proofOfSharing };
}
