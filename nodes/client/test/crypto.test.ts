import { createNoblePrimitives, createNodePrimitives } from '@nymts/sphinx';
import fc from 'fast-check';
import { openAckIdentifier, sealAckIdentifier } from '../src/crypto/ack-identifier';
import { openFromSender, replyKeyDigest, sealForRecipient } from '../src/crypto/packet-encryption';
import { createClientCrypto } from '../src/crypto/primitives';
import { ClientError } from '../src/errors';
import vectors from './vectors/crypto.json';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const hex = (value: Uint8Array) => Buffer.from(value).toString('hex');
const sets = [
  ['node', createClientCrypto(createNodePrimitives())],
  ['noble', createClientCrypto(createNoblePrimitives())],
] as const;

describe.each(sets)('client crypto (%s primitives)', (_name, crypto) => {
  it('matches b3sum for BLAKE3 (the reply-key digest)', () => {
    for (const v of vectors.blake3) expect(hex(crypto.blake3(bytes(v.input)))).toBe(v.digest);
    expect(hex(replyKeyDigest(crypto, bytes(vectors.blake3[2]!.input)))).toBe(vectors.blake3[2]!.digest);
  });

  it('matches an independent HKDF over b3sum for HKDF-BLAKE3', () => {
    for (const v of vectors.hkdfBlake3) expect(hex(crypto.hkdfBlake3(bytes(v.ikm), v.length))).toBe(v.okm);
  });

  it('encrypts packets as the vectors do (X25519, HKDF-BLAKE3, AES-128-CTR from a zero IV)', () => {
    for (const v of vectors.packetEncryption) {
      const sealed = sealForRecipient(crypto, bytes(v.recipientPublicKey), bytes(v.plaintext), () =>
        bytes(v.ephemeralPrivateKey),
      );
      expect(hex(sealed.ephemeralPublicKey)).toBe(v.ephemeralPublicKey);
      expect(hex(sealed.ciphertext)).toBe(v.ciphertext);
      const opened = openFromSender(
        crypto,
        bytes(v.recipientPrivateKey),
        sealed.ephemeralPublicKey,
        sealed.ciphertext,
      );
      expect(hex(opened)).toBe(v.plaintext);
    }
  });

  it('seals ack identifiers as IV ‖ AES-128-CTR(ack key, IV, id)', () => {
    for (const v of vectors.ackIdentifier) {
      const id = {
        setId: Buffer.from(v.fragmentId, 'hex').readUInt32BE(0),
        position: bytes(v.fragmentId)[4]!,
      };
      expect(hex(sealAckIdentifier(crypto, bytes(v.ackKey), id, () => bytes(v.iv)))).toBe(v.sealed);
      expect(openAckIdentifier(crypto, bytes(v.ackKey), bytes(v.sealed))).toEqual(id);
    }
  });

  it('refuses a small-order recipient key', () => {
    const smallOrder = new Uint8Array(32);
    smallOrder[0] = 1;
    expect(() =>
      sealForRecipient(crypto, smallOrder, new Uint8Array(8), () => new Uint8Array(32).fill(7)),
    ).toThrow(ClientError);
  });
});

describe('client crypto across primitive sets', () => {
  it('node:crypto and noble agree on sealing any plaintext to any key', () => {
    const [node, noble] = [sets[0][1], sets[1][1]];
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 200 }),
        (eph, rec, plaintext) => {
          const recipientPublic = node.x25519Base(rec);
          const a = sealForRecipient(node, recipientPublic, plaintext, () => eph);
          const b = sealForRecipient(noble, recipientPublic, plaintext, () => eph);
          expect(a).toEqual(b);
          expect(openFromSender(noble, rec, a.ephemeralPublicKey, a.ciphertext)).toEqual(plaintext);
        },
      ),
      { numRuns: 25 },
    );
  }, 30_000);
});
