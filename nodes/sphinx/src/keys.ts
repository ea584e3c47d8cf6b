import { X25519_KEY_SIZE } from './constants';
import { SphinxError } from './errors';
import { defaultPrimitives } from './primitives/default';
import { clampScalar } from './primitives/scalar';
import type { SphinxPrimitives } from './primitives/types';
import { secureRandomBytes, type RandomBytes } from './random';

export interface SphinxKeyPair {
  /** 32 bytes, stored clamped (RFC 7748), as x25519 uses it. */
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

/** The x25519 public key of a Sphinx private key. */
export function sphinxPublicKey(
  privateKey: Uint8Array,
  primitives: SphinxPrimitives = defaultPrimitives(),
): Uint8Array {
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== X25519_KEY_SIZE) {
    throw new SphinxError('bad_key', `a Sphinx private key is ${X25519_KEY_SIZE} bytes`);
  }
  return primitives.x25519Base(privateKey);
}

/** A node's Sphinx key pair from 32 random (or, for tests, injected) bytes. */
export function generateSphinxKeyPair(
  rng: RandomBytes = secureRandomBytes,
  primitives: SphinxPrimitives = defaultPrimitives(),
): SphinxKeyPair {
  const privateKey = clampScalar(rng(X25519_KEY_SIZE));
  return { privateKey, publicKey: sphinxPublicKey(privateKey, primitives) };
}
