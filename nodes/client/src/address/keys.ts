import { ed25519 } from '@noble/curves/ed25519';
import { ClientError } from '../errors';
import { ED25519_KEY_SIZE, X25519_KEY_SIZE } from '../constants';

/**
 * Checks that 32 bytes encode a point of the ed25519 group that is not of small order (the
 * identities of clients and gateways). Throws ClientError('bad_key').
 */
export function checkEd25519PublicKey(bytes: Uint8Array, what: string): void {
  if (bytes.length !== ED25519_KEY_SIZE) {
    throw new ClientError('bad_key', `${what} must be ${ED25519_KEY_SIZE} bytes, got ${bytes.length}`);
  }
  let point;
  try {
    point = ed25519.Point.fromBytes(bytes);
  } catch (error) {
    throw new ClientError('bad_key', `${what} is not an ed25519 point`, { cause: error });
  }
  if (point.isSmallOrder()) throw new ClientError('bad_key', `${what} is a small-order ed25519 point`);
}

/**
 * An x25519 key is any 32 bytes; small-order keys are caught where they are used (the Diffie-Hellman
 * step refuses an all-zero result).
 */
export function checkX25519PublicKey(bytes: Uint8Array, what: string): void {
  if (bytes.length !== X25519_KEY_SIZE) {
    throw new ClientError('bad_key', `${what} must be ${X25519_KEY_SIZE} bytes, got ${bytes.length}`);
  }
}
