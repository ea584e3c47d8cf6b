import { blake3 } from '@noble/hashes/blake3';
import { hkdf } from '@noble/hashes/hkdf';
import { createNodePrimitives, type SphinxPrimitives } from '@nymts/sphinx';

/**
 * The operations the client's own layers need beyond Sphinx. X25519 and AES-128-CTR come from the
 * same primitive set as Sphinx (node:crypto by default); BLAKE3 has no node:crypto form and comes
 * from @noble/hashes.
 */
export interface ClientCrypto {
  /** X25519; throws on an all-zero result (a small-order public key). */
  x25519(scalar: Uint8Array, publicKey: Uint8Array): Uint8Array;
  x25519Base(scalar: Uint8Array): Uint8Array;
  /** AES-128-CTR with a 128-bit big-endian counter starting at `iv`; encrypt = decrypt. */
  aes128Ctr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  /** HKDF with HMAC-BLAKE3 (64-byte block), no salt, no info: Nym's `PacketHkdfAlgorithm`. */
  hkdfBlake3(ikm: Uint8Array, length: number): Uint8Array;
  blake3(data: Uint8Array): Uint8Array;
  sphinx: SphinxPrimitives;
}

export function createClientCrypto(sphinx: SphinxPrimitives = createNodePrimitives()): ClientCrypto {
  return {
    x25519: (scalar, publicKey) => sphinx.x25519(scalar, publicKey),
    x25519Base: (scalar) => sphinx.x25519Base(scalar),
    aes128Ctr: (key, iv, data) => sphinx.aes128Ctr(key, iv, data),
    hkdfBlake3: (ikm, length) => hkdf(blake3, ikm, undefined, undefined, length),
    blake3: (data) => blake3(data),
    sphinx,
  };
}
