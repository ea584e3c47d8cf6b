import { base58 } from '@scure/base';
import { NodeError } from '../errors';

/** Keys as Nym prints and publishes them: base58 of the raw 32 bytes. */
export function encodeKey(bytes: Uint8Array): string {
  return base58.encode(bytes);
}

export function decodeKey(text: string, expectedLength = 32): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(text);
  } catch (error) {
    throw new NodeError('invalid_key_encoding', `"${text}" is not base58`, {
      action: 'reject',
      details: { text },
      cause: error,
    });
  }
  if (bytes.length !== expectedLength) {
    throw new NodeError(
      'invalid_key_encoding',
      `a key is ${expectedLength} bytes, "${text}" decodes to ${bytes.length}`,
      {
        action: 'reject',
        details: { text, length: bytes.length },
      },
    );
  }
  return bytes;
}
