import { AES_GCM_SIV_NONCE_LENGTH, AES_GCM_SIV_TAG_LENGTH } from '../crypto/aes-gcm-siv';
import { concatBytes } from '../crypto/bytes';
import { isValidEd25519PublicKey, PUBLIC_KEY_LENGTH, SIGNATURE_LENGTH } from '../crypto/keys';
import { ProtocolError } from './errors';

// Byte layouts of the four registration-handshake messages, as carried in the `data` array of a
// `handshakePayload` JSON frame. Only the salted (protocol ≥ 3) forms are accepted.

export const KDF_SALT_LENGTH = 16;
export const SIGNATURE_CIPHERTEXT_LENGTH = SIGNATURE_LENGTH + AES_GCM_SIV_TAG_LENGTH;
/** The unsalted 64-byte init of protocol < 3 (legacy AES-128-CTR + HMAC-BLAKE3 keys). */
export const LEGACY_INIT_LENGTH = 2 * PUBLIC_KEY_LENGTH;
export const INIT_LENGTH = LEGACY_INIT_LENGTH + KDF_SALT_LENGTH;
export const MATERIAL_LENGTH = SIGNATURE_CIPHERTEXT_LENGTH + AES_GCM_SIV_NONCE_LENGTH;
export const GATEWAY_MATERIAL_LENGTH = PUBLIC_KEY_LENGTH + MATERIAL_LENGTH;

/** Client → gateway: identity ‖ ephemeral x25519 key ‖ KDF salt. */
export interface InitMessage {
  clientIdentity: Uint8Array;
  clientEphemeral: Uint8Array;
  salt: Uint8Array;
}

/** AES-256-GCM-SIV(k, nonce, signature) ‖ nonce. */
export interface MaterialMessage {
  signatureCiphertext: Uint8Array;
  nonce: Uint8Array;
}

/** Gateway → client: its ephemeral x25519 key ‖ encrypted signature material. */
export interface GatewayMaterialMessage extends MaterialMessage {
  gatewayEphemeral: Uint8Array;
}

function malformed(what: string, got: number, expected: number): ProtocolError {
  return new ProtocolError('malformed-message', `${what} must be ${expected} bytes, got ${got}`, 'drop', {
    got,
    expected,
  });
}

export function encodeInit(message: InitMessage): Uint8Array {
  return concatBytes(message.clientIdentity, message.clientEphemeral, message.salt);
}

export function decodeInit(bytes: Uint8Array): InitMessage {
  if (bytes.length === LEGACY_INIT_LENGTH) {
    throw new ProtocolError(
      'unsupported-version',
      'legacy (unsalted, AES-128-CTR + HMAC-BLAKE3) handshake is not supported; use protocol version 3 or later',
      'drop',
    );
  }
  if (bytes.length !== INIT_LENGTH) throw malformed('handshake init', bytes.length, INIT_LENGTH);
  const clientIdentity = bytes.slice(0, PUBLIC_KEY_LENGTH);
  if (!isValidEd25519PublicKey(clientIdentity)) {
    throw new ProtocolError('invalid-key', 'client identity is not a valid ed25519 public key', 'drop');
  }
  return {
    clientIdentity,
    clientEphemeral: bytes.slice(PUBLIC_KEY_LENGTH, LEGACY_INIT_LENGTH),
    salt: bytes.slice(LEGACY_INIT_LENGTH),
  };
}

export function encodeMaterial(message: MaterialMessage): Uint8Array {
  return concatBytes(message.signatureCiphertext, message.nonce);
}

export function decodeMaterial(bytes: Uint8Array): MaterialMessage {
  if (bytes.length !== MATERIAL_LENGTH)
    throw malformed('handshake key material', bytes.length, MATERIAL_LENGTH);
  return {
    signatureCiphertext: bytes.slice(0, SIGNATURE_CIPHERTEXT_LENGTH),
    nonce: bytes.slice(SIGNATURE_CIPHERTEXT_LENGTH),
  };
}

export function encodeGatewayMaterial(message: GatewayMaterialMessage): Uint8Array {
  return concatBytes(message.gatewayEphemeral, encodeMaterial(message));
}

export function decodeGatewayMaterial(bytes: Uint8Array): GatewayMaterialMessage {
  if (bytes.length !== GATEWAY_MATERIAL_LENGTH) {
    throw malformed('gateway key material', bytes.length, GATEWAY_MATERIAL_LENGTH);
  }
  return {
    gatewayEphemeral: bytes.slice(0, PUBLIC_KEY_LENGTH),
    ...decodeMaterial(bytes.slice(PUBLIC_KEY_LENGTH)),
  };
}

export function encodeFinalization(success: boolean): Uint8Array {
  return Uint8Array.of(success ? 1 : 0);
}

export function decodeFinalization(bytes: Uint8Array): boolean {
  if (bytes.length !== 1) throw malformed('handshake finalization', bytes.length, 1);
  return bytes[0] === 1;
}
