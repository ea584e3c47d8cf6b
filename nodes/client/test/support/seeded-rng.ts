import { createHash } from 'node:crypto';
import type { Rng } from '../../src/runtime';

// Test-only: a repeatable stream (SHA-256 of seed ‖ counter). @nymts/node-common has the same
// (`createSeededRng`); use it once merged.

export function createSeededRng(seed: string): Rng {
  let counter = 0;
  let pool = Buffer.alloc(0);
  const take = (length: number): Uint8Array => {
    if (pool.length < length) {
      const blocks = [pool];
      for (let have = pool.length; have < length; have += 32) {
        blocks.push(createHash('sha256').update(seed).update(String(counter++)).digest());
      }
      pool = Buffer.concat(blocks);
    }
    const out = new Uint8Array(pool.subarray(0, length));
    pool = pool.subarray(length);
    return out;
  };
  const random = () => {
    const bytes = Buffer.from(take(8));
    return Number(bytes.readBigUInt64BE() >> 11n) / 2 ** 53;
  };
  return {
    randomBytes: take,
    randomInt: (max) => Math.floor(random() * max),
    random,
  };
}
