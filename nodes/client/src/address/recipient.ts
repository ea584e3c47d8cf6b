import { concatBytes } from '@noble/hashes/utils';
import { ED25519_KEY_SIZE, X25519_KEY_SIZE } from '../constants';
import { ClientError } from '../errors';
import { encodeBase58, tryDecodeBase58 } from './base58';
import { checkEd25519PublicKey, checkX25519PublicKey } from './keys';

/**
 * A Nym client address (nym-sphinx-addressing `clients.rs`): the client's ed25519 identity, its
 * x25519 encryption key and the ed25519 identity of the gateway that holds its messages.
 */
export interface Recipient {
  identity: Uint8Array;
  encryption: Uint8Array;
  gateway: Uint8Array;
}

export const RECIPIENT_SIZE = ED25519_KEY_SIZE + X25519_KEY_SIZE + ED25519_KEY_SIZE;

export function recipientToBytes(recipient: Recipient): Uint8Array {
  return concatBytes(recipient.identity, recipient.encryption, recipient.gateway);
}

function checkRecipient(recipient: Recipient): Recipient {
  const wrap = (check: () => void) => {
    try {
      check();
    } catch (error) {
      throw new ClientError('bad_address', `invalid address: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  wrap(() => checkEd25519PublicKey(recipient.identity, 'the client identity key'));
  wrap(() => checkX25519PublicKey(recipient.encryption, 'the client encryption key'));
  wrap(() => checkEd25519PublicKey(recipient.gateway, 'the gateway identity key'));
  return recipient;
}

/** The 96-byte binary form used by the WebSocket API and by SURB requests. */
export function recipientFromBytes(bytes: Uint8Array): Recipient {
  if (bytes.length !== RECIPIENT_SIZE) {
    throw new ClientError('bad_address', `a binary address is ${RECIPIENT_SIZE} bytes, got ${bytes.length}`);
  }
  return checkRecipient({
    identity: bytes.slice(0, 32),
    encryption: bytes.slice(32, 64),
    gateway: bytes.slice(64, 96),
  });
}

export function formatRecipient(recipient: Recipient): string {
  return `${encodeBase58(recipient.identity)}.${encodeBase58(recipient.encryption)}@${encodeBase58(recipient.gateway)}`;
}

function decodePart(text: string, part: string, length: number, address: string): Uint8Array {
  const bytes = tryDecodeBase58(text);
  if (bytes === undefined) {
    throw new ClientError('bad_address', `the ${part} "${text}" of address "${address}" is not base58`, {
      details: { address, part },
    });
  }
  if (bytes.length !== length) {
    throw new ClientError(
      'bad_address',
      `the ${part} of address "${address}" decodes to ${bytes.length} bytes, expected ${length}`,
      { details: { address, part, length: bytes.length } },
    );
  }
  return bytes;
}

/** Parses `<identity>.<encryption>@<gateway>` (each part bs58), with an error naming what is wrong. */
export function parseRecipient(text: string): Recipient {
  if (typeof text !== 'string') throw new ClientError('bad_address', 'an address must be a string');
  const at = text.split('@');
  if (at.length !== 2) {
    throw new ClientError(
      'bad_address',
      `"${text}" is not a Nym address: expected <identity>.<encryption>@<gateway> with exactly one "@"`,
      { details: { address: text } },
    );
  }
  const [client = '', gateway = ''] = at;
  const dot = client.split('.');
  if (dot.length !== 2) {
    throw new ClientError(
      'bad_address',
      `"${text}" is not a Nym address: the part before "@" must be <identity>.<encryption>`,
      { details: { address: text } },
    );
  }
  const [identity = '', encryption = ''] = dot;
  return checkRecipient({
    identity: decodePart(identity, 'identity key', ED25519_KEY_SIZE, text),
    encryption: decodePart(encryption, 'encryption key', X25519_KEY_SIZE, text),
    gateway: decodePart(gateway, 'gateway identity key', ED25519_KEY_SIZE, text),
  });
}

/** Accepts either form, so APIs can take a string or a parsed address. */
export function toRecipient(value: Recipient | string): Recipient {
  return typeof value === 'string' ? parseRecipient(value) : checkRecipient(value);
}
