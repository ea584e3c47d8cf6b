// Signers refuse bad requests; clients refuse bad answers; aggregation refuses mismatched shares.
import { Fr } from '@nymts/bls12-381';
import {
  CoconutError,
  aggregateSignatures,
  aggregateVerificationKeys,
  bandwidthAttributes,
  blindSign,
  checkVerificationKey,
  createVerificationKey,
  keygen,
  newBandwidthSecrets,
  prepareBlindSign,
  sameVerificationKey,
  ttpKeygen,
  unblind,
  voucherInfo,
  type BlindSignRequest,
  type KeyShare,
  type Parameters,
} from '../src';
import { bandwidthParams, signatureShares } from './helpers';

let params: Parameters;
let signers: KeyShare[];
const attributes = bandwidthAttributes(newBandwidthSecrets(), voucherInfo(7));

beforeAll(async () => {
  params = await bandwidthParams();
  signers = ttpKeygen(params, 2, 3);
});

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CoconutError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('blind signing', () => {
  it('signs a good request', () => {
    const { request } = prepareBlindSign(params, attributes);
    expect(codeOf(() => blindSign(params, signers[0]!.secretKey, request, attributes.public))).toBe(
      'accepted',
    );
  });

  it('refuses a request whose proof, h or public attributes were changed', () => {
    const { G1 } = params.bls;
    const { request } = prepareBlindSign(params, attributes);
    const sign = (changed: BlindSignRequest, pub = attributes.public) =>
      codeOf(() => blindSign(params, signers[0]!.secretKey, changed, pub));
    const proof = request.proof;
    expect(sign({ ...request, proof: { ...proof, challenge: Fr.add(proof.challenge, 1n) } })).toBe(
      'invalid-request',
    );
    expect(sign({ ...request, proof: { ...proof, responseO: Fr.add(proof.responseO, 1n) } })).toBe(
      'invalid-request',
    );
    expect(
      sign({ ...request, proof: { ...proof, responsesAttributes: [proof.responsesAttributes[0]!, 5n] } }),
    ).toBe('invalid-request');
    expect(sign({ ...request, proof: { ...proof, responsesOpenings: [proof.responsesOpenings[0]!] } })).toBe(
      'invalid-request',
    );
    expect(
      sign({
        ...request,
        attributeCommitments: [request.attributeCommitments[1]!, request.attributeCommitments[0]!],
      }),
    ).toBe('invalid-request');
    expect(sign({ ...request, h: G1.mul(request.h, 2n) })).toBe('invalid-request');
    expect(sign({ ...request, h: G1.zero })).toBe('invalid-request');
    expect(sign(request, [attributes.public[0]!, Fr.add(attributes.public[1]!, 1n)])).toBe('invalid-request');
  });

  it('refuses a request binding a private attribute it does not know (the opening proof covers cm)', () => {
    // A client that swaps in another commitment cm cannot reuse the proof made for the first.
    const { request } = prepareBlindSign(params, attributes);
    const other = prepareBlindSign(
      params,
      bandwidthAttributes(newBandwidthSecrets(), voucherInfo(7)),
    ).request;
    expect(
      codeOf(() =>
        blindSign(params, signers[0]!.secretKey, { ...other, proof: request.proof }, attributes.public),
      ),
    ).toBe('invalid-request');
  });

  it('refuses attribute counts the scheme does not allow', () => {
    expect(codeOf(() => prepareBlindSign(params, { private: [], public: [1n] }))).toBe('bad-argument');
    expect(codeOf(() => prepareBlindSign(params, { private: [1n, 2n, 3n], public: [4n, 5n] }))).toBe(
      'bad-argument',
    );
    const { request } = prepareBlindSign(params, attributes);
    expect(codeOf(() => blindSign(params, signers[0]!.secretKey, request, [1n, 2n, 3n]))).toBe(
      'bad-argument',
    );
  });
});

