import { Fr, lagrangeAtZero, loadBackend, type Bls12381, type G1 } from '@nymts/bls12-381';
import { checkVerificationKeyShare, coconutKeyShare } from '../../src/coconut-keys';
import { badSharingProof, oversizedChunk, wrongCoefficientCount } from '../helpers/cheaters';
import { expectConsistentRun } from '../helpers/checks';
import { createNodes, honestDealer, runDkg, type DealerBehaviour, type Node } from '../helpers/dkg-run';
import { seededRng } from '../helpers/seeded-rng';

// The production shape: ten nodes, t = 7, five sharings (a Coconut key over the bandwidth
// credential's four attributes). The one n = 10 run of the suite, so it lives in this tier.
jest.setTimeout(600_000);

const N = 10;
const SHARINGS = 5;
let bls: Bls12381;
let nodes: Node[];

beforeAll(async () => {
  bls = await loadBackend();
  nodes = createNodes(
    bls,
    Array.from({ length: N }, (_, i) => i + 1),
    seededRng('n10/nodes'),
  );
});

describe('a DKG among 10 nodes', () => {
  it('excludes one cheating dealer (one sharing)', () => {
    const run = runDkg(
      bls,
      { dealers: nodes, receivers: nodes, sharings: 1, behaviours: new Map([[6, wrongCoefficientCount]]) },
      seededRng('n10/one'),
    );
    expect(run.threshold).toBe(7);
    expect(run.accepted).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10]);
    expectConsistentRun(bls, run);
  });

  it('excludes two cheating dealers and gives every node Coconut keys that sign with t of 10', () => {
    // Dealer 9 cheats in sharing 2 only: one bad dealing of five drops the dealer.
    const behaviours = new Map<number, DealerBehaviour>([
      [3, oversizedChunk],
      [9, (input) => (input.sharing === 2 ? badSharingProof(input) : honestDealer(input))],
    ]);
    const run = runDkg(
      bls,
      { dealers: nodes, receivers: nodes, sharings: SHARINGS, behaviours },
      seededRng('n10/two'),
    );
    expect(run.accepted).toEqual([1, 2, 4, 5, 6, 7, 8, 10]);
    expect(run.verdicts.get(9)!.map((verdict) => verdict.kind)).toEqual([
      'valid',
      'valid',
      'invalid',
      'valid',
      'valid',
    ]);
    expect(run.verdicts.get(3)!.every((verdict) => verdict.kind === 'valid')).toBe(true);
    expect(run.complaints.every((complaint) => complaint.dealer === 3)).toBe(true);
    expect(run.complaints).toHaveLength(SHARINGS);
    expectConsistentRun(bls, run);

    const keys = run.receivers.map((receiver) =>
      coconutKeyShare(bls, receiver.index, run.shares.get(receiver.index)!),
    );
    for (const key of keys) {
      const recovered = run.recovered.map((r) => r.partials.get(key.index)!);
      expect(checkVerificationKeyShare(bls, key.verificationKey, recovered)).toBe(true);
    }

    const attributes = [11n, 22n, 33n, 44n].map((m) => Fr.create(m));
    const h = bls.G1.hashToCurve(
      new TextEncoder().encode('n10'),
      'QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_',
    );
    const signers = keys.filter((key) => [2, 3, 5, 6, 8, 9, 10].includes(key.index));
    const lambdas = lagrangeAtZero(signers.map((key) => BigInt(key.index)));
    const signature = signers.reduce<G1>((acc, { secretKey }, i) => {
      const exponent = secretKey.ys.reduce(
        (sum, y, j) => Fr.add(sum, Fr.mul(y, attributes[j]!)),
        secretKey.x,
      );
      return bls.G1.add(acc, bls.G1.mul(h, Fr.mul(lambdas[i]!, exponent)));
    }, bls.G1.zero);
    const kappa = bls.G2.msm(
      run.recovered.map((r) => r.master),
      [1n, ...attributes],
    );
    expect(
      bls.pairingProductIsOne([
        [h, kappa],
        [bls.G1.neg(signature), bls.G2.generator],
      ]),
    ).toBe(true);
  });
});
