import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Randomness as the node sees it; injected so tests can make it repeatable. */
export interface Rng {
  randomBytes(length: number): Uint8Array;
  /** A uniform integer in [0, maxExclusive). */
  randomInt(maxExclusive: number): number;
  /** A uniform float in [0, 1) with 53 random bits. */
  random(): number;
}

function floatFrom(bytes: Uint8Array): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, 7);
  // 53 bits: the high 21 bits of the first 3 bytes' 24, then 32 more.
  return ((view.readUIntBE(0, 3) >>> 3) * 2 ** 32 + view.readUInt32BE(3)) / 2 ** 53;
}

export const cryptoRng: Rng = {
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
  randomInt: (maxExclusive) => randomInt(maxExclusive),
  random: () => floatFrom(randomBytes(7)),
};

/**
 * A repeatable stream (SHA-256 of seed ‖ counter) for tests and simulations. Never for keys:
 * anyone who knows the seed knows every byte.
 */
export function createSeededRng(seed: string | Uint8Array): Rng {
  let counter = 0;
  let pool = Buffer.alloc(0);
  const take = (length: number): Uint8Array => {
    while (pool.length < length) {
      const block = createHash('sha256').update(seed).update(String(counter++)).digest();
      pool = Buffer.concat([pool, block]);
    }
    const out = new Uint8Array(pool.subarray(0, length));
    pool = pool.subarray(length);
    return out;
  };
  return {
    randomBytes: take,
    randomInt(maxExclusive) {
      if (!Number.isSafeInteger(maxExclusive) || maxExclusive <= 0) {
        throw new RangeError(`randomInt bound ${maxExclusive} must be a positive safe integer`);
      }
      return Math.floor(floatFrom(take(7)) * maxExclusive);
    },
    random: () => floatFrom(take(7)),
  };
}
