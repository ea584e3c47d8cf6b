import { createCipheriv, createHmac, hkdfSync } from 'node:crypto';
import { montgomeryLadder } from './montgomery-ladder';
import { clampedRepresentative } from './scalar';
import type { SphinxPrimitives } from './types';

interface Sodium {
  crypto_generichash(output: Uint8Array, input: Uint8Array, key?: Uint8Array): void;
  crypto_scalarmult(output: Uint8Array, scalar: Uint8Array, point: Uint8Array): void;
  crypto_scalarmult_base(output: Uint8Array, scalar: Uint8Array): void;
  crypto_stream_chacha20_ietf_xor_ic(
    output: Uint8Array,
    input: Uint8Array,
    nonce: Uint8Array,
    counter: number,
    key: Uint8Array,
  ): void;
}

function loadSodium(): Sodium {
  // Loaded on first use so that importing this package never requires the native addon.
  return require('sodium-native') as Sodium;
}

/**
 * node:crypto (OpenSSL) for HKDF, HMAC and AES-CTR; libsodium (sodium-native, prebuilt binaries
 * shipped in the npm package) for X25519, ChaCha20 and keyed BLAKE2b. node:crypto has no keyed
 * BLAKE2b, and its X25519 needs every raw key imported as a KeyObject first: with the import, a
 * Sphinx X25519 costs about twice libsodium's, and the KeyObjects feed the garbage collector.
 */
export function createNodePrimitives(): SphinxPrimitives {
  const sodium = loadSodium();
  // libsodium clamps the scalar (RFC 7748) and refuses a low-order point or an all-zero result.
  const x25519 = (scalar: Uint8Array, u: Uint8Array): Uint8Array => {
    const output = new Uint8Array(32);
    sodium.crypto_scalarmult(output, scalar, u);
    return output;
  };
  return {
    name: 'node',
    x25519,
    x25519Base: (scalar) => {
      const output = new Uint8Array(32);
      sodium.crypto_scalarmult_base(output, scalar);
      return output;
    },
    // Exact for points of prime order ℓ (every honestly built α); see clampedRepresentative.
    scalarMultModOrder: (scalar, u) => {
      const representative = clampedRepresentative(scalar);
      return representative ? x25519(representative, u) : montgomeryLadder(scalar, u);
    },
    hkdfSha256: (ikm, salt, info, length) => new Uint8Array(hkdfSync('sha256', ikm, salt, info, length)),
    hmacSha256: (key, data) => new Uint8Array(createHmac('sha256', key).update(data).digest()),
    aes128Ctr: (key, iv, data) => new Uint8Array(createCipheriv('aes-128-ctr', key, iv).update(data)),
    chacha20: (key, nonce, counter, data) => {
      const output = new Uint8Array(data.length);
      sodium.crypto_stream_chacha20_ietf_xor_ic(output, data, nonce, counter, key);
      return output;
    },
    blake2b: (key, data, outputLength) => {
      const output = new Uint8Array(outputLength);
      sodium.crypto_generichash(output, data, key.length > 0 ? key : undefined);
      return output;
    },
  };
}
