// A deterministic byte source for known-answer vectors and reproducible tests, never for keys
// or credentials anyone uses: block i is SHA-256("nymts-coconut-seeded-rng" ‖ seed ‖ u64le(i)).
import type { RandomBytes } from '@nymts/bls12-381';
import { concatBytes } from '@noble/curves/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';

const LABEL = new TextEncoder().encode('nymts-coconut-seeded-rng');

export function seededRng(seed: string): RandomBytes {
  const seedBytes = new TextEncoder().encode(seed);
  let counter = 0n;
  let buffer: Uint8Array = new Uint8Array(0);
  return (length) => {
    while (buffer.length < length) {
      const block = new Uint8Array(8);
      new DataView(block.buffer).setBigUint64(0, counter++, true);
      buffer = concatBytes(buffer, sha256(concatBytes(LABEL, seedBytes, block)));
    }
    const out = buffer.slice(0, length);
    buffer = buffer.slice(length);
    return out;
  };
}
