import { ProtocolError } from './errors';
import { type HandshakeFrame, readHandshakeFrame, serializeHandshakeFrame } from './handshake-frames';
import {
  type JsonObject,
  parseJsonObject,
  readBase64,
  readByteArray,
  readOptionalUint,
  readString,
  readUint,
  toBase64,
  toByteArray,
  U8_MAX,
} from './json-fields';
import { PUBLIC_KEY_LENGTH, SIGNATURE_LENGTH } from '../crypto/keys';

/** The signed body of `authenticateV2` (field names camelCase on the wire). */
export interface AuthenticateV2Content {
  protocolVersion: number;
  clientIdentity: Uint8Array;
  addressCiphertext: Uint8Array;
  nonce: Uint8Array;
  requestUnixTimestamp: bigint;
}

/** Text frames a client sends (Nym's `ClientControlRequest` plus the handshake wrapper). */
export type ClientRequest =
  | { kind: 'supported-protocol' }
  | HandshakeFrame
  | { kind: 'authenticate-v2'; content: AuthenticateV2Content; signature: Uint8Array }
  | { kind: 'legacy-authenticate'; protocolVersion: number | undefined; address: string }
  | { kind: 'ecash-credential'; encryptedCredential: Uint8Array; nonce: Uint8Array }
  | { kind: 'claim-free-testnet-bandwidth' }
  | { kind: 'encrypted-request'; ciphertext: Uint8Array; nonce: Uint8Array }
  | { kind: 'legacy-bandwidth-credential'; type: string };

// In `authenticateV2` the identity key and signature are JSON arrays of bytes (serde's default for
// the dalek types), while the ciphertext and nonce are base64 strings.
function readFixedBytes(object: JsonObject, field: string, frame: string, length: number): Uint8Array {
  const bytes = readByteArray(object, field, frame);
  if (bytes.length !== length) {
    throw new ProtocolError(
      'malformed-message',
      `${frame}: field "${field}" must hold ${length} bytes, got ${bytes.length}`,
      'reject',
    );
  }
  return bytes;
}

function readTimestamp(object: JsonObject, frame: string): bigint {
  const value = object.requestUnixTimestamp;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ProtocolError(
      'malformed-message',
      `${frame}: field "requestUnixTimestamp" must be a non-negative integer`,
      'reject',
    );
  }
  return BigInt(value);
}

function parseAuthenticateV2(object: JsonObject): ClientRequest {
  const frame = 'authenticateV2';
  return {
    kind: 'authenticate-v2',
    content: {
      protocolVersion: readUint(object, 'protocolVersion', frame, U8_MAX),
      clientIdentity: readFixedBytes(object, 'clientIdentity', frame, PUBLIC_KEY_LENGTH),
      addressCiphertext: readBase64(object, 'addressCiphertext', frame),
      nonce: readBase64(object, 'nonce', frame),
      requestUnixTimestamp: readTimestamp(object, frame),
    },
    signature: readFixedBytes(object, 'requestSignature', frame, SIGNATURE_LENGTH),
  };
}

export function parseClientRequest(text: string): ClientRequest {
  const object = parseJsonObject(text, 'client request');
  const type = object.type;
  switch (type) {
    case 'supportedProtocol':
      return { kind: 'supported-protocol' };
    case 'handshakePayload':
    case 'registerHandshakeInitRequest':
    case 'handshakeError':
      return readHandshakeFrame(object, type);
    case 'authenticateV2':
      return parseAuthenticateV2(object);
    case 'authenticate':
      return {
        kind: 'legacy-authenticate',
        protocolVersion: readOptionalUint(object, 'protocol_version', type, U8_MAX),
        address: readString(object, 'address', type),
      };
    case 'ecashCredential':
      return {
        kind: 'ecash-credential',
        encryptedCredential: readByteArray(object, 'enc_credential', type),
        nonce: readByteArray(object, 'iv', type),
      };
    case 'claimFreeTestnetBandwidth':
      return { kind: 'claim-free-testnet-bandwidth' };
    case 'encryptedRequest':
      return {
        kind: 'encrypted-request',
        ciphertext: readByteArray(object, 'ciphertext', type),
        nonce: readByteArray(object, 'nonce', type),
      };
    case 'bandwidthCredential':
    case 'bandwidthCredentialV2':
      return { kind: 'legacy-bandwidth-credential', type };
    default:
      throw new ProtocolError(
        'malformed-message',
        `unknown client request type ${JSON.stringify(type)}`,
        'reject',
        {
          type,
        },
      );
  }
}

/** The JSON our own client sends; inverse of `parseClientRequest` for the kinds a client originates. */
export function serializeClientRequest(
  request: Exclude<ClientRequest, { kind: 'legacy-authenticate' | 'legacy-bandwidth-credential' }>,
): string {
  switch (request.kind) {
    case 'supported-protocol':
      return JSON.stringify({ type: 'supportedProtocol' });
    case 'handshake-payload':
    case 'handshake-error':
      return serializeHandshakeFrame(request);
    case 'authenticate-v2':
      return JSON.stringify({
        type: 'authenticateV2',
        protocolVersion: request.content.protocolVersion,
        clientIdentity: toByteArray(request.content.clientIdentity),
        addressCiphertext: toBase64(request.content.addressCiphertext),
        nonce: toBase64(request.content.nonce),
        requestUnixTimestamp: Number(request.content.requestUnixTimestamp),
        requestSignature: toByteArray(request.signature),
      });
    case 'ecash-credential':
      return JSON.stringify({
        type: 'ecashCredential',
        enc_credential: toByteArray(request.encryptedCredential),
        iv: toByteArray(request.nonce),
      });
    case 'claim-free-testnet-bandwidth':
      return JSON.stringify({ type: 'claimFreeTestnetBandwidth' });
    case 'encrypted-request':
      return JSON.stringify({
        type: 'encryptedRequest',
        ciphertext: toByteArray(request.ciphertext),
        nonce: toByteArray(request.nonce),
      });
  }
}
