import { timingSafeEqual } from 'node:crypto';
import { HEADER_MAC_SIZE } from './constants';
import { SphinxError } from './errors';
import type { SphinxPrimitives } from './primitives/types';

/** γ = HMAC-SHA256(k_mac, β) truncated to 16 bytes. */
export function computeHeaderMac(
  primitives: SphinxPrimitives,
  macKey: Uint8Array,
  beta: Uint8Array,
): Uint8Array {
  return primitives.hmacSha256(macKey, beta).subarray(0, HEADER_MAC_SIZE);
}

/** Step 3 at a hop: the header MAC, compared in constant time. */
export function verifyHeaderMac(
  primitives: SphinxPrimitives,
  macKey: Uint8Array,
  beta: Uint8Array,
  gamma: Uint8Array,
): void {
  const expected = computeHeaderMac(primitives, macKey, beta);
  if (gamma.length !== HEADER_MAC_SIZE || !timingSafeEqual(expected, gamma)) {
    throw new SphinxError('bad_mac', 'the Sphinx header MAC does not verify (wrong key, or tampered header)');
  }
}
