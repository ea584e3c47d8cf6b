import { concatBytes } from '@noble/hashes/utils';
import { type Layout, paddedLength } from '../chunking/split';
import { ClientError } from '../errors';

/**
 * Nym's padding (`NymMessage::pad_to_full_packet_lengths`): message ‖ 0x01 ‖ 0x00…, so that the
 * fragments are all full and every packet looks the same.
 */
export function padMessage(serialized: Uint8Array, layout: Layout): Uint8Array {
  const total = paddedLength(serialized.length + 1, layout);
  return concatBytes(serialized, Uint8Array.of(1), new Uint8Array(total - serialized.length - 1));
}

/** Strips everything from the last 0x01 on. */
export function unpadMessage(padded: Uint8Array): Uint8Array {
  const end = padded.lastIndexOf(1);
  if (end < 0)
    throw new ClientError('malformed_message', 'message padding has no 0x01 marker', { action: 'drop' });
  return padded.subarray(0, end);
}
