import { gcmsiv } from '@noble/ciphers/aes';

export const AES_256_GCM_SIV_KEY_LENGTH = 32;
export const AES_GCM_SIV_NONCE_LENGTH = 12;
export const AES_GCM_SIV_TAG_LENGTH = 16;

export type AeadOpenResult = { kind: 'ok'; plaintext: Uint8Array } | { kind: 'failed'; reason: string };

function checkSizes(key: Uint8Array, nonce: Uint8Array): void {
  if (key.length !== AES_256_GCM_SIV_KEY_LENGTH) {
    throw new RangeError(
      `AES-256-GCM-SIV key must be ${AES_256_GCM_SIV_KEY_LENGTH} bytes, got ${key.length}`,
    );
  }
  if (nonce.length !== AES_GCM_SIV_NONCE_LENGTH) {
    throw new RangeError(`AES-GCM-SIV nonce must be ${AES_GCM_SIV_NONCE_LENGTH} bytes, got ${nonce.length}`);
  }
}

/** AES-256-GCM-SIV (RFC 8452); returns ciphertext ‖ 16-byte tag, the layout Nym's `aead` crate uses. */
export function sealAesGcmSiv(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
): Uint8Array {
  checkSizes(key, nonce);
  return gcmsiv(key, nonce, aad).encrypt(plaintext);
}

/** Opens ciphertext ‖ tag; a wrong key, nonce, tag or truncation is a `failed` result, never a throw. */
export function openAesGcmSiv(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad?: Uint8Array,
): AeadOpenResult {
  checkSizes(key, nonce);
  if (sealed.length < AES_GCM_SIV_TAG_LENGTH) {
    return { kind: 'failed', reason: `ciphertext of ${sealed.length} bytes is shorter than the tag` };
  }
  try {
    return { kind: 'ok', plaintext: gcmsiv(key, nonce, aad).decrypt(sealed) };
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
