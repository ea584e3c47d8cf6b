import { evaluatePolynomial, Fr } from '@nymts/bls12-381';
import { CHUNK_SIZE } from '../../src/constants';
import { createDealing, dealingFromChunks } from '../../src/deal';
import { randomPolynomial } from '../../src/polynomial';
import { shareToChunks } from '../../src/chunks';
import { honestDealer, type DealerBehaviour } from './dkg-run';

/** An honest dealing with one response of the chunking proof changed. */
export const badChunkingProof: DealerBehaviour = (input) => {
  const dealing = honestDealer(input);
  const proof = dealing.proofOfChunking;
  const responsesR = [Fr.add(proof.responsesR[0]!, 1n), ...proof.responsesR.slice(1)];
  return { ...dealing, proofOfChunking: { ...proof, responsesR } };
};

/** An honest dealing with z_α of the sharing proof changed. */
export const badSharingProof: DealerBehaviour = (input) => {
  const dealing = honestDealer(input);
  const proof = dealing.proofOfSharing;
  return { ...dealing, proofOfSharing: { ...proof, responseAlpha: Fr.add(proof.responseAlpha, 1n) } };
};

/** A self-consistent dealing of a degree t − 2 polynomial: only the coefficient count betrays it. */
export const wrongCoefficientCount: DealerBehaviour = ({ bls, threshold, receivers, rng }) =>
  createDealing(bls, { threshold: threshold - 1, receivers }, rng);

/** Z_0 no longer r_0·f + s_0·h: the proofs do not cover Z, the integrity check does. */
export const inconsistentCiphertext: DealerBehaviour = (input) => {
  const dealing = honestDealer(input);
  const { ciphertexts } = dealing;
  const zz = [input.bls.G2.add(ciphertexts.zz[0]!, input.bls.G2.generator), ...ciphertexts.zz.slice(1)];
  return { ...dealing, ciphertexts: { ...ciphertexts, zz } };
};

/**
 * The attack of reference §9: the first receiver's chunks are rewritten so one of them is
 * 2^16 + c while their weighted sum (the share) is unchanged. Both proofs pass, since Groth's
 * chunking proof tolerates chunks somewhat above 2^16; the receiver cannot decrypt.
 */
export const oversizedChunk: DealerBehaviour = (input) => {
  const { bls, threshold, receivers, resharedSecret, rng } = input;
  const coefficients = randomPolynomial(threshold, rng, resharedSecret);
  const chunks = receivers.map((receiver) =>
    shareToChunks(evaluatePolynomial(coefficients, BigInt(receiver.index))),
  );
  const first = chunks[0]!;
  const borrow = first.findIndex((chunk, j) => j > 0 && chunk > 0n);
  first[borrow - 1] = first[borrow - 1]! + BigInt(CHUNK_SIZE);
  first[borrow] = first[borrow]! - 1n;
  return dealingFromChunks(bls, { coefficients, receivers, chunks }, rng);
};

/** Resharing with a fresh secret instead of the dealer's old share: A_0 gives it away. */
export const wrongResharedSecret: DealerBehaviour = (input) =>
  honestDealer({ ...input, resharedSecret: Fr.random(input.rng) });
