import { X25519_KEY_SIZE } from './constants';
import { expandSharedSecret, type ExpandedSecret } from './expand-shared-secret';
import {
  clampedRepresentative,
  clampedScalarValue,
  mod,
  GROUP_ORDER,
  reduceModOrder,
} from './primitives/scalar';
import type { SphinxPrimitives } from './primitives/types';
import type { Blinding } from './versions';

export interface HeaderKeyMaterial {
  /** α for the first hop: X25519(x, 9). */
  alpha: Uint8Array;
  /** One per hop, in route order. */
  secrets: ExpandedSecret[];
}

/**
 * u(k·P) for the sender's accumulated scalar k (mod ℓ). A clamped-form representative makes it
 * one X25519 call that also clears any small-order part of P, as the chain of clamped X25519
 * calls the hops perform would.
 */
function multiplyByAccumulator(
  primitives: SphinxPrimitives,
  accumulator: bigint,
  publicKey: Uint8Array,
): Uint8Array {
  const representative = clampedRepresentative(accumulator);
  return representative
    ? primitives.x25519(representative, publicKey)
    : primitives.scalarMultModOrder(accumulator, publicKey);
}

function blindingMultiplier(blinding: Blinding, blindingFactor: Uint8Array): bigint {
  return blinding === 'clamped-x25519' ? clampedScalarValue(blindingFactor) : reduceModOrder(blindingFactor);
}

/**
 * The sender's side of the key schedule: with ephemeral secret x and per-hop blinding factors
 * b_j, the shared secret with hop i is s_i = (x·b_0·…·b_(i-1))·pk_i, which is what hop i gets as
 * X25519(sk_i, α_i) after the previous hops blinded α (clamped or mod-ℓ, by version).
 */
export function deriveHeaderKeyMaterial(
  primitives: SphinxPrimitives,
  ephemeralSecret: Uint8Array,
  publicKeys: readonly Uint8Array[],
  blinding: Blinding,
): HeaderKeyMaterial {
  if (ephemeralSecret.length !== X25519_KEY_SIZE) throw new RangeError('the ephemeral secret is 32 bytes');
  const alpha = primitives.x25519Base(ephemeralSecret);
  let accumulator = mod(clampedScalarValue(ephemeralSecret), GROUP_ORDER);
  const secrets = publicKeys.map((publicKey) => {
    const secret = expandSharedSecret(primitives, multiplyByAccumulator(primitives, accumulator, publicKey));
    accumulator = mod(accumulator * blindingMultiplier(blinding, secret.blindingFactor), GROUP_ORDER);
    return secret;
  });
  return { alpha, secrets };
}
