import { BACKEND_NAMES, Fr, loadBackend } from '@nymts/bls12-381';
import { bytesToHex, hexToBytes } from '@noble/curves/utils.js';
import committed from './vectors/known-answer.json';
import { knownAnswerVectors } from '../scripts/known-answer';
import {
  bandwidthPublicAttributes,
  decodeCredential,
  decodeVerificationKey,
  freePassInfo,
  hashToScalar,
  setup,
  verifyBandwidthCredential,
  voucherInfo,
} from '../src';

// shared/reference/coconut-and-dkg.md §10.
const REFERENCE_HS = [
  'b45cdf86852c8ac4aec61b0a783aa96bb4fd7f023eb85b71ca913b08d959fa8c98c62ec1d99a74a008c864ea4de44d56',
  '82b27d68aee719190e86a793e737443c0369db269a486430ce095bd1ab437689e759885d2240a8a4f8d667e69bcf8dcf',
  'abddb79d39ae53a44305782c664219c5daa7f30a68e0a7b7963bc1af72ae07be51234f7efd3c9489bcaf890b67391ca6',
  'adf4367f93f1c56db2021e1449067a996e96235ec14a1bc4907dd7aafb087939469d9eca69a12c13705ca44c5c221ad2',
];
const REFERENCE_TYPE_HASHES = {
  BandwidthVoucher: 0x275e2f6ab4b05f6f8953dd339924d455c26f014764131f0bc5168ef75b07f6c1n,
  FreeBandwidthPass: 0x27248ef416bfc7bc59b41adb60aee70e2a484174b9b8da1e4e99001dce8e97f3n,
};

describe('known-answer vectors', () => {
  it('use the reference H₁..H₄ and type-string hashes', () => {
    expect(committed.parameters.hs).toEqual(REFERENCE_HS);
    const encoder = new TextEncoder();
    for (const [type, expected] of Object.entries(REFERENCE_TYPE_HASHES)) {
      expect(hashToScalar(encoder.encode(type))).toBe(expected);
    }
    expect(bandwidthPublicAttributes(voucherInfo(5))[1]).toBe(REFERENCE_TYPE_HASHES.BandwidthVoucher);
    expect(bandwidthPublicAttributes(freePassInfo(5))[1]).toBe(REFERENCE_TYPE_HASHES.FreeBandwidthPass);
    expect(committed.attributes.public[1]).toBe(
      bytesToHex(Fr.toBytes(REFERENCE_TYPE_HASHES.BandwidthVoucher)),
    );
  });

  it.each(BACKEND_NAMES)('are reproduced byte for byte on the %s backend', async (backend) => {
    expect(knownAnswerVectors(await loadBackend(backend))).toEqual(committed);
  });

  it('hold a showing that verifies for its verifier and nonce only', async () => {
    const params = setup(await loadBackend(), 4);
    const key = decodeVerificationKey(params, hexToBytes(committed.aggregatedVerificationKey));
    const credential = decodeCredential(params, hexToBytes(committed.showing.credential));
    const context = {
      verifier: hexToBytes(committed.showing.verifier),
      nonce: hexToBytes(committed.showing.nonce),
    };
    const info = voucherInfo(committed.publicInfo.value);
    expect(verifyBandwidthCredential(params, key, credential, info, context)).toEqual({ kind: 'valid' });
    const otherNonce = { ...context, nonce: new Uint8Array(32) };
    expect(verifyBandwidthCredential(params, key, credential, info, otherNonce)).toEqual({
      kind: 'invalid',
      reason: 'proof',
    });
  });
});
