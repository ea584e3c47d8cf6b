import { SphinxError } from './errors';
import { reduceModOrder } from './primitives/scalar';
import type { SphinxPrimitives } from './primitives/types';
import type { Blinding } from './versions';

/**
 * Step 5 at a forward hop: α' for the next hop.
 * - legacy (1, 256, 257): (b mod ℓ)·α, b unclamped (sphinx-packet 0.1 `blind_the_shared_secret`);
 * - 258 and later: X25519(b, α), b clamped like any x25519 StaticSecret.
 */
export function blindAlpha(
  primitives: SphinxPrimitives,
  blinding: Blinding,
  alpha: Uint8Array,
  blindingFactor: Uint8Array,
): Uint8Array {
  try {
    return blinding === 'clamped-x25519'
      ? primitives.x25519(blindingFactor, alpha)
      : primitives.scalarMultModOrder(reduceModOrder(blindingFactor), alpha);
  } catch (cause) {
    throw new SphinxError('malformed', 'blinding α gave the neutral element', {}, cause);
  }
}
