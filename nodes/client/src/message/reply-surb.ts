import { decodeSurb, encodeSurb, HEADER_SIZE, PAYLOAD_KEY_SEED_SIZE, type Surb } from '@nymts/sphinx';
import { concatBytes } from '@noble/hashes/utils';
import { REPLY_KEY_SIZE } from '../constants';
import { ClientError } from '../errors';

/**
 * Nym's `ReplySurb` (anonymous-replies `reply_surb.rs`): the 16-byte AES-128 key the replier
 * encrypts its reply with ‖ a Sphinx SURB (header ‖ first hop ‖ payload keys) back to the creator.
 */
export interface ReplySurb {
  replyKey: Uint8Array;
  surb: Surb;
}

export function encodeReplySurb(surb: ReplySurb): Uint8Array {
  return concatBytes(surb.replyKey, encodeSurb(surb.surb));
}

/** Length of one SURB in the v2 encoding: key material is a 16-byte seed per hop. */
export function replySurbV2Size(hops: number): number {
  return REPLY_KEY_SIZE + HEADER_SIZE + 32 + hops * PAYLOAD_KEY_SEED_SIZE;
}

export function decodeReplySurb(bytes: Uint8Array): ReplySurb {
  if (bytes.length <= REPLY_KEY_SIZE + HEADER_SIZE + 32) {
    throw new ClientError('malformed_message', `${bytes.length} bytes is too short for a reply SURB`, {
      action: 'drop',
    });
  }
  try {
    return { replyKey: bytes.slice(0, REPLY_KEY_SIZE), surb: decodeSurb(bytes.subarray(REPLY_KEY_SIZE)) };
  } catch (error) {
    throw new ClientError('malformed_message', `invalid reply SURB: ${(error as Error).message}`, {
      action: 'drop',
      cause: error,
    });
  }
}
