// The hashes of Nym's Coconut, and the domain-separated one this implementation adds for showings.
import { Fr, type Bls12381, type G1, type Scalar } from '@nymts/bls12-381';
import { bytesToNumberLE, concatBytes } from '@noble/curves/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** Nym's hash_g1 DST: RFC 9380's own test DST, reused verbatim by nym-coconut. */
export const G1_HASH_DST = 'QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_';
/** Nym's hash_to_scalar DST (the RFC's expander test DST without its suffix). */
export const SCALAR_HASH_DST = 'QUUX-V01-CS02-with-expander';
/** Ours: the showing proof's challenge, which Nym computed without any DST or context. */
export const SHOWING_PROOF_DST = 'NYMTS-COCONUT-V01-CS01-with-BLS12381_XMD:SHA-256_SHOWING-PROOF';

export function hashToG1(bls: Bls12381, msg: Uint8Array): G1 {
  return bls.G1.hashToCurve(msg, G1_HASH_DST);
}

/** Nym's hash_to_scalar: how public attributes are made from their plain strings. */
export function hashToScalar(msg: Uint8Array): Scalar {
  return Fr.hashToScalar(msg, SCALAR_HASH_DST);
}

/**
 * Nym's Fiat–Shamir challenge: SHA-256 over the plain concatenation, the digest placed in the
 * upper half of 64 little-endian bytes, reduced mod r; that is (digest_le · 2²⁵⁶) mod r.
 */
export function nymChallenge(transcript: readonly Uint8Array[]): Scalar {
  return Fr.create(bytesToNumberLE(sha256(concatBytes(...transcript))) << 256n);
}

/** 8-byte little-endian length or count, as Nym's encodings write them. */
export function u64le(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(value), true);
  return bytes;
}

/** A variable-length field in a transcript: its length first, so fields cannot run together. */
export function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  return concatBytes(u64le(bytes.length), bytes);
}
