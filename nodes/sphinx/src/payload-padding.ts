import { PAYLOAD_OVERHEAD_SIZE, SECURITY_PARAMETER } from './constants';
import { SphinxError } from './errors';

/** Sphinx plaintext payload: 16 zero bytes ‖ message ‖ 0x01 ‖ zeros up to `payloadSize`. */
export function padMessage(message: Uint8Array, payloadSize: number): Uint8Array {
  const capacity = payloadSize - PAYLOAD_OVERHEAD_SIZE;
  if (message.length > capacity) {
    throw new SphinxError(
      'message_too_long',
      `the message is ${message.length} bytes; this packet size holds ${capacity}`,
      {
        length: message.length,
        capacity,
      },
    );
  }
  const payload = new Uint8Array(payloadSize);
  payload.set(message, SECURITY_PARAMETER);
  payload[SECURITY_PARAMETER + message.length] = 1;
  return payload;
}

/**
 * The inverse, as sphinx-packet's `recover_plaintext`: the 16 leading bytes must be zero, and the
 * message ends before the last 0x01 byte.
 */
export function unpadPayload(payload: Uint8Array): Uint8Array {
  if (payload.length < PAYLOAD_OVERHEAD_SIZE)
    throw new SphinxError('bad_payload', 'the payload is too short');
  for (let i = 0; i < SECURITY_PARAMETER; i++) {
    if (payload[i] !== 0) {
      throw new SphinxError(
        'bad_payload',
        'the decrypted payload lacks its 16 leading zero bytes (wrong keys?)',
      );
    }
  }
  const end = payload.lastIndexOf(1);
  if (end < SECURITY_PARAMETER)
    throw new SphinxError('bad_payload', 'the decrypted payload has no end marker');
  return payload.slice(SECURITY_PARAMETER, end);
}
