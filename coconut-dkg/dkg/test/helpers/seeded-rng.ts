import { chacha20orig } from '@noble/ciphers/chacha';
import { sha256 } from '@noble/hashes/sha2';
import { type RandomBytes } from '@nymts/bls12-381';

/**
 * A deterministic byte stream (ChaCha20 keyed by SHA-256 of the seed) for known-answer vectors
 * and reproducible tests only. Never for keys anyone uses.
 */
export function seededRng(seed: string): RandomBytes {
  const key = sha256(new TextEncoder().encode(seed));
  let position = 0;
  return (length) => {
    const firstBlock = Math.floor(position / 64);
    const skip = position - firstBlock * 64;
    const stream = chacha20orig(key, new Uint8Array(8), new Uint8Array(skip + length), undefined, firstBlock);
    position += length;
    return stream.subarray(skip);
  };
}
