import { lionessEncryptInPlace } from './lioness';
import { padMessage } from './payload-padding';
import type { SphinxPrimitives } from './primitives/types';

/**
 * The sender's payload: pad the message, then one Lioness encryption per hop, last hop first, so
 * that each hop's decryption peels its own layer.
 */
export function encryptPayload(
  primitives: SphinxPrimitives,
  message: Uint8Array,
  payloadSize: number,
  hopKeys: readonly Uint8Array[],
): Uint8Array {
  const payload = padMessage(message, payloadSize);
  for (let i = hopKeys.length - 1; i >= 0; i--)
    lionessEncryptInPlace(primitives, hopKeys[i] as Uint8Array, payload);
  return payload;
}
