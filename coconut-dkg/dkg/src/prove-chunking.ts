import { Fr, type Bls12381, type G1, type RandomBytes, type Scalar } from '@nymts/bls12-381';
import {
  challengeOffset,
  challengeWeights,
  chunkingBounds,
  chunkingFirstChallenge,
  chunkingSecondChallenge,
  secondChallengePowers,
} from './chunking-challenges';
import { NUM_CHUNKS, PARALLEL_RUNS, SECURITY_PARAMETER } from './constants';
import { DkgError } from './errors';
import { dkgParams } from './params';
import { uniformBelow } from './rng';
import { type ProofOfChunking } from './types';

export interface ChunkingStatement {
  readonly publicKeys: readonly G1[];
  readonly rr: readonly G1[];
  readonly chunks: readonly (readonly G1[])[];
}

export interface ChunkingWitness {
  readonly r: readonly Scalar[];
  /** chunks[i][j]: the plaintext chunk of receiver i, as an integer. */
  readonly chunks: readonly (readonly bigint[])[];
}

/** The first move of one attempt: σ_k (shifted by S, so in [0, Z − 1 + S]) and C_k. */
function blindChunks(
  bls: Bls12381,
  y0: G1,
  betas: readonly Scalar[],
  ss: bigint,
  zz: bigint,
  rng: RandomBytes,
) {
  const { g1 } = dkgParams(bls);
  const y0Base = bls.G1.precompute(y0);
  const shifted = betas.map(() => uniformBelow(rng, zz + ss));
  // σ_k·g1 as shifted·g1 − S·g1: two short scalars instead of one negative, hence full-length, one.
  const ssPoint = g1.mul(ss);
  const cc = betas.map((beta, k) => bls.G1.add(y0Base.mul(beta), bls.G1.sub(g1.mul(shifted[k]!), ssPoint)));
  return { shifted, cc };
}

/** z_{s,k} = Σ_{i,j} e_{i,j,k}·s_{i,j} + σ_k, or undefined when one falls outside [0, Z). */
function chunkResponses(
  e: Uint8Array,
  witness: ChunkingWitness,
  shifted: readonly bigint[],
  ss: bigint,
  zz: bigint,
) {
  const responses: bigint[] = [];
  for (let k = 0; k < PARALLEL_RUNS; k++) {
    let sum = shifted[k]! - ss;
    witness.chunks.forEach((row, i) =>
      row.forEach((chunk, j) => (sum += BigInt(e[challengeOffset(i, j) + k]!) * chunk)),
    );
    if (sum < 0n || sum >= zz) return undefined;
    responses.push(sum);
  }
  return responses;
}

/**
 * Groth's proof that every C_{i,j} encrypts a small chunk (ePrint 2021/339 §6.5), in Nym's
 * variant. The responses z_{s,k} must land in [0, Z); when one does not, the prover starts over
 * with fresh blinding (rejection sampling, about 1.6 attempts on average), so the responses leak
 * nothing about the chunks.
 */
export function proveChunking(
  bls: Bls12381,
  statement: ChunkingStatement,
  witness: ChunkingWitness,
  rng: RandomBytes,
): ProofOfChunking {
  const { g1 } = dkgParams(bls);
  const receivers = statement.publicKeys.length;
  const { ss, zz } = chunkingBounds(receivers);
  const y0 = g1.mul(Fr.random(rng));
  const betas = Array.from({ length: PARALLEL_RUNS }, () => Fr.random(rng));
  const bb = betas.map((beta) => g1.mul(beta));

  for (let attempt = 1; attempt < SECURITY_PARAMETER; attempt++) {
    const { shifted, cc } = blindChunks(bls, y0, betas, ss, zz, rng);
    const e = chunkingFirstChallenge(bls, { ...statement, y0, bb, cc });
    const responsesChunks = chunkResponses(e, witness, shifted, ss, zz);
    if (!responsesChunks) continue;

    const deltas = Array.from({ length: receivers + 1 }, () => Fr.random(rng));
    const dd = deltas.map((delta) => g1.mul(delta));
    const yy = bls.G1.msm([y0, ...statement.publicKeys], deltas);
    const xPowers = secondChallengePowers(chunkingSecondChallenge(bls, e, responsesChunks, dd, yy));
    const weights = challengeWeights(e, xPowers, receivers);

    const responsesR = weights.map((row, i) =>
      row.reduce((acc, weight, j) => Fr.add(acc, Fr.mul(weight, witness.r[j]!)), deltas[i + 1]!),
    );
    const responseBeta = betas.reduce((acc, beta, k) => Fr.add(acc, Fr.mul(beta, xPowers[k]!)), deltas[0]!);
    return { y0, bb, cc, dd, yy, responsesR, responsesChunks, responseBeta };
  }
  throw new DkgError('proof-aborted', `proof of chunking failed ${SECURITY_PARAMETER - 1} attempts`, {
    receivers,
    chunks: NUM_CHUNKS,
  });
}
