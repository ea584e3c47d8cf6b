import { type Bls12381, type G1 } from '@nymts/bls12-381';
import { CHUNK_SIZE } from './constants';

/** Baby steps m·g1 for m < 2^12; sixteen giant steps of 2^12·g1 cover [0, 2^16). */
const BABY_STEPS = 1 << 12;
const GIANT_STEPS = CHUNK_SIZE / BABY_STEPS;

interface Table {
  readonly baby: ReadonlyMap<string, number>;
  readonly giant: G1;
}

const cache = new WeakMap<Bls12381, Table>();

function key(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function table(bls: Bls12381): Table {
  const cached = cache.get(bls);
  if (cached) return cached;
  const baby = new Map<string, number>();
  let point = bls.G1.zero;
  for (let m = 0; m < BABY_STEPS; m++) {
    baby.set(key(bls.G1.toBytes(point)), m);
    point = bls.G1.add(point, bls.G1.generator);
  }
  const built = { baby, giant: point };
  cache.set(bls, built);
  return built;
}

/**
 * m with m·g1 = point and 0 ≤ m < 2^16, or undefined: baby-step giant-step in G1. The table
 * sizes balance one table per process against the encodings each lookup costs (the encodings
 * dominate: a node decrypting 800 chunks does about 10 000 of them in all).
 */
export function chunkDiscreteLog(bls: Bls12381, point: G1): number | undefined {
  const { baby, giant } = table(bls);
  let candidate = point;
  for (let step = 0; step < GIANT_STEPS; step++) {
    const found = baby.get(key(bls.G1.toBytes(candidate)));
    if (found !== undefined) return step * BABY_STEPS + found;
    candidate = bls.G1.sub(candidate, giant);
  }
  return undefined;
}