describe('unblinding', () => {
  it('refuses an answer from another signer’s key, or for another request', () => {
    const pending = prepareBlindSign(params, attributes);
    const answer = blindSign(params, signers[0]!.secretKey, pending.request, attributes.public);
    expect(codeOf(() => unblind(params, signers[1]!.verificationKey, answer, pending, attributes))).toBe(
      'invalid-share',
    );
    const otherPending = prepareBlindSign(params, attributes);
    expect(codeOf(() => unblind(params, signers[0]!.verificationKey, answer, otherPending, attributes))).toBe(
      'invalid-share',
    );
    const tampered = { ...answer, sTilde: params.bls.G1.add(answer.sTilde, params.g1.point) };
    expect(codeOf(() => unblind(params, signers[0]!.verificationKey, tampered, pending, attributes))).toBe(
      'invalid-share',
    );
  });
});

describe('aggregation', () => {
  it('refuses shares over different h (Nym took the first share’s h unchecked)', () => {
    const first = signatureShares(params, [signers[0]!], attributes);
    const second = signatureShares(params, [signers[1]!], attributes);
    expect(codeOf(() => aggregateSignatures(params, [...first, ...second]))).toBe('mismatched-shares');
  });

  it('refuses empty, repeated and non-positive indices', () => {
    const shares = signatureShares(params, signers.slice(0, 2), attributes);
    expect(codeOf(() => aggregateSignatures(params, []))).toBe('bad-argument');
    expect(codeOf(() => aggregateSignatures(params, [shares[0]!, shares[0]!]))).toBe('bad-argument');
    expect(codeOf(() => aggregateSignatures(params, [{ ...shares[0]!, index: 0 }]))).toBe('bad-argument');
    expect(codeOf(() => aggregateSignatures(params, [{ ...shares[0]!, index: 1.5 }]))).toBe('bad-argument');
  });

  it('refuses verification keys of different sizes', () => {
    const [a, b] = signers;
    const short = createVerificationKey({
      ...b!.verificationKey,
      beta1: b!.verificationKey.beta1.slice(0, 3),
      beta2: b!.verificationKey.beta2.slice(0, 3),
    });
    expect(
      codeOf(() =>
        aggregateVerificationKeys(params, [
          { index: a!.index, verificationKey: a!.verificationKey },
          { index: b!.index, verificationKey: short },
        ]),
      ),
    ).toBe('bad-argument');
  });
});

describe('keys', () => {
  it('accepts consistent keys and refuses a wrong β1, an identity or mismatched sizes', () => {
    const { verificationKey } = keygen(params);
    expect(codeOf(() => checkVerificationKey(params, verificationKey))).toBe('accepted');
    const { G1, G2 } = params.bls;
    const wrongBeta1 = [...verificationKey.beta1];
    wrongBeta1[2] = G1.add(wrongBeta1[2]!, G1.generator);
    expect(codeOf(() => checkVerificationKey(params, { ...verificationKey, beta1: wrongBeta1 }))).toBe(
      'invalid-key',
    );
    expect(codeOf(() => checkVerificationKey(params, { ...verificationKey, alpha: G2.zero }))).toBe(
      'invalid-key',
    );
    expect(
      codeOf(() =>
        checkVerificationKey(params, { ...verificationKey, beta1: verificationKey.beta1.slice(1) }),
      ),
    ).toBe('invalid-key');
  });

  it('tells keys apart', () => {
    expect(sameVerificationKey(params, signers[0]!.verificationKey, signers[0]!.verificationKey)).toBe(true);
    expect(sameVerificationKey(params, signers[0]!.verificationKey, signers[1]!.verificationKey)).toBe(false);
  });

  it('refuses impossible thresholds', () => {
    expect(codeOf(() => ttpKeygen(params, 0, 3))).toBe('bad-argument');
    expect(codeOf(() => ttpKeygen(params, 4, 3))).toBe('bad-argument');
  });
});
