import { ProtocolError } from './errors';
import {
  parseJsonObject,
  readBoolean,
  readByteArray,
  readOptionalUint,
  readString,
  readUint,
  toByteArray,
} from './json-fields';

/** Text frames a gateway sends (Nym's `ServerResponse` plus the handshake wrapper). */
export type ServerResponse =
  | { kind: 'supported-protocol'; version: number }
  | { kind: 'handshake-payload'; protocolVersion: number | undefined; data: Uint8Array }
  | { kind: 'handshake-error'; message: string }
  | { kind: 'register'; protocolVersion: number; status: boolean }
  | { kind: 'authenticate'; protocolVersion: number; status: boolean; bandwidthRemaining: number }
  | { kind: 'encrypted-response'; ciphertext: Uint8Array; nonce: Uint8Array }
  | { kind: 'bandwidth'; availableTotal: number }
  | { kind: 'error'; message: string };

const MAX_U8 = 255;

export function serializeServerResponse(response: ServerResponse): string {
  switch (response.kind) {
    case 'supported-protocol':
      return JSON.stringify({ type: 'supportedProtocol', version: response.version });
    case 'handshake-payload':
      return JSON.stringify({
        type: 'handshakePayload',
        protocol_version: response.protocolVersion ?? null,
        data: toByteArray(response.data),
      });
    case 'handshake-error':
      return JSON.stringify({ type: 'handshakeError', message: response.message });
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
      return { kind: 'supported-protocol', version: readUint(object, 'version', type, MAX_U8) };
    case 'handshakePayload':
      return {
        kind: 'handshake-payload',
        protocolVersion: readOptionalUint(object, 'protocol_version', type, MAX_U8),
        data: readByteArray(object, 'data', type),
      };
    case 'handshakeError':
      return { kind: 'handshake-error', message: readString(object, 'message', type) };
    case 'register':
      return {
        kind: 'register',
        protocolVersion: readUint(object, 'protocol_version', type, MAX_U8),
        status: readBoolean(object, 'status', type),
      };
    case 'authenticate':
      return {
        kind: 'authenticate',
        protocolVersion: readUint(object, 'protocol_version', type, MAX_U8),
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
