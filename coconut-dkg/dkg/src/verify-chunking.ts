import { Fr, type Bls12381, type FixedBase, type G1, type RandomBytes, type Scalar } from '@nymts/bls12-381';
import {
  challengeWeights,
  chunkingBounds,
  chunkingFirstChallenge,
  chunkingSecondChallenge,
  secondChallengePowers,
} from './chunking-challenges';
import { NUM_CHUNKS, PARALLEL_RUNS } from './constants';
import { dkgParams } from './params';
import { batchWeights } from './rng';
import { type ChunkingStatement } from './prove-chunking';
import { type ProofOfChunking } from './types';

function hasShape(statement: ChunkingStatement, proof: ProofOfChunking, zz: bigint): boolean {
  const receivers = statement.publicKeys.length;
  return (
    receivers > 0 &&
    statement.chunks.length === receivers &&
    statement.rr.length === NUM_CHUNKS &&
    statement.chunks.every((row) => row.length === NUM_CHUNKS) &&
    proof.bb.length === PARALLEL_RUNS &&
    proof.cc.length === PARALLEL_RUNS &&
    proof.dd.length === receivers + 1 &&
    proof.responsesR.length === receivers &&
    proof.responsesChunks.length === PARALLEL_RUNS &&
    proof.responsesChunks.every((z) => z >= 0n && z < zz)
  );
}

/**
 * Groth's three families of equations, with x^{k+1} for run k and w_{i,j} = Σ_k e_{i,j,k}·x^{k+1}:
 *   D_i + Σ_j w_{i,j}·R_j = z_{r,i}·g1                  (each receiver i)
 *   D_0 + Σ_k x^{k+1}·B_k = z_β·g1
 *   Y + Σ_{i,j} w_{i,j}·C_{i,j} + Σ_k x^{k+1}·C_k = Σ_i z_{r,i}·y_i + z_β·y_0 + (Σ_k z_{s,k}·x^{k+1})·g1
 * checked as one multi-scalar multiplication: the first n + 1 equations weighted by random ρ_i
 * and added to the last. A false equation survives only with probability 2^-128.
 */
export function verifyChunking(
  bls: Bls12381,
  statement: ChunkingStatement,
  proof: ProofOfChunking,
  rng: RandomBytes,
): boolean {
  const receivers = statement.publicKeys.length;
  const { zz } = chunkingBounds(receivers);
  if (!hasShape(statement, proof, zz)) return false;

  const e = chunkingFirstChallenge(bls, { ...statement, y0: proof.y0, bb: proof.bb, cc: proof.cc });
  const x = chunkingSecondChallenge(bls, e, proof.responsesChunks, proof.dd, proof.yy);
  const xPowers = secondChallengePowers(x);
  const weights = challengeWeights(e, xPowers, receivers);
  const rho = batchWeights(rng, receivers + 1);

  const points: (G1 | FixedBase<G1>)[] = [];
  const scalars: Scalar[] = [];
  const term = (point: G1 | FixedBase<G1>, scalar: Scalar) => {
    points.push(point);
    scalars.push(scalar);
  };

  proof.dd.forEach((d, i) => term(d, rho[i]!));
  for (let j = 0; j < NUM_CHUNKS; j++) {
    term(
      statement.rr[j]!,
      weights.reduce((acc, row, i) => acc + rho[i + 1]! * row[j]!, 0n),
    );
  }
  proof.bb.forEach((b, k) => term(b, Fr.mul(rho[0]!, xPowers[k]!)));
  term(proof.yy, 1n);
  statement.chunks.forEach((row, i) => row.forEach((c, j) => term(c, weights[i]![j]!)));
  proof.cc.forEach((c, k) => term(c, xPowers[k]!));
  statement.publicKeys.forEach((y, i) => term(y, Fr.neg(proof.responsesR[i]!)));
  term(proof.y0, Fr.neg(proof.responseBeta));

  let generator = Fr.mul(rho[0]!, proof.responseBeta);
  proof.responsesR.forEach((z, i) => (generator += rho[i + 1]! * z));
  proof.responsesChunks.forEach((z, k) => (generator += z * xPowers[k]!));
  term(dkgParams(bls).g1, Fr.neg(generator));

  return bls.G1.isZero(bls.G1.msm(points, scalars));
}
