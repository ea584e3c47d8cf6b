import { PAYLOAD_KEY_HKDF_INFO, PAYLOAD_KEY_HKDF_SALT, PAYLOAD_KEY_SIZE } from './constants';
import type { ExpandedSecret } from './expand-shared-secret';
import type { SphinxPrimitives } from './primitives/types';
import type { PayloadKeyForm } from './versions';

/** Version 259: the 192-byte Lioness key from a 16-byte seed (sphinx-packet 0.6 payload/key.rs). */
export function payloadKeyFromSeed(primitives: SphinxPrimitives, seed: Uint8Array): Uint8Array {
  return primitives.hkdfSha256(seed, PAYLOAD_KEY_HKDF_SALT, PAYLOAD_KEY_HKDF_INFO, PAYLOAD_KEY_SIZE);
}

/** Step 6 at a hop: this hop's Lioness key, as the header version says. */
export function payloadKeyFor(
  primitives: SphinxPrimitives,
  form: PayloadKeyForm,
  secret: ExpandedSecret,
): Uint8Array {
  return form === 'seed' ? payloadKeyFromSeed(primitives, secret.payloadKeySeed) : secret.payloadKeyMaterial;
}
