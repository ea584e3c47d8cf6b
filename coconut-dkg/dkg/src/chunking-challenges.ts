import { chacha20orig } from '@noble/ciphers/chacha';
import { sha256 } from '@noble/hashes/sha2';
import { Fr, type Bls12381, type G1, type Scalar } from '@nymts/bls12-381';
import { concatBytes, u64be } from './bytes';
import { powers } from './polynomial';
import { CHALLENGE_BITS, CHUNK_SIZE, DST, NUM_CHUNKS, PARALLEL_RUNS } from './constants';

/** What the first challenge commits to: the instance and the prover's first message. */
export interface ChunkingFirstMove {
  readonly publicKeys: readonly G1[];
  readonly rr: readonly G1[];
  readonly chunks: readonly (readonly G1[])[];
  readonly y0: G1;
  readonly bb: readonly G1[];
  readonly cc: readonly G1[];
}

/** e_{i,j,k} lives at ((i·m) + j)·ℓ + k. */
export function challengeOffset(i: number, j: number): number {
  return (i * NUM_CHUNKS + j) * PARALLEL_RUNS;
}

const KEYSTREAM_BLOCK = 64;
const KEYSTREAM_BATCH = 64 * KEYSTREAM_BLOCK;
const ZERO_NONCE = new Uint8Array(8);

/** rand_chacha's ChaCha20Rng: the original ChaCha20 (64-bit counter, zero stream id) keystream. */
function keystream(seed: Uint8Array): () => Uint8Array {
  let buffer: Uint8Array = new Uint8Array(0);
  let offset = 0;
  let block = 0;
  return () => {
    if (offset === buffer.length) {
      buffer = chacha20orig(seed, ZERO_NONCE, new Uint8Array(KEYSTREAM_BATCH), undefined, block);
      block += KEYSTREAM_BATCH / KEYSTREAM_BLOCK;
      offset = 0;
    }
    const word = buffer.subarray(offset, offset + 8);
    offset += 8;
    return word;
  };
}

/**
 * The chunking oracle: SHA-256 over DST ‖ instance ‖ first move ‖ u64be(λ_e) seeds ChaCha20, whose
 * stream gives each e_{i,j,k} ∈ [0, 2^8) the way rand 0.8's `gen_range(0..256)` draws a u64:
 * take a little-endian u64 v, keep v >> 56 unless bit 55 of v is set, in which case draw again
 * (its widening-multiply rejection zone for a range of 256). Inferred from the rand source; Nym
 * publishes no vectors to confirm it.
 */
export function chunkingFirstChallenge(bls: Bls12381, move: ChunkingFirstMove): Uint8Array {
  const receivers = move.publicKeys.length;
  const lambdaE = receivers * NUM_CHUNKS * PARALLEL_RUNS * CHALLENGE_BITS;
  const g1 = (points: readonly G1[]) => points.map((point) => bls.G1.toBytes(point));
  const seed = sha256(
    concatBytes([
      new TextEncoder().encode(DST.chunkingOracle),
      ...g1(move.publicKeys),
      ...g1(move.rr),
      ...move.chunks.flatMap(g1),
      bls.G1.toBytes(move.y0),
      ...g1(move.bb),
      ...g1(move.cc),
      u64be(lambdaE),
    ]),
  );
  const next = keystream(seed);
  const values = new Uint8Array(receivers * NUM_CHUNKS * PARALLEL_RUNS);
  for (let index = 0; index < values.length; index++) {
    for (;;) {
      const word = next();
      if ((word[6]! & 0x80) === 0) {
        values[index] = word[7]!;
        break;
      }
    }
  }
  return values;
}

/** x = hash_to_scalar(u64be(e)… ‖ u64be(z_s)… ‖ D_0..D_n ‖ Y) under the SECOND_CHALLENGE DST. */
export function chunkingSecondChallenge(
  bls: Bls12381,
  firstChallenge: Uint8Array,
  responsesChunks: readonly bigint[],
  dd: readonly G1[],
  yy: G1,
): Scalar {
  const e = new Uint8Array(firstChallenge.length * 8);
  firstChallenge.forEach((value, index) => (e[index * 8 + 7] = value));
  return Fr.hashToScalar(
    concatBytes([
      e,
      ...responsesChunks.map((z) => u64be(z)),
      ...dd.map((d) => bls.G1.toBytes(d)),
      bls.G1.toBytes(yy),
    ]),
    DST.chunkingSecondChallenge,
  );
}

/**
 * w_{i,j} = Σ_k e_{i,j,k}·x^{k+1}: how much C_{i,j} (and R_j, for receiver i) weighs in the
 * batched equations. Prover and verifier both need it.
 */
export function challengeWeights(
  firstChallenge: Uint8Array,
  xPowers: readonly Scalar[],
  receivers: number,
): Scalar[][] {
  return Array.from({ length: receivers }, (_, i) =>
    Array.from({ length: NUM_CHUNKS }, (_, j) => {
      const offset = challengeOffset(i, j);
      let weight = 0n;
      for (let k = 0; k < PARALLEL_RUNS; k++) weight += BigInt(firstChallenge[offset + k]!) * xPowers[k]!;
      return Fr.create(weight);
    }),
  );
}

/** x^1 … x^ℓ: run k is weighted by x^{k+1}. */
export function secondChallengePowers(x: Scalar): Scalar[] {
  return powers(x, PARALLEL_RUNS + 1).slice(1);
}

/** S = n·m·(B−1)·(E−1) and Z = 2ℓS: the bounds of the blinding factors and responses. */
export function chunkingBounds(receivers: number): { ss: bigint; zz: bigint } {
  const chunkMax = BigInt(CHUNK_SIZE - 1);
  const challengeMax = (1n << BigInt(CHALLENGE_BITS)) - 1n;
  const ss = BigInt(receivers * NUM_CHUNKS) * chunkMax * challengeMax;
  return { ss, zz: 2n * BigInt(PARALLEL_RUNS) * ss };
}
