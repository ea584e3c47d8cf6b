import { ProtocolError } from './errors';
import { type HandshakeFrame, readHandshakeFrame, serializeHandshakeFrame } from './handshake-frames';
import {
  parseJsonObject,
  readBoolean,
  readByteArray,
  readString,
  readUint,
  toByteArray,
  U8_MAX,
} from './json-fields';

/** Text frames a gateway sends (Nym's `ServerResponse` plus the handshake wrapper). */
export type ServerResponse =
  | { kind: 'supported-protocol'; version: number }
  | HandshakeFrame
  | { kind: 'register'; protocolVersion: number; status: boolean }
  | { kind: 'authenticate'; protocolVersion: number; status: boolean; bandwidthRemaining: number }
  | { kind: 'encrypted-response'; ciphertext: Uint8Array; nonce: Uint8Array }
  | { kind: 'bandwidth'; availableTotal: number }
  | { kind: 'error'; message: string };

export function serializeServerResponse(response: ServerResponse): string {
  switch (response.kind) {
    case 'supported-protocol':
      return JSON.stringify({ type: 'supportedProtocol', version: response.version });
    case 'handshake-payload':
    case 'handshake-error':
      return serializeHandshakeFrame(response);
    case 'register':
      return JSON.stringify({
        type: 'register',
        protocol_version: response.protocolVersion,
        status: response.status,
      });
    case 'authenticate':
      return JSON.stringify({
        type: 'authenticate',
        protocol_version: response.protocolVersion,
        status: response.status,
        bandwidth_remaining: response.bandwidthRemaining,
      });
    case 'encrypted-response':
      return JSON.stringify({
        type: 'encryptedResponse',
        ciphertext: toByteArray(response.ciphertext),
        nonce: toByteArray(response.nonce),
      });
    case 'bandwidth':
      return JSON.stringify({ type: 'bandwidth', available_total: response.availableTotal });
    case 'error':
      return JSON.stringify({ type: 'error', message: response.message });
  }
}

function readI64(object: Record<string, unknown>, field: string, frame: string): number {
  const value = object[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ProtocolError('malformed-message', `${frame}: field "${field}" must be an integer`, 'drop');
  }
  return value;
}

export function parseServerResponse(text: string): ServerResponse {
  const object = parseJsonObject(text, 'gateway response');
  const type = object.type;
  switch (type) {
    case 'supportedProtocol':
      return { kind: 'supported-protocol', version: readUint(object, 'version', type, U8_MAX) };
    case 'handshakePayload':
    case 'handshakeError':
      return readHandshakeFrame(object, type);
    case 'register':
      return {
        kind: 'register',
        protocolVersion: readUint(object, 'protocol_version', type, U8_MAX),
        status: readBoolean(object, 'status', type),
      };
    case 'authenticate':
      return {
        kind: 'authenticate',
        protocolVersion: readUint(object, 'protocol_version', type, U8_MAX),
        status: readBoolean(object, 'status', type),
        bandwidthRemaining: readI64(object, 'bandwidth_remaining', type),
      };
    case 'encryptedResponse':
      return {
        kind: 'encrypted-response',
        ciphertext: readByteArray(object, 'ciphertext', type),
        nonce: readByteArray(object, 'nonce', type),
      };
    case 'bandwidth':
      return { kind: 'bandwidth', availableTotal: readI64(object, 'available_total', type) };
    case 'error':
      return { kind: 'error', message: readString(object, 'message', type) };
    default:
      throw new ProtocolError(
        'malformed-message',
        `unknown gateway response type ${JSON.stringify(type)}`,
        'drop',
      );
  }
}
