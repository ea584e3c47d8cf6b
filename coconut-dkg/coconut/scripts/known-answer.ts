// Builds the known-answer vectors: one bandwidth voucher taken through every step of the scheme
// with all randomness from a fixed seed. `make-vectors.ts` writes them; the tests rebuild them on
// every backend and compare byte for byte.
import { Fr, type Bls12381 } from '@nymts/bls12-381';
import { bytesToHex } from '@noble/curves/utils.js';
import {
  aggregateSignatures,
  aggregateVerificationKeys,
  bandwidthAttributes,
  blindSign,
  encodeBlindSignRequest,
  encodeBlindedSignature,
  encodeCredential,
  encodeKeyShare,
  encodeSignature,
  encodeVerificationKey,
  newBandwidthSecrets,
  prepareBlindSign,
  proveCredential,
  setup,
  ttpKeygen,
  unblind,
  voucherInfo,
} from '../src';
import { seededRng } from './seeded-rng';

export const KNOWN_ANSWER_SEED = 'nymts coconut known-answer vectors v1';
const THRESHOLD = 2;
const AUTHORITIES = 3;
/** Signers 1 and 3: a quorum that is not a prefix, so the Lagrange coefficients are not trivial. */
const QUORUM = [1, 3];
const VOUCHER_AMOUNT = '1000000';
const VERIFIER = 'gateway identity key bytes (known-answer test)';

export function knownAnswerVectors(bls: Bls12381) {
  const rng = seededRng(KNOWN_ANSWER_SEED);
  const params = setup(bls, 4);
  const shares = ttpKeygen(params, THRESHOLD, AUTHORITIES, { rng });
  const quorum = shares.filter((share) => QUORUM.includes(share.index));
  const info = voucherInfo(VOUCHER_AMOUNT);
  const attributes = bandwidthAttributes(newBandwidthSecrets({ rng }), info);
  const pending = prepareBlindSign(params, attributes, { rng });
  const blinded = quorum.map((share) => ({
    index: share.index,
    blinded: blindSign(params, share.secretKey, pending.request, attributes.public),
  }));
  const signatureShares = blinded.map(({ index, blinded: answer }) => ({
    index,
    signature: unblind(params, shares[index - 1]!.verificationKey, answer, pending, attributes),
  }));
  const signature = aggregateSignatures(params, signatureShares);
  const key = aggregateVerificationKeys(
    params,
    quorum.map((share) => ({ index: share.index, verificationKey: share.verificationKey })),
  );
  const context = { verifier: new TextEncoder().encode(VERIFIER), nonce: rng(32) };
  const credential = proveCredential(params, key, signature, attributes, context, { rng });

  const hex = bytesToHex;
  return {
    seed: KNOWN_ANSWER_SEED,
    threshold: THRESHOLD,
    authorities: AUTHORITIES,
    quorum: QUORUM,
    parameters: {
      maxAttributes: params.maxAttributes,
      hs: params.hs.map((h) => hex(bls.G1.toBytes(h.point))),
    },
    keyShares: shares.map((share) => ({ index: share.index, keyPair: hex(encodeKeyShare(params, share)) })),
    publicInfo: info,
    attributes: {
      private: attributes.private.map((m) => hex(Fr.toBytes(m))),
      public: attributes.public.map((m) => hex(Fr.toBytes(m))),
    },
    openings: pending.openings.map((o) => hex(Fr.toBytes(o))),
    request: hex(encodeBlindSignRequest(params, pending.request)),
    blindedSignatures: blinded.map(({ index, blinded: answer }) => ({
      index,
      bytes: hex(encodeBlindedSignature(params, answer)),
    })),
    signatureShares: signatureShares.map(({ index, signature: share }) => ({
      index,
      bytes: hex(encodeSignature(params, share)),
    })),
    signature: hex(encodeSignature(params, signature)),
    aggregatedVerificationKey: hex(encodeVerificationKey(params, key)),
    showing: {
      verifier: hex(context.verifier),
      nonce: hex(context.nonce),
      credential: hex(encodeCredential(params, credential)),
    },
  };
}
