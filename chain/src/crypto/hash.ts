import { createHash, hash } from 'node:crypto';

/** Inputs up to this size are joined and hashed in one call (cheaper than a Hash object). */
const ONE_SHOT_LIMIT = 4096;

export function sha256(...parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return oneShot(parts[0] as Uint8Array);
  let length = 0;
  for (const part of parts) length += part.length;
  if (length <= ONE_SHOT_LIMIT) return oneShot(Buffer.concat(parts, length));
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part);
  return new Uint8Array(digest.digest());
}

function oneShot(data: Uint8Array): Uint8Array {
  return new Uint8Array(hash('sha256', data, 'buffer'));
}

export function ripemd160(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('ripemd160').update(data).digest());
}
