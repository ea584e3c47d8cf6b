import { lionessEncrypt } from './lioness';
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
  return hopKeys.reduceRight(
    (payload, key) => lionessEncrypt(primitives, key, payload),
    padMessage(message, payloadSize),
  );
}
