import {
  AES_256_GCM_SIV_KEY_LENGTH,
  AES_GCM_SIV_NONCE_LENGTH,
  openAesGcmSiv,
  sealAesGcmSiv,
} from '../crypto/aes-gcm-siv';
import { decodeBase58, encodeBase58 } from '../crypto/base58';
import { blake3Digest } from '../crypto/blake3';
import { type RandomBytes } from '../crypto/random';
import { ProtocolError } from './errors';

/** The AES-256-GCM-SIV key a client and its gateway share after registration. */
export class SharedKey {
  private constructor(private readonly key: Uint8Array) {}

  static fromBytes(bytes: Uint8Array): SharedKey {
    if (bytes.length !== AES_256_GCM_SIV_KEY_LENGTH) {
      throw new RangeError(`shared key must be ${AES_256_GCM_SIV_KEY_LENGTH} bytes, got ${bytes.length}`);
    }
    return new SharedKey(Uint8Array.from(bytes));
  }

  static fromBase58(text: string): SharedKey {
    return SharedKey.fromBytes(decodeBase58(text));
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.key);
  }

  toBase58(): string {
    return encodeBase58(this.key);
  }

  /** BLAKE3 of the key: lets a peer prove it holds the same key without revealing it. */
  digest(): Uint8Array {
    return blake3Digest(this.key);
  }

  randomNonce(random: RandomBytes): Uint8Array {
    return random(AES_GCM_SIV_NONCE_LENGTH);
  }

  encrypt(plaintext: Uint8Array, nonce: Uint8Array): Uint8Array {
    return sealAesGcmSiv(this.key, nonce, plaintext);
  }

  /** Throws a `decryption-failed` ProtocolError (disposition `reject`) on any bad input. */
  decrypt(ciphertext: Uint8Array, nonce: Uint8Array): Uint8Array {
    if (nonce.length !== AES_GCM_SIV_NONCE_LENGTH) {
      throw new ProtocolError(
        'decryption-failed',
        `nonce must be ${AES_GCM_SIV_NONCE_LENGTH} bytes, got ${nonce.length}`,
        'reject',
      );
    }
    const opened = openAesGcmSiv(this.key, nonce, ciphertext);
    if (opened.kind === 'failed') {
      throw new ProtocolError('decryption-failed', `AES-256-GCM-SIV open failed: ${opened.reason}`, 'reject');
    }
    return opened.plaintext;
  }
}
