import { Fr, loadBackend, type Bls12381, type G2 } from '@nymts/bls12-381';
import { decodeComplaint, decodeDealing, encodeComplaint, encodeDealing } from '../src/codec';
import { complaintChallenge, type Complaint } from '../src/complaint';
import { createDealing } from '../src/deal';
import { decryptShare, type Decryption } from '../src/decrypt';
import { DkgError } from '../src/errors';
import { type Dealing, type Receiver } from '../src/types';
import { verifyComplaint } from '../src/verify-complaint';
import { verifyDealing } from '../src/verify-dealing';
import {
  badChunkingProof,
  badSharingProof,
  inconsistentCiphertext,
  oversizedChunk,
  wrongCoefficientCount,
  wrongResharedSecret,
} from './helpers/cheaters';
import { createNodes, type DealerBehaviour, type Node } from './helpers/dkg-run';
import { seededRng } from './helpers/seeded-rng';

jest.setTimeout(60_000);

const rng = seededRng('dealing');
const THRESHOLD = 3;
let bls: Bls12381;
let nodes: Node[];
let receivers: Receiver[];
let honest: Dealing;

/** A_0 + i·A_1 + i²·A_2 + …: what share_i·g2 must equal. */
function publicShare(dealing: Dealing, index: number): G2 {
  const powers = dealing.publicCoefficients.map((_, k) => BigInt(index) ** BigInt(k));
  return bls.G2.msm(dealing.publicCoefficients, powers);
}

function decryptAll(dealing: Dealing): Decryption[] {
  return nodes.map((node) =>
    decryptShare(
      bls,
      { dealer: 1, dealing, receivers, receiver: node.index, secretKey: node.keyPair.secretKey },
      rng,
    ),
  );
}

const cheat = (behaviour: DealerBehaviour, resharedSecret?: bigint) =>
  behaviour({ bls, dealer: 1, sharing: 0, threshold: THRESHOLD, receivers, resharedSecret, rng });

beforeAll(async () => {
  bls = await loadBackend();
  nodes = createNodes(bls, [1, 2, 4, 7], rng);
  receivers = nodes.map((node) => ({ index: node.index, publicKey: node.keyPair.publicKey.key }));
  honest = createDealing(bls, { threshold: THRESHOLD, receivers }, rng);
});

describe('an honest dealing', () => {
  it('verifies, and every receiver decrypts the evaluation committed to by the coefficients', () => {
    expect(verifyDealing(bls, honest, { threshold: THRESHOLD, receivers }, rng)).toEqual({ kind: 'valid' });
    decryptAll(honest).forEach((result, position) => {
      if (result.kind !== 'share') throw new Error(`receiver ${position} could not decrypt`);
      const expected = publicShare(honest, receivers[position]!.index);
      expect(bls.G2.eq(bls.G2.mul(bls.G2.generator, result.share), expected)).toBe(true);
    });
  });

  it("cannot be decrypted with another receiver's key", () => {
    const result = decryptShare(
      bls,
      { dealer: 1, dealing: honest, receivers, receiver: 1, secretKey: nodes[1]!.keyPair.secretKey },
      rng,
    );
    expect(result.kind).toBe('complaint');
    if (result.kind === 'complaint') {
      expect(verifyComplaint(bls, result.complaint, honest, receivers)).toEqual({
        kind: 'dismissed',
        reason: 'invalid-proof',
      });
    }
  });

  it('survives its byte encoding and Nym’s size formula 6876 + 96t + 848n', () => {
    const bytes = encodeDealing(bls, honest);
    expect(bytes).toHaveLength(6876 + 96 * THRESHOLD + 848 * receivers.length);
    const decoded = decodeDealing(bls, bytes);
    expect(encodeDealing(bls, decoded)).toEqual(bytes);
    expect(verifyDealing(bls, decoded, { threshold: THRESHOLD, receivers }, rng)).toEqual({ kind: 'valid' });
  });

  it('keeps the resharing constant and is refused against another prior public value', () => {
    const secret = Fr.random(rng);
    const prior = bls.G2.mul(bls.G2.generator, secret);
    const reshared = createDealing(bls, { threshold: THRESHOLD, receivers, resharedSecret: secret }, rng);
    expect(
      verifyDealing(bls, reshared, { threshold: THRESHOLD, receivers, priorPublic: prior }, rng).kind,
    ).toBe('valid');
    const other = bls.G2.add(prior, bls.G2.generator);
    expect(
      verifyDealing(bls, reshared, { threshold: THRESHOLD, receivers, priorPublic: other }, rng),
    ).toEqual({
      kind: 'invalid',
      fault: 'invalid-resharing',
    });
  });

  it('is checked against the receivers it was made for', () => {
    const swapped = [
      receivers[0]!,
      { ...receivers[1]!, publicKey: receivers[2]!.publicKey },
      ...receivers.slice(2),
    ];
    expect(verifyDealing(bls, honest, { threshold: THRESHOLD, receivers: swapped }, rng).kind).toBe(
      'invalid',
    );
    expect(verifyDealing(bls, honest, { threshold: THRESHOLD, receivers: receivers.slice(1) }, rng)).toEqual({
      kind: 'invalid',
      fault: 'wrong-receiver-count',
    });
  });

  it('refuses impossible verification parameters as the caller’s error', () => {
    expect(() => verifyDealing(bls, honest, { threshold: 0, receivers }, rng)).toThrow(DkgError);
    expect(() => verifyDealing(bls, honest, { threshold: 5, receivers }, rng)).toThrow(/threshold 5/);
    const unsorted = [receivers[1]!, receivers[0]!, ...receivers.slice(2)];
    expect(() => verifyDealing(bls, honest, { threshold: THRESHOLD, receivers: unsorted }, rng)).toThrow(
      /sorted/,
    );
    expect(() =>
      createDealing(bls, { threshold: 3, receivers: [{ ...receivers[0]!, index: 0 }] }, rng),
    ).toThrow(/receiver index/);
  });
});

