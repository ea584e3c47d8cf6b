import { createCipheriv } from 'node:crypto';
import { gcmsiv } from '@noble/ciphers/aes';
import { polyval } from '@noble/ciphers/_polyval';
import { bytesEqual } from './bytes';

// AES-256-GCM-SIV (RFC 8452). Node has no GCM-SIV, so `sealAesGcmSiv` / `openAesGcmSiv` build it
// from node:crypto AES (key derivation, tag encryption and the CTR keystream, all as AES-ECB over
// prepared blocks) and noble's POLYVAL; that is ~3× faster than noble's all-JS `gcmsiv`, which
// stays as the reference the tests cross-check against. Every client packet passes through here.

export const AES_256_GCM_SIV_KEY_LENGTH = 32;
export const AES_GCM_SIV_NONCE_LENGTH = 12;
export const AES_GCM_SIV_TAG_LENGTH = 16;
const BLOCK = 16;

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

/** AES-ECB of whole blocks with node:crypto (no padding). */
function aesEcb(key: Uint8Array, blocks: Uint8Array): Buffer {
  const cipher = createCipheriv(`aes-${key.length * 8}-ecb`, key, null);
  cipher.setAutoPadding(false);
  return cipher.update(blocks);
}

/** §4: per-nonce keys, the first 8 bytes of AES(K, LE32(i) ‖ nonce) for i = 0..5. */
function deriveKeys(key: Uint8Array, nonce: Uint8Array): { authKey: Uint8Array; encKey: Uint8Array } {
  const blocks = new Uint8Array(6 * BLOCK);
  for (let index = 0; index < 6; index += 1) {
    blocks[index * BLOCK] = index;
    blocks.set(nonce, index * BLOCK + 4);
  }
  const out = aesEcb(key, blocks);
  const half = (index: number) => out.subarray(index * BLOCK, index * BLOCK + 8);
  return {
    authKey: Buffer.concat([half(0), half(1)]),
    encKey: Buffer.concat([half(2), half(3), half(4), half(5)]),
  };
}

const padded = (bytes: Uint8Array) => Math.ceil(bytes.length / BLOCK) * BLOCK;

/** §4: tag = AES(encKey, POLYVAL(authKey, pad(aad) ‖ pad(pt) ‖ bitlengths) ⊕ nonce, top bit cleared). */
function computeTag(
  keys: ReturnType<typeof deriveKeys>,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad: Uint8Array,
) {
  const input = new Uint8Array(padded(aad) + padded(plaintext) + BLOCK);
  input.set(aad, 0);
  input.set(plaintext, padded(aad));
  const lengths = new DataView(input.buffer, input.length - BLOCK);
  lengths.setBigUint64(0, BigInt(aad.length) * 8n, true);
  lengths.setBigUint64(8, BigInt(plaintext.length) * 8n, true);
  const s = polyval(input, keys.authKey);
  for (let index = 0; index < AES_GCM_SIV_NONCE_LENGTH; index += 1) s[index] ^= nonce[index];
  s[15] &= 0x7f;
  return new Uint8Array(aesEcb(keys.encKey, s));
}

/** CTR with the tag (top bit set) as first counter block; the 32-bit LE counter wraps. */
function applyKeystream(encKey: Uint8Array, tag: Uint8Array, data: Uint8Array): Uint8Array {
  const blockCount = Math.ceil(data.length / BLOCK);
  const counters = new Uint8Array(blockCount * BLOCK);
  const first = new DataView(tag.buffer, tag.byteOffset, BLOCK).getUint32(0, true);
  for (let index = 0; index < blockCount; index += 1) {
    counters.set(tag, index * BLOCK);
    counters[index * BLOCK + 15] |= 0x80;
    new DataView(counters.buffer, index * BLOCK, 4).setUint32(0, (first + index) >>> 0, true);
  }
  const keystream = aesEcb(encKey, counters);
  const out = new Uint8Array(data.length);
  for (let index = 0; index < data.length; index += 1) out[index] = data[index] ^ keystream[index];
  return out;
}

/** Returns ciphertext ‖ 16-byte tag, the layout of the Rust `aead` crate Nym uses. */
export function sealAesGcmSiv(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad: Uint8Array = new Uint8Array(0),
): Uint8Array {
  checkSizes(key, nonce);
  const keys = deriveKeys(key, nonce);
  const tag = computeTag(keys, nonce, plaintext, aad);
  const sealed = new Uint8Array(plaintext.length + AES_GCM_SIV_TAG_LENGTH);
  sealed.set(applyKeystream(keys.encKey, tag, plaintext));
  sealed.set(tag, plaintext.length);
  return sealed;
}

/** Opens ciphertext ‖ tag; a wrong key, nonce, tag or truncation is a `failed` result, never a throw. */
export function openAesGcmSiv(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad: Uint8Array = new Uint8Array(0),
): AeadOpenResult {
  checkSizes(key, nonce);
  if (sealed.length < AES_GCM_SIV_TAG_LENGTH) {
    return { kind: 'failed', reason: `ciphertext of ${sealed.length} bytes is shorter than the tag` };
  }
  const keys = deriveKeys(key, nonce);
  const tag = sealed.subarray(sealed.length - AES_GCM_SIV_TAG_LENGTH);
  const plaintext = applyKeystream(
    keys.encKey,
    tag,
    sealed.subarray(0, sealed.length - AES_GCM_SIV_TAG_LENGTH),
  );
  if (!bytesEqual(computeTag(keys, nonce, plaintext, aad), tag)) {
    return { kind: 'failed', reason: 'authentication tag mismatch' };
  }
  return { kind: 'ok', plaintext };
}

/** noble's all-JS AES-256-GCM-SIV: the independent reference for cross-tests and the benchmark. */
export const referenceAesGcmSiv = {
  seal: (key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array) =>
    gcmsiv(key, nonce, aad).encrypt(plaintext),
  open: (key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad?: Uint8Array) =>
    gcmsiv(key, nonce, aad).decrypt(sealed),
};
