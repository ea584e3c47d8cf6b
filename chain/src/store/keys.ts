/**
 * In-memory overlays index keys by a latin1 string of their bytes: one UTF-16 code unit per
 * byte, so JavaScript's string order is exactly unsigned byte order and Map lookups are cheap.
 */
export function keyToString(key: Uint8Array): string {
  // fromCharCode is the faster path for the short keys stores use; long keys go through Buffer
  // (apply's argument count is bounded).
  if (key.length <= 1024) return String.fromCharCode.apply(null, key as unknown as number[]);
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('latin1');
}

export function stringToKey(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

export function assertValidKey(key: Uint8Array): void {
  if (key.length === 0) throw new RangeError('store keys must not be empty');
}

/** Index of the first element >= target in an ascending array of key strings. */
export function lowerBound(sorted: readonly string[], target: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
