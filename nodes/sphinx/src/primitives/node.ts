import {
  createCipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { montgomeryLadder } from './montgomery-ladder';
import { clampedRepresentative } from './scalar';
import type { SphinxPrimitives } from './types';

type GenericHash = (output: Uint8Array, input: Uint8Array, key?: Uint8Array) => void;

const BASE_POINT = Uint8Array.of(9, ...new Uint8Array(31));
// Node 20 cannot import a raw X25519 private key except through JWK, and a private JWK must
// carry `x`. Node does not check `x` against `d` and the derivation uses `d` only, so a
// placeholder saves a scalar multiplication per import. The cross-tests against @noble fail if
// a Node upgrade starts rejecting it.
const PLACEHOLDER_X = Buffer.alloc(32).toString('base64url');

function importPrivate(scalar: Uint8Array): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', d: Buffer.from(scalar).toString('base64url'), x: PLACEHOLDER_X },
    format: 'jwk',
  });
}

function importPublic(u: Uint8Array): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(u).toString('base64url') },
    format: 'jwk',
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/**
 * KeyObject caches. A node's own key arrives as the same array on every packet (WeakMap by
 * identity, contents re-checked so a caller mutating it cannot get a stale key). A packet's α is
 * used twice in a row (shared secret, then blinding), so the last public key is kept.
 */
function createKeyCache() {
  const privateKeys = new WeakMap<Uint8Array, { bytes: Uint8Array; key: KeyObject }>();
  let lastPublic: { bytes: Uint8Array; key: KeyObject } | undefined;
  return {
    privateKey(scalar: Uint8Array): KeyObject {
      const cached = privateKeys.get(scalar);
      if (cached && sameBytes(cached.bytes, scalar)) return cached.key;
      const key = importPrivate(scalar);
      privateKeys.set(scalar, { bytes: Uint8Array.from(scalar), key });
      return key;
    },
    publicKey(u: Uint8Array): KeyObject {
      if (lastPublic && sameBytes(lastPublic.bytes, u)) return lastPublic.key;
      const key = importPublic(u);
      lastPublic = { bytes: Uint8Array.from(u), key };
      return key;
    },
  };
}

function loadSodiumGenericHash(): GenericHash {
  // Loaded on first use so that importing this package never requires the native addon.
  const sodium = require('sodium-native') as { crypto_generichash: GenericHash };
  return sodium.crypto_generichash;
}

/**
 * node:crypto (OpenSSL) for X25519, HKDF, HMAC, AES-CTR and ChaCha20; libsodium (sodium-native,
 * prebuilt binaries shipped in the npm package) for keyed BLAKE2b, which node:crypto lacks.
 */
export function createNodePrimitives(): SphinxPrimitives {
  const keys = createKeyCache();
  const genericHash = loadSodiumGenericHash();
  const x25519 = (scalar: Uint8Array, u: Uint8Array): Uint8Array =>
    new Uint8Array(diffieHellman({ privateKey: keys.privateKey(scalar), publicKey: keys.publicKey(u) }));
  return {
    name: 'node',
    x25519,
    x25519Base: (scalar) => x25519(scalar, BASE_POINT),
    // Exact for points of prime order ℓ (every honestly built α); see clampedRepresentative.
    scalarMultModOrder: (scalar, u) => {
      const representative = clampedRepresentative(scalar);
      return representative ? x25519(representative, u) : montgomeryLadder(scalar, u);
    },
    hkdfSha256: (ikm, salt, info, length) => new Uint8Array(hkdfSync('sha256', ikm, salt, info, length)),
    hmacSha256: (key, data) => new Uint8Array(createHmac('sha256', key).update(data).digest()),
    aes128Ctr: (key, iv, data) => new Uint8Array(createCipheriv('aes-128-ctr', key, iv).update(data)),
    chacha20: (key, nonce, counter, data) => {
      const iv = Buffer.alloc(16);
      iv.writeUInt32LE(counter, 0);
      iv.set(nonce, 4);
      return new Uint8Array(createCipheriv('chacha20', key, iv).update(data));
    },
    blake2b: (key, data, outputLength) => {
      const output = new Uint8Array(outputLength);
      genericHash(output, data, key.length > 0 ? key : undefined);
      return output;
    },
  };
}
