// Any t of n signature shares give a credential that verifies; t − 1 do not.
import fc from 'fast-check';
import {
  aggregateSignatures,
  aggregateVerificationKeys,
  bandwidthAttributes,
  newBandwidthSecrets,
  proveCredential,
  sameVerificationKey,
  ttpKeygen,
  verifyCredential,
  verifySignature,
  voucherInfo,
  type KeyShare,
  type Parameters,
  type Signature,
} from '../src';
import { bandwidthParams, context, signatureShares } from './helpers';

const THRESHOLD = 3;
const AUTHORITIES = 5;

let params: Parameters;
let signers: KeyShare[];
let shares: { index: number; signature: Signature }[];
const attributes = bandwidthAttributes(newBandwidthSecrets(), voucherInfo(42));
const everyAttribute = [...attributes.private, ...attributes.public];

beforeAll(async () => {
  params = await bandwidthParams();
  signers = ttpKeygen(params, THRESHOLD, AUTHORITIES);
  shares = signatureShares(params, signers, attributes);
});

const subsetOfSize = (size: number) =>
  fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: size, maxLength: size });

function keyOf(positions: number[]) {
  return aggregateVerificationKeys(
    params,
    positions.map((i) => ({ index: signers[i]!.index, verificationKey: signers[i]!.verificationKey })),
  );
}

describe(`a ${THRESHOLD}-of-${AUTHORITIES} credential`, () => {
  it('verifies and shows from any t shares, in any order, under the key of any t signers', () => {
    const masterKey = keyOf([0, 1, 2]);
    fc.assert(
      fc.property(subsetOfSize(THRESHOLD), subsetOfSize(THRESHOLD), (signing, keying) => {
        const signature = aggregateSignatures(
          params,
          signing.map((i) => shares[i]!),
        );
        const key = keyOf(keying);
        expect(sameVerificationKey(params, key, masterKey)).toBe(true);
        expect(verifySignature(params, key, signature, everyAttribute)).toEqual({ kind: 'valid' });
        const gateway = context('gateway');
        const credential = proveCredential(params, key, signature, attributes, gateway);
        expect(verifyCredential(params, key, credential, attributes.public, gateway)).toEqual({
          kind: 'valid',
        });
      }),
      { numRuns: 6 },
    );
  });

  it('does not verify from t − 1 shares, nor under a key from t − 1 signers', () => {
    const masterKey = keyOf([0, 1, 2]);
    fc.assert(
      fc.property(subsetOfSize(THRESHOLD - 1), (subset) => {
        const signature = aggregateSignatures(
          params,
          subset.map((i) => shares[i]!),
        );
        expect(verifySignature(params, masterKey, signature, everyAttribute)).toEqual({
          kind: 'invalid',
          reason: 'pairing',
        });
        const gateway = context('gateway');
        const credential = proveCredential(params, masterKey, signature, attributes, gateway);
        expect(verifyCredential(params, masterKey, credential, attributes.public, gateway)).toEqual({
          kind: 'invalid',
          reason: 'pairing',
        });
        expect(sameVerificationKey(params, keyOf(subset), masterKey)).toBe(false);
      }),
      { numRuns: 5 },
    );
  });
});
