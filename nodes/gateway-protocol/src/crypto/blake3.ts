import { blake3 } from '@noble/hashes/blake3';
import { hkdf } from '@noble/hashes/hkdf';
import { hmac } from '@noble/hashes/hmac';

/** BLAKE3 with its default 32-byte output. */
export function blake3Digest(data: Uint8Array): Uint8Array {
  return blake3(data);
}

/**
 * HMAC (RFC 2104) instantiated with BLAKE3 as the hash (64-byte block, 32-byte output), the
 * construction Nym calls HMAC-BLAKE3: it keys its legacy gateway frame tags and is the PRF inside
 * its HKDF. It is not BLAKE3's own keyed mode.
 */
export function hmacBlake3(key: Uint8Array, data: Uint8Array): Uint8Array {
  return hmac(blake3, key, data);
}

export interface HkdfBlake3Input {
  ikm: Uint8Array;
  /** Absent means RFC 5869's default: 32 zero bytes. */
  salt?: Uint8Array;
  info?: Uint8Array;
  length: number;
}

/** HKDF (RFC 5869) extract-then-expand over HMAC-BLAKE3. */
export function hkdfBlake3({ ikm, salt, info, length }: HkdfBlake3Input): Uint8Array {
  return hkdf(blake3, ikm, salt, info, length);
}