describe('cheating dealers', () => {
  it.each([
    ['bad chunking proof', badChunkingProof, 'invalid-chunking-proof'],
    ['bad sharing proof', badSharingProof, 'invalid-sharing-proof'],
    ['wrong coefficient count', wrongCoefficientCount, 'wrong-coefficient-count'],
    ['inconsistent ciphertext', inconsistentCiphertext, 'ciphertext-integrity'],
  ] as const)('%s: the dealing is refused publicly', (_name, behaviour, fault) => {
    expect(verifyDealing(bls, cheat(behaviour), { threshold: THRESHOLD, receivers }, rng)).toEqual({
      kind: 'invalid',
      fault,
    });
  });

  it('wrong coefficient count: the dealing is otherwise sound, only the count betrays it', () => {
    const dealing = cheat(wrongCoefficientCount);
    expect(verifyDealing(bls, dealing, { threshold: THRESHOLD - 1, receivers }, rng)).toEqual({
      kind: 'valid',
    });
  });

  it('wrong resharing constant: A_0 differs from the prior public value', () => {
    const secret = Fr.random(rng);
    const dealing = cheat(wrongResharedSecret, secret);
    const priorPublic = bls.G2.mul(bls.G2.generator, secret);
    expect(verifyDealing(bls, dealing, { threshold: THRESHOLD, receivers, priorPublic }, rng)).toEqual({
      kind: 'invalid',
      fault: 'invalid-resharing',
    });
  });

  describe('oversized chunk (reference §9)', () => {
    let dealing: Dealing;
    let complaint: Complaint;

    beforeAll(() => {
      dealing = cheat(oversizedChunk);
      const results = decryptAll(dealing);
      const first = results[0]!;
      if (first.kind !== 'complaint') throw new Error('the first receiver decrypted an oversized chunk');
      complaint = first.complaint;
      results.slice(1).forEach((result) => expect(result.kind).toBe('share'));
    });

    it('passes public verification: both proofs accept chunks a little above 2^16', () => {
      expect(verifyDealing(bls, dealing, { threshold: THRESHOLD, receivers }, rng)).toEqual({
        kind: 'valid',
      });
    });

    it('yields a complaint that anyone can uphold from the dealing', () => {
      expect(complaint).toMatchObject({ dealer: 1, receiver: receivers[0]!.index });
      expect(verifyComplaint(bls, complaint, dealing, receivers)).toEqual({ kind: 'upheld' });
      const decoded = decodeComplaint(bls, encodeComplaint(bls, complaint));
      expect(encodeComplaint(bls, decoded)).toEqual(encodeComplaint(bls, complaint));
      expect(verifyComplaint(bls, decoded, dealing, receivers)).toEqual({ kind: 'upheld' });
    });

    it('cannot be turned against an honest dealer or another chunk', () => {
      expect(verifyComplaint(bls, complaint, honest, receivers)).toEqual({
        kind: 'dismissed',
        reason: 'invalid-proof',
      });
      const otherChunk = { ...complaint, chunk: (complaint.chunk + 1) % 16 };
      expect(verifyComplaint(bls, otherChunk, dealing, receivers).kind).toBe('dismissed');
      const otherReceiver = { ...complaint, receiver: receivers[1]!.index };
      expect(verifyComplaint(bls, otherReceiver, dealing, receivers).kind).toBe('dismissed');
      const unknown = { ...complaint, receiver: 99 };
      expect(verifyComplaint(bls, unknown, dealing, receivers)).toEqual({
        kind: 'dismissed',
        reason: 'no-such-ciphertext',
      });
      const forged = {
        ...complaint,
        proof: { ...complaint.proof, response: Fr.add(complaint.proof.response, 1n) },
      };
      expect(verifyComplaint(bls, forged, dealing, receivers)).toEqual({
        kind: 'dismissed',
        reason: 'invalid-proof',
      });
    });
  });

  it('an honest chunk revealed in a complaint is dismissed as in range', () => {
    const node = nodes[2]!;
    const rj = honest.ciphertexts.rr[3]!;
    const sharedPoint = bls.G1.mul(rj, node.keyPair.secretKey);
    const nonce = Fr.random(rng);
    // A complaint built by hand with a valid proof: only the range check can dismiss it.
    const commitmentG1 = bls.G1.mul(bls.G1.generator, nonce);
    const commitmentR = bls.G1.mul(rj, nonce);
    const statement = {
      dealer: 1,
      receiver: node.index,
      chunk: 3,
      publicKey: node.keyPair.publicKey.key,
      rj,
      cij: honest.ciphertexts.chunks[2]![3]!,
      sharedPoint,
    };
    const c = complaintChallenge(bls, statement, commitmentG1, commitmentR);
    const complaint: Complaint = {
      dealer: 1,
      receiver: node.index,
      chunk: 3,
      sharedPoint,
      proof: { commitmentG1, commitmentR, response: Fr.add(nonce, Fr.mul(c, node.keyPair.secretKey)) },
    };
    expect(verifyComplaint(bls, complaint, honest, receivers)).toEqual({
      kind: 'dismissed',
      reason: 'chunk-in-range',
    });
  });
});
