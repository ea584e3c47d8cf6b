import { Fr, loadBackend, type Bls12381 } from '@nymts/bls12-381';
import { chunkingFirstChallenge } from '../src/chunking-challenges';
import { combineChunkPoints, combineChunks, shareToChunks } from '../src/chunks';
import { NUM_CHUNKS, PARALLEL_RUNS } from '../src/constants';
import { encryptChunks } from '../src/encrypt';
import { generateKeyPair } from '../src/keys';
import { randomPolynomial } from '../src/polynomial';
import { proveChunking, type ChunkingStatement } from '../src/prove-chunking';
import { proveSharing } from '../src/prove-sharing';
import { type SharingStatement } from '../src/sharing-challenges';
import { type ProofOfChunking, type ProofOfSharing, type Receiver } from '../src/types';
import { verifyChunking } from '../src/verify-chunking';
import { verifySharing } from '../src/verify-sharing';
import { seededRng } from './helpers/seeded-rng';
import { evaluatePolynomial } from '@nymts/bls12-381';

jest.setTimeout(60_000);

let bls: Bls12381;
const rng = seededRng('proofs');
let receivers: Receiver[];
let chunking: { statement: ChunkingStatement; proof: ProofOfChunking };
let sharing: { statement: SharingStatement; proof: ProofOfSharing };

beforeAll(async () => {
  bls = await loadBackend();
  receivers = [2, 5, 9].map((index) => ({ index, publicKey: generateKeyPair(bls, rng).publicKey.key }));
  const coefficients = randomPolynomial(2, rng);
  const shares = receivers.map((receiver) => evaluatePolynomial(coefficients, BigInt(receiver.index)));
  const chunks = shares.map(shareToChunks);
  const publicKeys = receivers.map((receiver) => receiver.publicKey);
  const { ciphertexts, randomness } = encryptChunks(bls, publicKeys, chunks, rng);
  const chunkingStatement = { publicKeys, rr: ciphertexts.rr, chunks: ciphertexts.chunks };
  chunking = {
    statement: chunkingStatement,
    proof: proveChunking(bls, chunkingStatement, { r: randomness.r, chunks }, rng),
  };
  const sharingStatement: SharingStatement = {
    receivers,
    publicCoefficients: coefficients.map((a) => bls.G2.mul(bls.G2.generator, a)),
    combinedR: combineChunkPoints(bls, ciphertexts.rr),
    combinedCiphertexts: ciphertexts.chunks.map((row) => combineChunkPoints(bls, row)),
  };
  sharing = {
    statement: sharingStatement,
    proof: proveSharing(bls, sharingStatement, { r: combineChunks(randomness.r), shares }, rng),
  };
});

