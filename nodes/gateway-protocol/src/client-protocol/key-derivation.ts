import { AES_256_GCM_SIV_KEY_LENGTH } from '../crypto/aes-gcm-siv';
import { hkdfBlake3 } from '../crypto/blake3';
import { x25519DiffieHellman } from '../crypto/keys';
import { ProtocolError } from './errors';
import { SharedKey } from './shared-key';

/**
 * The gateway shared key (protocol ≥ 3): HKDF-BLAKE3 with the client's 16-byte salt, the X25519
 * secret as IKM and no info, expanded to one 32-byte AES-256-GCM-SIV key.
 */
export function deriveSharedKey(
  localEphemeralSecret: Uint8Array,
  remoteEphemeralPublic: Uint8Array,
  salt: Uint8Array,
): SharedKey {
  const dh = x25519DiffieHellman(localEphemeralSecret, remoteEphemeralPublic);
  if (dh.kind !== 'ok') {
    throw new ProtocolError('invalid-key', 'ephemeral x25519 key is of low order', 'drop');
  }
  return SharedKey.fromBytes(hkdfBlake3({ ikm: dh.sharedSecret, salt, length: AES_256_GCM_SIV_KEY_LENGTH }));
}
