import {
  ACK_PLAINTEXT_SIZE,
  RECEIVED_MESSAGE_SIZE,
  REPLY_KEY_DIGEST_SIZE,
  X25519_KEY_SIZE,
} from '../constants';
import { decodeFragment, type Fragment, type FragmentId } from '../chunking/fragment';
import { openAckIdentifier } from '../crypto/ack-identifier';
import { openFromSender, replyCipher } from '../crypto/packet-encryption';
import type { ClientCrypto } from '../crypto/primitives';
import { ClientError } from '../errors';
import { LOOP_COVER_PAYLOAD } from './prepare';

export type ReceivedPacket =
  | { kind: 'ack'; fragmentId: FragmentId }
  | { kind: 'cover' }
  | { kind: 'fragment'; fragment: Fragment; isReply: boolean };

export interface ReceiveKeys {
  crypto: ClientCrypto;
  ackKey: Uint8Array;
  encryptionPrivateKey: Uint8Array;
  /** Looks up (and consumes) the reply key a reply names by its BLAKE3 digest. */
  takeReplyKey(digest: Uint8Array): Uint8Array | undefined;
}

function isLoopCover(plaintext: Uint8Array): boolean {
  if (plaintext.length < LOOP_COVER_PAYLOAD.length) return false;
  return LOOP_COVER_PAYLOAD.every((byte, i) => plaintext[i] === byte);
}

/**
 * Makes sense of what our gateway pushed: an ack (21 bytes) or a packet's plaintext without its
 * SURB-ACK (1643 bytes), which is a reply when its first 32 bytes name one of our reply keys, and
 * otherwise a packet sealed to our encryption key (a message fragment or our own loop cover).
 * Anything else throws ClientError with action 'drop'.
 */
export function openReceived(keys: ReceiveKeys, plaintext: Uint8Array): ReceivedPacket {
  if (plaintext.length === ACK_PLAINTEXT_SIZE) {
    return { kind: 'ack', fragmentId: openAckIdentifier(keys.crypto, keys.ackKey, plaintext) };
  }
  if (plaintext.length !== RECEIVED_MESSAGE_SIZE) {
    throw new ClientError(
      'malformed_packet',
      `unexpected ${plaintext.length}-byte message from the gateway`,
      {
        action: 'drop',
        details: { length: plaintext.length },
      },
    );
  }
  const head = plaintext.subarray(0, REPLY_KEY_DIGEST_SIZE);
  const replyKey = keys.takeReplyKey(head);
  if (replyKey !== undefined) {
    const fragment = replyCipher(keys.crypto, replyKey, plaintext.subarray(REPLY_KEY_DIGEST_SIZE));
    return { kind: 'fragment', fragment: decodeFragment(fragment), isReply: true };
  }
  const opened = openFromSender(
    keys.crypto,
    keys.encryptionPrivateKey,
    plaintext.subarray(0, X25519_KEY_SIZE),
    plaintext.subarray(X25519_KEY_SIZE),
  );
  if (isLoopCover(opened)) return { kind: 'cover' };
  return { kind: 'fragment', fragment: decodeFragment(opened), isReply: false };
}
