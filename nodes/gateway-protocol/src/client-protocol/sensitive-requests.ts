import { type RandomBytes } from '../crypto/random';
import { ProtocolError } from './errors';
import {
  parseJsonObject,
  readBoolean,
  readByteArray,
  readString,
  toByteArray,
  type JsonObject,
} from './json-fields';
import { type SharedKey } from './shared-key';

// Requests a client sends inside `encryptedRequest` and their answers inside `encryptedResponse`:
// JSON in serde's externally tagged form (`{"ForgetMe":{...}}`), sealed with the shared key.

export type SensitiveRequest =
  | { kind: 'forget-me'; client: boolean; stats: boolean }
  | { kind: 'remember-me'; sessionType: string }
  | { kind: 'upgrade-key'; hkdfSalt: Uint8Array; derivedKeyDigest: Uint8Array };

export type SensitiveResponse =
  { kind: 'forget-me-ack' } | { kind: 'remember-me-ack' } | { kind: 'key-upgrade-ack' };

function variant(object: JsonObject, frame: string): [string, JsonObject] {
  const entries = Object.entries(object);
  const [name, body] = entries[0] ?? [];
  if (entries.length !== 1 || typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProtocolError(
      'malformed-message',
      `${frame} must be a single externally tagged variant`,
      'reject',
    );
  }
  return [name as string, body as JsonObject];
}

export function openSensitiveRequest(
  ciphertext: Uint8Array,
  nonce: Uint8Array,
  key: SharedKey,
): SensitiveRequest {
  const text = Buffer.from(key.decrypt(ciphertext, nonce)).toString('utf8');
  const [name, body] = variant(parseJsonObject(text, 'encrypted request'), 'encrypted request');
  switch (name) {
    case 'ForgetMe':
      return {
        kind: 'forget-me',
        client: readBoolean(body, 'client', name),
        stats: readBoolean(body, 'stats', name),
      };
    case 'RememberMe':
      return { kind: 'remember-me', sessionType: readString(body, 'session_type', name) };
    case 'UpgradeKey':
      return {
        kind: 'upgrade-key',
        hkdfSalt: readByteArray(body, 'hkdf_salt', name),
        derivedKeyDigest: readByteArray(body, 'derived_key_digest', name),
      };
    default:
      throw new ProtocolError(
        'unsupported-request',
        `unknown encrypted request ${JSON.stringify(name)}`,
        'reject',
      );
  }
}

function responseJson(response: SensitiveResponse): string {
  switch (response.kind) {
    case 'forget-me-ack':
      return JSON.stringify({ ForgetMeAck: {} });
    case 'remember-me-ack':
      return JSON.stringify({ RememberMeAck: {} });
    case 'key-upgrade-ack':
      return JSON.stringify({ KeyUpgradeAck: {} });
  }
}

function requestJson(request: SensitiveRequest): string {
  switch (request.kind) {
    case 'forget-me':
      return JSON.stringify({ ForgetMe: { client: request.client, stats: request.stats } });
    case 'remember-me':
      return JSON.stringify({ RememberMe: { session_type: request.sessionType } });
    case 'upgrade-key':
      return JSON.stringify({
        UpgradeKey: {
          hkdf_salt: toByteArray(request.hkdfSalt),
          derived_key_digest: toByteArray(request.derivedKeyDigest),
        },
      });
  }
}

function seal(
  json: string,
  key: SharedKey,
  random: RandomBytes,
): { ciphertext: Uint8Array; nonce: Uint8Array } {
  const nonce = key.randomNonce(random);
  return { ciphertext: key.encrypt(Buffer.from(json, 'utf8'), nonce), nonce };
}

export function sealSensitiveResponse(response: SensitiveResponse, key: SharedKey, random: RandomBytes) {
  return seal(responseJson(response), key, random);
}

export function sealSensitiveRequest(request: SensitiveRequest, key: SharedKey, random: RandomBytes) {
  return seal(requestJson(request), key, random);
}

export function openSensitiveResponse(
  ciphertext: Uint8Array,
  nonce: Uint8Array,
  key: SharedKey,
): SensitiveResponse {
  const text = Buffer.from(key.decrypt(ciphertext, nonce)).toString('utf8');
  const [name] = variant(parseJsonObject(text, 'encrypted response'), 'encrypted response');
  switch (name) {
    case 'ForgetMeAck':
      return { kind: 'forget-me-ack' };
    case 'RememberMeAck':
      return { kind: 'remember-me-ack' };
    case 'KeyUpgradeAck':
      return { kind: 'key-upgrade-ack' };
    default:
      throw new ProtocolError(
        'malformed-message',
        `unknown encrypted response ${JSON.stringify(name)}`,
        'drop',
      );
  }
}
