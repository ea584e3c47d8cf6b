import { X25519_KEY_SIZE } from '../constants';
import { ClientError } from '../errors';
import type { ClientCrypto } from './primitives';

// Client-to-client encryption of plain and repliable packets (nym-crypto `shared_key.rs`,
// nym-sphinx-params `PacketHkdfAlgorithm = blake3`, `PacketEncryptionAlgorithm = Aes128Ctr`):
// a fresh x25519 key per packet, DH with the recipient's encryption key, HKDF-BLAKE3 to 16 bytes,
// AES-128-CTR from a zero IV. The ephemeral public key travels in front of the ciphertext.

const AES_KEY_SIZE = 16;
const ZERO_IV = new Uint8Array(16);

export interface SealedPacket {
  ephemeralPublicKey: Uint8Array;
  ciphertext: Uint8Array;
}

function packetKey(crypto: ClientCrypto, privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  let shared: Uint8Array;
  try {
    shared = crypto.x25519(privateKey, publicKey);
  } catch (error) {
    throw new ClientError('bad_key', 'x25519 with this key gives no shared secret (small-order key)', {
      action: 'drop',
      cause: error,
    });
  }
  return crypto.hkdfBlake3(shared, AES_KEY_SIZE);
}

export function sealForRecipient(
  crypto: ClientCrypto,
  recipientEncryptionKey: Uint8Array,
  plaintext: Uint8Array,
  randomBytes: (length: number) => Uint8Array,
): SealedPacket {
  const ephemeralPrivate = randomBytes(X25519_KEY_SIZE);
  const key = packetKey(crypto, ephemeralPrivate, recipientEncryptionKey);
  return {
    ephemeralPublicKey: crypto.x25519Base(ephemeralPrivate),
    ciphertext: crypto.aes128Ctr(key, ZERO_IV, plaintext),
  };
}

export function openFromSender(
  crypto: ClientCrypto,
  ownEncryptionPrivateKey: Uint8Array,
  ephemeralPublicKey: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array {
  const key = packetKey(crypto, ownEncryptionPrivateKey, ephemeralPublicKey);
  return crypto.aes128Ctr(key, ZERO_IV, ciphertext);
}

/** Replies are encrypted with the SURB's reply key, also from a zero IV. */
export function replyCipher(crypto: ClientCrypto, replyKey: Uint8Array, data: Uint8Array): Uint8Array {
  return crypto.aes128Ctr(replyKey, ZERO_IV, data);
}

/** How a reply names its key: BLAKE3 of the reply key (`ReplySurbKeyDigestAlgorithm`). */
export function replyKeyDigest(crypto: ClientCrypto, replyKey: Uint8Array): Uint8Array {
  return crypto.blake3(replyKey);
}
