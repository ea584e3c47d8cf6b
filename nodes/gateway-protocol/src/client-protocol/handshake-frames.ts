import {
  type JsonObject,
  readByteArray,
  readOptionalUint,
  readString,
  toByteArray,
  U8_MAX,
} from './json-fields';

// Nym's `RegistrationHandshake` JSON frames: the same two shapes travel in both directions.

export type HandshakeFrame =
  | { kind: 'handshake-payload'; protocolVersion: number | undefined; data: Uint8Array }
  | { kind: 'handshake-error'; message: string };

export function serializeHandshakeFrame(frame: HandshakeFrame): string {
  return frame.kind === 'handshake-payload'
    ? JSON.stringify({
        type: 'handshakePayload',
        protocol_version: frame.protocolVersion ?? null,
        data: toByteArray(frame.data),
      })
    : JSON.stringify({ type: 'handshakeError', message: frame.message });
}

/** Reads the fields of a frame whose `type` is `handshakePayload` (or its alias) or `handshakeError`. */
export function readHandshakeFrame(object: JsonObject, type: string): HandshakeFrame {
  return type === 'handshakeError'
    ? { kind: 'handshake-error', message: readString(object, 'message', type) }
    : {
        kind: 'handshake-payload',
        protocolVersion: readOptionalUint(object, 'protocol_version', type, U8_MAX),
        data: readByteArray(object, 'data', type),
      };
}
