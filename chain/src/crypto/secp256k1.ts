import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1';
import { compareBytes } from '../encoding/bytes';
import { sha256 } from './hash';
import { LruCache } from './lru';

/**
 * secp256k1 ECDSA over SHA-256, with the Cosmos SDK's acceptance rules: a 33-byte compressed
 * public key that is a point on the curve, a 64-byte r‖s signature with 0 < r, s < n and s in the
 * lower half of the order (low-S, so a signature cannot be malleated into a second valid one).
 *
 * Three interchangeable backends, cross-tested on the same inputs: libsecp256k1 (Bitcoin Core's
 * library, as the `secp256k1` package's prebuilt N-API binary: the default where it loads, about
 * 6× OpenSSL), OpenSSL through node:crypto (the fallback), and noble (pure JS).
 */
export type Secp256k1Backend = 'libsecp256k1' | 'node' | 'noble';

interface Libsecp256k1 {
  /** Throws on malformed signatures or keys; false for a valid encoding that does not verify. */
  ecdsaVerify(signature: Uint8Array, digest: Uint8Array, publicKey: Uint8Array): boolean;
}

/**
 * The native binding only: the package's own fallback is elliptic (pure JS), slower than both
 * other backends, so when the prebuilt binary does not load this chain uses node:crypto.
 */
const libsecp256k1: Libsecp256k1 | undefined = (() => {
  try {
    return require('secp256k1/bindings') as Libsecp256k1;
  } catch {
    return undefined;
  }
})();

/** The fastest backend this machine has. */
export const DEFAULT_SECP256K1_BACKEND: Secp256k1Backend =
  libsecp256k1 === undefined ? 'node' : 'libsecp256k1';

/** Whether the prebuilt libsecp256k1 binary loaded on this platform. */
export function hasLibsecp256k1(): boolean {
  return libsecp256k1 !== undefined;
}

const ORDER = hex32('fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141');
const HALF_ORDER = hex32('7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0');
const ZERO = new Uint8Array(32);

// DER prefix of a SubjectPublicKeyInfo for id-ecPublicKey on secp256k1 with a 33-byte point.
const SPKI_PREFIX = Buffer.from('3036301006072a8648ce3d020106052b8104000a032200', 'hex');

const keyObjects = new LruCache<string, KeyObject | 'invalid'>(10_000);

export function verifySecp256k1(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
  backend: Secp256k1Backend = DEFAULT_SECP256K1_BACKEND,
): boolean {
  if (!isCanonicalSignature(signature)) return false;
  if (backend === 'noble') return verifyNoble(publicKey, message, signature);
  if (backend === 'libsecp256k1') return verifyLibsecp256k1(publicKey, message, signature);
  const key = nodeKey(publicKey);
  if (key === undefined) return false;
  return verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, signature);
}

/** r and s both in [1, n-1], s at most n/2. */
export function isCanonicalSignature(signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  const r = signature.subarray(0, 32);
  const s = signature.subarray(32, 64);
  if (compareBytes(r, ZERO) === 0 || compareBytes(r, ORDER) >= 0) return false;
  if (compareBytes(s, ZERO) === 0 || compareBytes(s, HALF_ORDER) > 0) return false;
  return true;
}

/** A 33-byte compressed encoding of a point on the curve. */
export function isValidCompressedPublicKey(publicKey: Uint8Array): boolean {
  if (publicKey.length !== 33 || (publicKey[0] !== 2 && publicKey[0] !== 3)) return false;
  try {
    secp256k1.ProjectivePoint.fromHex(publicKey).assertValidity();
    return true;
  } catch {
    return false;
  }
}

function nodeKey(publicKey: Uint8Array): KeyObject | undefined {
  const id = Buffer.from(publicKey).toString('latin1');
  let key = keyObjects.get(id);
  if (key === undefined) {
    // Validated once per key with noble: OpenSSL's decoding is not the reference for which
    // encodings the SDK accepts.
    key = isValidCompressedPublicKey(publicKey)
      ? createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' })
      : 'invalid';
    keyObjects.set(id, key);
  }
  return key === 'invalid' ? undefined : key;
}

function verifyLibsecp256k1(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (libsecp256k1 === undefined) throw new Error('libsecp256k1 is not available on this platform');
  // libsecp256k1 parses (and so validates) the key itself; only the compressed form is allowed
  if (publicKey.length !== 33 || (publicKey[0] !== 2 && publicKey[0] !== 3)) return false;
  try {
    return libsecp256k1.ecdsaVerify(signature, sha256(message), publicKey);
  } catch {
    return false;
  }
}

function verifyNoble(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (!isValidCompressedPublicKey(publicKey)) return false;
  try {
    return secp256k1.verify(signature, sha256(message), publicKey, { lowS: true });
  } catch {
    return false;
  }
}

function hex32(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'hex'));
}
