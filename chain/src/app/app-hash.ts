import { createHash } from 'node:crypto';
import type { StoreChange } from '../store/cache';

/**
 * The app hash commits to the whole state history: sha256(previous app hash ‖ digest of the
 * block's sorted change set). It is cheap (no Merkle tree to maintain), deterministic, and any
 * difference in any write of any block changes every later hash. A block that changes nothing
 * keeps the previous hash, as an IAVL root would. It does not support Merkle proofs; cosmjs never
 * asks for them.
 */
export function nextAppHash(previous: Uint8Array, changes: readonly StoreChange[]): Uint8Array {
  if (changes.length === 0 && previous.length > 0) return previous;
  const digest = createHash('sha256');
  for (const change of changes) {
    digest.update(lengthPrefix(change.key.length));
    digest.update(change.key);
    if (change.value === undefined) {
      digest.update(Uint8Array.of(0));
    } else {
      digest.update(Uint8Array.of(1));
      digest.update(lengthPrefix(change.value.length));
      digest.update(change.value);
    }
  }
  return new Uint8Array(createHash('sha256').update(previous).update(digest.digest()).digest());
}

function lengthPrefix(length: number): Uint8Array {
  const bytes: number[] = [];
  let rest = length;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}
