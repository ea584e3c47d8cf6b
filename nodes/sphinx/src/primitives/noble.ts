import { ctr } from '@noble/ciphers/aes';
import { chacha20 } from '@noble/ciphers/chacha';
import { x25519 } from '@noble/curves/ed25519';
import { blake2b } from '@noble/hashes/blake2b';
import { hkdf } from '@noble/hashes/hkdf';
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { montgomeryLadder } from './montgomery-ladder';
import type { SphinxPrimitives } from './types';

/** Pure JavaScript (@noble): runs anywhere, about ten times slower than the node set. */
export function createNoblePrimitives(): SphinxPrimitives {
  return {
    name: 'noble',
    x25519: (scalar, u) => x25519.scalarMult(scalar, u),
    x25519Base: (scalar) => x25519.scalarMultBase(scalar),
    scalarMultModOrder: (scalar, u) => montgomeryLadder(scalar, u),
    hkdfSha256: (ikm, salt, info, length) => hkdf(sha256, ikm, salt, info, length),
    hmacSha256: (key, data) => hmac(sha256, key, data),
    aes128Ctr: (key, iv, data) => ctr(key, iv).encrypt(data),
    chacha20: (key, nonce, counter, data) => chacha20(key, nonce, data, undefined, counter),
    blake2b: (key, data, outputLength) =>
      blake2b(data, { key: key.length > 0 ? key : undefined, dkLen: outputLength }),
  };
}
