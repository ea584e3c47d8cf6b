import { ALPHA_SIZE, X25519_KEY_SIZE } from './constants';
import { SphinxError } from './errors';
import type { SphinxPrimitives } from './primitives/types';

/** Step 1 at a hop: s = X25519(node key, α). A low-order α (all-zero s) is refused. */
export function deriveSharedSecret(
  primitives: SphinxPrimitives,
  privateKey: Uint8Array,
  alpha: Uint8Array,
): Uint8Array {
  if (privateKey.length !== X25519_KEY_SIZE) {
    throw new SphinxError(
      'bad_key',
      `a Sphinx private key is ${X25519_KEY_SIZE} bytes, got ${privateKey.length}`,
    );
  }
  if (alpha.length !== ALPHA_SIZE) throw new SphinxError('malformed', 'α must be 32 bytes');
  try {
    return primitives.x25519(privateKey, alpha);
  } catch (cause) {
    throw new SphinxError('malformed', 'α is a low-order point (X25519 gave zero)', {}, cause);
  }
}
