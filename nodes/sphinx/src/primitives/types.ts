/**
 * The cryptographic operations Sphinx needs. Two sets implement it: `node` (node:crypto, plus
 * libsodium's keyed BLAKE2b, which node:crypto lacks) for speed, and `noble` (pure JS) for
 * portability. Both must give identical bytes for identical inputs; the tests check that.
 */
export interface SphinxPrimitives {
  readonly name: string;
  /** RFC 7748 X25519: the scalar is clamped. Throws on an all-zero result (low-order point). */
  x25519(scalar: Uint8Array, u: Uint8Array): Uint8Array;
  /** X25519 with the base point u = 9. */
  x25519Base(scalar: Uint8Array): Uint8Array;
  /**
   * u((k mod ℓ)·P) without clamping: the legacy blinding of sphinx-packet ≤ 0.1
   * (`Scalar::from_bytes_mod_order(b) * MontgomeryPoint`). `scalar` is already reduced mod ℓ.
   */
  scalarMultModOrder(scalar: bigint, u: Uint8Array): Uint8Array;
  hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
  /** AES-128 in CTR mode with a 128-bit big-endian counter block starting at `iv`; encrypt = decrypt. */
  aes128Ctr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  /** RFC 8439 ChaCha20 (12-byte nonce, 32-bit block counter); encrypt = decrypt. */
  chacha20(key: Uint8Array, nonce: Uint8Array, counter: number, data: Uint8Array): Uint8Array;
  /** RFC 7693 keyed BLAKE2b (key ≤ 64 bytes, 1 ≤ outputLength ≤ 64). */
  blake2b(key: Uint8Array, data: Uint8Array, outputLength: number): Uint8Array;
}
