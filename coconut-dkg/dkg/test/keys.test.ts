import { Fr, loadBackend, type Bls12381 } from '@nymts/bls12-381';
import { decodePublicKey, encodePublicKey } from '../src/codec';
import { DkgError } from '../src/errors';
import { generateKeyPair, verifyPublicKey } from '../src/keys';
import { seededRng } from './helpers/seeded-rng';

let bls: Bls12381;
beforeAll(async () => {
  bls = await loadBackend();
});

describe('BTE key pairs', () => {
  it('publishes y = x·g1 with a proof of possession that verifies', () => {
    const { secretKey, publicKey } = generateKeyPair(bls);
    expect(bls.G1.eq(publicKey.key, bls.G1.mul(bls.G1.generator, secretKey))).toBe(true);
    expect(verifyPublicKey(bls, publicKey)).toBe(true);
  });

  it('refuses a proof made for another key (the rogue-key defence)', () => {
    const rng = seededRng('keys/rogue');
    const honest = generateKeyPair(bls, rng).publicKey;
    const other = generateKeyPair(bls, rng).publicKey;
    expect(verifyPublicKey(bls, { key: other.key, proof: honest.proof })).toBe(false);
    // A rogue key y' = y_other − y_honest has no known discrete log, so no proof for it exists.
    const rogue = bls.G1.sub(other.key, honest.key);
    expect(verifyPublicKey(bls, { key: rogue, proof: honest.proof })).toBe(false);
  });

  it('refuses a changed response or commitment', () => {
    const { publicKey } = generateKeyPair(bls);
    const { proof } = publicKey;
    expect(
      verifyPublicKey(bls, { ...publicKey, proof: { ...proof, response: Fr.add(proof.response, 1n) } }),
    ).toBe(false);
    const commitment = bls.G1.add(proof.commitment, bls.G1.generator);
    expect(verifyPublicKey(bls, { ...publicKey, proof: { ...proof, commitment } })).toBe(false);
  });

  it('refuses the identity as a key even with a valid-looking proof for x = 0', () => {
    const commitment = bls.G1.mul(bls.G1.generator, 5n);
    expect(verifyPublicKey(bls, { key: bls.G1.zero, proof: { commitment, response: 5n } })).toBe(false);
  });

  it('encodes as y ‖ R ‖ z (128 bytes) and decodes strictly', () => {
    const { publicKey } = generateKeyPair(bls);
    const bytes = encodePublicKey(bls, publicKey);
    expect(bytes).toHaveLength(128);
    const decoded = decodePublicKey(bls, bytes);
    expect(bls.G1.eq(decoded.key, publicKey.key)).toBe(true);
    expect(decoded.proof.response).toBe(publicKey.proof.response);
    expect(verifyPublicKey(bls, decoded)).toBe(true);

    expect(() => decodePublicKey(bls, bytes.subarray(0, 127))).toThrow(DkgError);
    expect(() => decodePublicKey(bls, new Uint8Array([...bytes, 0]))).toThrow(/trailing/);
    const nonCanonical = bytes.slice();
    nonCanonical.set(new Uint8Array(32).fill(0xff), 96);
    expect(() => decodePublicKey(bls, nonCanonical)).toThrow(/proof.response/);
    const identity = bytes.slice();
    identity.set(bls.G1.toBytes(bls.G1.zero), 0);
    expect(() => decodePublicKey(bls, identity)).toThrow(/key/);
    const offCurve = bytes.slice();
    offCurve[47] = offCurve[47]! ^ 1;
    expect(() => decodePublicKey(bls, offCurve)).toThrow(DkgError);
  });
});
