import { SENDER_TAG_SIZE } from '../constants';
import { ClientError } from '../errors';
import { encodeBase58, tryDecodeBase58 } from './base58';

/**
 * A random 16-byte pseudonym (Nym's `AnonymousSenderTag`) under which a recipient keeps the reply
 * SURBs of an anonymous sender, so it can reply without learning who the sender is.
 */
export type SenderTag = Uint8Array;

export function formatSenderTag(tag: SenderTag): string {
  return encodeBase58(tag);
}

export function parseSenderTag(text: string): SenderTag {
  const bytes = typeof text === 'string' ? tryDecodeBase58(text) : undefined;
  if (bytes === undefined) {
    throw new ClientError('bad_sender_tag', `sender tag "${String(text)}" is not base58`);
  }
  if (bytes.length !== SENDER_TAG_SIZE) {
    throw new ClientError(
      'bad_sender_tag',
      `sender tag "${text}" decodes to ${bytes.length} bytes, expected ${SENDER_TAG_SIZE}`,
    );
  }
  return bytes;
}

export function toSenderTag(value: SenderTag | string): SenderTag {
  if (typeof value === 'string') return parseSenderTag(value);
  if (!(value instanceof Uint8Array) || value.length !== SENDER_TAG_SIZE) {
    throw new ClientError('bad_sender_tag', `a sender tag is ${SENDER_TAG_SIZE} bytes`);
  }
  return value;
}
