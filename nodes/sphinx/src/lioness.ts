import { xorBytes, xorInPlace } from './bytes';
import { PAYLOAD_KEY_SIZE } from './constants';
import { SphinxError } from './errors';
import type { SphinxPrimitives } from './primitives/types';

// Lioness<VarBlake2b, ChaCha> as crate `lioness` 0.1.2 defines it: a 4-round unbalanced Feistel
// over L (first 32 bytes) and R (the rest), key = k1 (32) ‖ k2 (64) ‖ k3 (32) ‖ k4 (64);
// S(k) is ChaCha20 with an all-zero nonce, H(k, ·) is keyed BLAKE2b with a 32-byte output.
//   encrypt: R ^= S(L ^ k1); L ^= H(k2, R); R ^= S(L ^ k3); L ^= H(k4, R)
//   decrypt: the same rounds in reverse order.

const HALF = 32;
const ZERO_NONCE = new Uint8Array(12);

interface LionessKeys {
  k1: Uint8Array;
  k2: Uint8Array;
  k3: Uint8Array;
  k4: Uint8Array;
}

function splitKey(key: Uint8Array): LionessKeys {
  if (key.length !== PAYLOAD_KEY_SIZE) {
    throw new SphinxError('bad_key', `a Lioness key is ${PAYLOAD_KEY_SIZE} bytes, got ${key.length}`);
  }
  return {
    k1: key.subarray(0, 32),
    k2: key.subarray(32, 96),
    k3: key.subarray(96, 128),
    k4: key.subarray(128, 192),
  };
}

function halves(block: Uint8Array): { left: Uint8Array; right: Uint8Array } {
  if (block.length <= HALF) {
    throw new SphinxError(
      'bad_payload',
      `a Lioness block must be longer than ${HALF} bytes, got ${block.length}`,
    );
  }
  return { left: block.subarray(0, HALF), right: block.subarray(HALF) };
}

function streamRound(
  primitives: SphinxPrimitives,
  left: Uint8Array,
  key: Uint8Array,
  right: Uint8Array,
): void {
  right.set(primitives.chacha20(xorBytes(left, key), ZERO_NONCE, 0, right));
}

function hashRound(primitives: SphinxPrimitives, left: Uint8Array, key: Uint8Array, right: Uint8Array): void {
  xorInPlace(left, primitives.blake2b(key, right, HALF));
}

/** Encrypts `block` in place (a hop's packet buffer, to spare a 2 KiB copy per hop). */
export function lionessEncryptInPlace(
  primitives: SphinxPrimitives,
  key: Uint8Array,
  block: Uint8Array,
): void {
  const { k1, k2, k3, k4 } = splitKey(key);
  const { left, right } = halves(block);
  streamRound(primitives, left, k1, right);
  hashRound(primitives, left, k2, right);
  streamRound(primitives, left, k3, right);
  hashRound(primitives, left, k4, right);
}

export function lionessDecryptInPlace(
  primitives: SphinxPrimitives,
  key: Uint8Array,
  block: Uint8Array,
): void {
  const { k1, k2, k3, k4 } = splitKey(key);
  const { left, right } = halves(block);
  hashRound(primitives, left, k4, right);
  streamRound(primitives, left, k3, right);
  hashRound(primitives, left, k2, right);
  streamRound(primitives, left, k1, right);
}

export function lionessEncrypt(primitives: SphinxPrimitives, key: Uint8Array, block: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(block);
  lionessEncryptInPlace(primitives, key, copy);
  return copy;
}

export function lionessDecrypt(primitives: SphinxPrimitives, key: Uint8Array, block: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(block);
  lionessDecryptInPlace(primitives, key, copy);
  return copy;
}