describe('proof of correct chunking', () => {
  const verify = (statement: ChunkingStatement, proof: ProofOfChunking) =>
    verifyChunking(bls, statement, proof, rng);

  it('verifies for honest chunks', () => {
    expect(verify(chunking.statement, chunking.proof)).toBe(true);
  });

  it('fails when any part of the proof changes', () => {
    const { proof } = chunking;
    const g1 = bls.G1.generator;
    const bump = <T>(list: readonly T[], change: (value: T) => T) => [change(list[0]!), ...list.slice(1)];
    const tampered: ProofOfChunking[] = [
      { ...proof, y0: bls.G1.add(proof.y0, g1) },
      { ...proof, bb: bump(proof.bb, (b) => bls.G1.add(b, g1)) },
      { ...proof, cc: bump(proof.cc, (c) => bls.G1.add(c, g1)) },
      { ...proof, dd: bump(proof.dd, (d) => bls.G1.add(d, g1)) },
      { ...proof, yy: bls.G1.add(proof.yy, g1) },
      { ...proof, responsesR: bump(proof.responsesR, (z) => Fr.add(z, 1n)) },
      { ...proof, responsesChunks: bump(proof.responsesChunks, (z) => z + 1n) },
      { ...proof, responseBeta: Fr.add(proof.responseBeta, 1n) },
    ];
    for (const bad of tampered) expect(verify(chunking.statement, bad)).toBe(false);
  });

  it('fails for another statement: a changed ciphertext, randomizer or key', () => {
    const { statement, proof } = chunking;
    const g1 = bls.G1.generator;
    const chunks = statement.chunks.map((row, i) =>
      i === 1 ? [bls.G1.add(row[0]!, g1), ...row.slice(1)] : row,
    );
    expect(verify({ ...statement, chunks }, proof)).toBe(false);
    expect(
      verify({ ...statement, rr: [bls.G1.add(statement.rr[0]!, g1), ...statement.rr.slice(1)] }, proof),
    ).toBe(false);
    const publicKeys = [statement.publicKeys[1]!, statement.publicKeys[0]!, statement.publicKeys[2]!];
    expect(verify({ ...statement, publicKeys }, proof)).toBe(false);
  });

  it('refuses wrong shapes and responses at or above Z without further work', () => {
    const { statement, proof } = chunking;
    expect(verify(statement, { ...proof, bb: proof.bb.slice(1) })).toBe(false);
    expect(verify(statement, { ...proof, dd: proof.dd.slice(1) })).toBe(false);
    expect(verify(statement, { ...proof, responsesR: proof.responsesR.slice(1) })).toBe(false);
    expect(
      verify(statement, { ...proof, responsesChunks: [1n << 63n, ...proof.responsesChunks.slice(1)] }),
    ).toBe(false);
    expect(verify({ ...statement, chunks: statement.chunks.slice(1) }, proof)).toBe(false);
  });

  it('draws one first-challenge value per receiver, chunk and run, below 2^8, from the first move', () => {
    const { statement, proof } = chunking;
    const move = { ...statement, y0: proof.y0, bb: proof.bb, cc: proof.cc };
    const e = chunkingFirstChallenge(bls, move);
    expect(e).toHaveLength(statement.publicKeys.length * NUM_CHUNKS * PARALLEL_RUNS);
    expect(chunkingFirstChallenge(bls, move)).toEqual(e);
    const other = chunkingFirstChallenge(bls, { ...move, y0: bls.G1.add(proof.y0, bls.G1.generator) });
    expect(other).not.toEqual(e);
    // Uniform over [0, 256): 1536 values spread over the whole range.
    expect(Math.max(...e)).toBeGreaterThan(240);
    expect(new Set(e).size).toBeGreaterThan(200);
  });
});

describe('proof of correct sharing', () => {
  const verify = (statement: SharingStatement, proof: ProofOfSharing) =>
    verifySharing(bls, statement, proof, rng);

  it('verifies for an honest sharing', () => {
    expect(verify(sharing.statement, sharing.proof)).toBe(true);
  });

  it('fails when any part of the proof changes', () => {
    const { proof } = sharing;
    const tampered: ProofOfSharing[] = [
      { ...proof, ff: bls.G1.add(proof.ff, bls.G1.generator) },
      { ...proof, aa: bls.G2.add(proof.aa, bls.G2.generator) },
      { ...proof, yy: bls.G1.add(proof.yy, bls.G1.generator) },
      { ...proof, responseR: Fr.add(proof.responseR, 1n) },
      { ...proof, responseAlpha: Fr.add(proof.responseAlpha, 1n) },
    ];
    for (const bad of tampered) expect(verify(sharing.statement, bad)).toBe(false);
  });

  it('fails when the ciphertexts do not encrypt the committed polynomial', () => {
    const { statement, proof } = sharing;
    const g2 = bls.G2.generator;
    const publicCoefficients = [
      statement.publicCoefficients[0]!,
      bls.G2.add(statement.publicCoefficients[1]!, g2),
    ];
    expect(verify({ ...statement, publicCoefficients }, proof)).toBe(false);
    const combinedCiphertexts = statement.combinedCiphertexts.map((c, i) =>
      i === 0 ? bls.G1.add(c, bls.G1.generator) : c,
    );
    expect(verify({ ...statement, combinedCiphertexts }, proof)).toBe(false);
    const receivers = statement.receivers.map((receiver, i) =>
      i === 0 ? { ...receiver, index: 3 } : receiver,
    );
    expect(verify({ ...statement, receivers }, proof)).toBe(false);
  });

  it('refuses an empty or mismatched statement', () => {
    const { statement, proof } = sharing;
    expect(verify({ ...statement, publicCoefficients: [] }, proof)).toBe(false);
    expect(verify({ ...statement, combinedCiphertexts: statement.combinedCiphertexts.slice(1) }, proof)).toBe(
      false,
    );
  });
});
