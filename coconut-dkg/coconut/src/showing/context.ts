import { systemRandomBytes, type RandomBytes } from '@nymts/bls12-381';
import { CoconutError } from '../errors';
import type { ShowingContext } from '../types';

/** What `newShowingNonce` draws; verifiers may use more, never fewer than the minimum. */
export const SHOWING_NONCE_BYTES = 32;
const MIN_NONCE_BYTES = 16;
const MAX_FIELD_BYTES = 1024;

/** A fresh challenge for one showing, drawn by the verifier (node:crypto). */
export function newShowingNonce(rng: RandomBytes = systemRandomBytes): Uint8Array {
  return rng(SHOWING_NONCE_BYTES);
}

export function checkShowingContext(context: ShowingContext): void {
  const { verifier, nonce } = context;
  if (verifier.length < 1 || verifier.length > MAX_FIELD_BYTES) {
    throw new CoconutError('bad-argument', `a verifier identity must be 1..${MAX_FIELD_BYTES} bytes`, {
      verifierBytes: verifier.length,
    });
  }
  if (nonce.length < MIN_NONCE_BYTES || nonce.length > MAX_FIELD_BYTES) {
    throw new CoconutError(
      'bad-argument',
      `a showing nonce must be ${MIN_NONCE_BYTES}..${MAX_FIELD_BYTES} bytes`,
      {
        nonceBytes: nonce.length,
      },
    );
  }
}
