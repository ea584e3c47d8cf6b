import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  sign as nodeSign,
  verify as nodeVerify,
} from 'node:crypto';
import fc from 'fast-check';
import { blake3 } from '@noble/hashes/blake3';
import { openAesGcmSiv, referenceAesGcmSiv, sealAesGcmSiv } from '../src/crypto/aes-gcm-siv';
import { decodeBase58, encodeBase58 } from '../src/crypto/base58';
import { blake3Digest, hkdfBlake3, hmacBlake3 } from '../src/crypto/blake3';
import { fromHex, toHex } from '../src/crypto/bytes';
import {
  ed25519KeyPairFromSecret,
  signEd25519,
  verifyEd25519,
  x25519DiffieHellman,
} from '../src/crypto/keys';
import blake3Vectors from './vectors/blake3.json';
import gcmSivVectors from './vectors/aes-256-gcm-siv.json';
import macKdfVectors from './vectors/hmac-hkdf-blake3.json';

const pattern = (length: number) => Uint8Array.from({ length }, (_, index) => index % 251);

describe('BLAKE3 (official vectors)', () => {
  it.each(blake3Vectors.cases)('hashes $input_len bytes', ({ input_len, hash, keyed_hash }) => {
    expect(toHex(blake3Digest(pattern(input_len)))).toBe(hash);
    const key = new TextEncoder().encode(blake3Vectors.key);
    expect(toHex(blake3(pattern(input_len), { key }))).toBe(keyed_hash);
  });
});

describe('HMAC-BLAKE3 and HKDF-BLAKE3 (vectors from b3sum)', () => {
  it.each(macKdfVectors.hmacBlake3)('HMAC with a $key.length-hex-digit key', ({ key, message, mac }) => {
    expect(toHex(hmacBlake3(fromHex(key), fromHex(message)))).toBe(mac);
  });

  it.each(macKdfVectors.hkdfBlake3)('HKDF to $length bytes', ({ ikm, salt, info, length, okm }) => {
    const derived = hkdfBlake3({
      ikm: fromHex(ikm),
      salt: salt === null ? undefined : fromHex(salt),
      info: fromHex(info),
      length,
    });
    expect(toHex(derived)).toBe(okm);
  });
});

describe('AES-256-GCM-SIV (RFC 8452 vectors)', () => {
  it.each(gcmSivVectors.cases)('case $tcId seals and opens', ({ key, nonce, aad, msg, ct, tag }) => {
    const sealed = sealAesGcmSiv(fromHex(key), fromHex(nonce), fromHex(msg), fromHex(aad));
    expect(toHex(sealed)).toBe(ct + tag);
    expect(openAesGcmSiv(fromHex(key), fromHex(nonce), sealed, fromHex(aad))).toEqual({
      kind: 'ok',
      plaintext: fromHex(msg),
    });
  });

  it('node:crypto-based and all-JS (noble) implementations agree on any input', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        fc.uint8Array({ maxLength: 600 }),
        fc.uint8Array({ maxLength: 40 }),
        (key, nonce, plaintext, aad) => {
          const sealed = sealAesGcmSiv(key, nonce, plaintext, aad);
          expect(sealed).toEqual(referenceAesGcmSiv.seal(key, nonce, plaintext, aad));
          expect(referenceAesGcmSiv.open(key, nonce, sealed, aad)).toEqual(plaintext);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a flipped bit, a wrong nonce and a truncated tag', () => {
    const key = pattern(32);
    const nonce = pattern(12);
    const sealed = sealAesGcmSiv(key, nonce, pattern(40));
    const flipped = Uint8Array.from(sealed);
    flipped[3] ^= 1;
    expect(openAesGcmSiv(key, nonce, flipped).kind).toBe('failed');
    expect(openAesGcmSiv(key, pattern(13).subarray(1), sealed).kind).toBe('failed');
    expect(openAesGcmSiv(key, nonce, sealed.subarray(0, 10)).kind).toBe('failed');
  });

  it('rejects keys and nonces of the wrong size with a RangeError', () => {
    expect(() => sealAesGcmSiv(pattern(16), pattern(12), pattern(1))).toThrow(RangeError);
    expect(() => sealAesGcmSiv(pattern(32), pattern(16), pattern(1))).toThrow(RangeError);
  });
});

describe('base58', () => {
  it('matches known encodings, including leading zeros', () => {
    expect(encodeBase58(new TextEncoder().encode('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
    expect(encodeBase58(Uint8Array.of(0, 0, 0x28, 0x7f, 0xb4, 0xcd))).toBe('11233QC4');
    expect(encodeBase58(new Uint8Array(0))).toBe('');
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(decodeBase58(encodeBase58(bytes))).toEqual(bytes);
      }),
    );
  });

  it('names the offending character', () => {
    expect(() => decodeBase58('abc0def')).toThrow('invalid base58 character "0" at position 3');
  });
});

// node:crypto takes raw keys through DER wrappers; these prefixes are the fixed PKCS#8 / SPKI
// headers for Ed25519 and X25519.
const ed25519Pkcs8 = (secret: Uint8Array) =>
  createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), secret]),
    format: 'der',
    type: 'pkcs8',
  });
const ed25519Spki = (publicKey: Uint8Array) =>
  createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey]),
    format: 'der',
    type: 'spki',
  });
const x25519Pkcs8 = (secret: Uint8Array) =>
  createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), secret]),
    format: 'der',
    type: 'pkcs8',
  });
const x25519Spki = (publicKey: Uint8Array) =>
  createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b656e032100', 'hex'), publicKey]),
    format: 'der',
    type: 'spki',
  });

describe('ed25519 and x25519 agree with node:crypto', () => {
  it('signatures verify across both implementations', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 100 }),
        (secret, message) => {
          const keys = ed25519KeyPairFromSecret(secret);
          const ours = signEd25519(keys.secretKey, message);
          expect(nodeVerify(null, message, ed25519Spki(keys.publicKey), ours)).toBe(true);
          const theirs = nodeSign(null, message, ed25519Pkcs8(secret));
          expect(verifyEd25519(keys.publicKey, message, theirs)).toBe(true);
          expect(verifyEd25519(keys.publicKey, Uint8Array.of(...message, 1), theirs)).toBe(false);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('X25519 shared secrets match', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (a, b) => {
          const publicB = x25519Spki(
            new Uint8Array(createPublicKey(x25519Pkcs8(b)).export({ format: 'der', type: 'spki' })).subarray(
              -32,
            ),
          );
          const expected = diffieHellman({ privateKey: x25519Pkcs8(a), publicKey: publicB });
          const rawB = new Uint8Array(publicB.export({ format: 'der', type: 'spki' })).subarray(-32);
          expect(x25519DiffieHellman(a, rawB)).toEqual({
            kind: 'ok',
            sharedSecret: new Uint8Array(expected),
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses low-order points instead of returning an all-zero secret', () => {
    expect(x25519DiffieHellman(pattern(32), new Uint8Array(32)).kind).toBe('low-order-point');
    const one = new Uint8Array(32);
    one[0] = 1;
    expect(x25519DiffieHellman(pattern(32), one).kind).toBe('low-order-point');
  });
});
