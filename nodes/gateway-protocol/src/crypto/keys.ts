import { ed25519, x25519 } from '@noble/curves/ed25519';
import { type RandomBytes } from './random';

export const PUBLIC_KEY_LENGTH = 32;
export const SIGNATURE_LENGTH = 64;

export interface Ed25519KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export interface X25519KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export function generateEd25519KeyPair(random: RandomBytes): Ed25519KeyPair {
  const secretKey = random(32);
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

export function ed25519KeyPairFromSecret(secretKey: Uint8Array): Ed25519KeyPair {
  if (secretKey.length !== 32)
    throw new RangeError(`ed25519 secret key must be 32 bytes, got ${secretKey.length}`);
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

export function generateX25519KeyPair(random: RandomBytes): X25519KeyPair {
  const secretKey = random(32);
  return { secretKey, publicKey: x25519.getPublicKey(secretKey) };
}

/** True when the bytes decode to a point on the curve (what `ed25519::PublicKey::from_bytes` checks). */
export function isValidEd25519PublicKey(bytes: Uint8Array): boolean {
  if (bytes.length !== PUBLIC_KEY_LENGTH) return false;
  try {
    ed25519.ExtendedPoint.fromHex(bytes);
    return true;
  } catch {
    return false;
  }
}

export function signEd25519(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
  return ed25519.sign(message, secretKey);
}

/** Strict RFC 8032 verification (no malleable signatures, canonical encodings); never throws. */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== PUBLIC_KEY_LENGTH || signature.length !== SIGNATURE_LENGTH) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

export type DiffieHellmanResult = { kind: 'ok'; sharedSecret: Uint8Array } | { kind: 'low-order-point' };

/** X25519; a peer key of low order gives an all-zero secret, which we refuse instead of using. */
export function x25519DiffieHellman(secretKey: Uint8Array, peerPublicKey: Uint8Array): DiffieHellmanResult {
  if (peerPublicKey.length !== PUBLIC_KEY_LENGTH) return { kind: 'low-order-point' };
  try {
    const sharedSecret = x25519.getSharedSecret(secretKey, peerPublicKey);
    return sharedSecret.every((byte) => byte === 0)
      ? { kind: 'low-order-point' }
      : { kind: 'ok', sharedSecret };
  } catch {
    return { kind: 'low-order-point' };
  }
}
