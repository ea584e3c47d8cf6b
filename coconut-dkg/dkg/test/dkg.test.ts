import fc from 'fast-check';
import { loadBackend, type Bls12381 } from '@nymts/bls12-381';
import { DkgError } from '../src/errors';
import {
  badChunkingProof,
  badSharingProof,
  inconsistentCiphertext,
  oversizedChunk,
  wrongCoefficientCount,
  wrongResharedSecret,
} from './helpers/cheaters';
import { expectConsistentRun, interpolateAtZero } from './helpers/checks';
import { createNodes, runDkg, type DealerBehaviour, type DkgRun, type Node } from './helpers/dkg-run';
import { seededRng } from './helpers/seeded-rng';

jest.setTimeout(120_000);

let bls: Bls12381;
beforeAll(async () => {
  bls = await loadBackend();
});

const indices = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

function run(
  seed: string,
  nodes: readonly Node[],
  cheaters: [number, DealerBehaviour][],
  sharings = 1,
): DkgRun {
  return runDkg(
    bls,
    { dealers: nodes, receivers: nodes, sharings, behaviours: new Map(cheaters) },
    seededRng(seed),
  );
}

describe.each([
  [
    4,
    [[2, oversizedChunk]],
    [
      [1, badChunkingProof],
      [4, inconsistentCiphertext],
    ],
  ],
  [
    7,
    [[5, wrongCoefficientCount]],
    [
      [3, badSharingProof],
      [7, oversizedChunk],
    ],
  ],
] as [number, [number, DealerBehaviour][], [number, DealerBehaviour][]][])(
  'a DKG among %i nodes',
  (n, oneCheater, twoCheaters) => {
    let nodes: Node[];
    beforeAll(() => {
      nodes = createNodes(bls, indices(n), seededRng(`dkg/${n}/nodes`));
    });

    it('completes with every dealer when all are honest', () => {
      const result = run(`dkg/${n}/honest`, nodes, []);
      expect(result.threshold).toBe(Math.ceil((2 * n) / 3));
      expect(result.accepted).toEqual(indices(n));
      expect(result.complaints).toHaveLength(0);
      expectConsistentRun(bls, result);
    });

    it.each([
      ['one cheating dealer', oneCheater],
      ['two cheating dealers', twoCheaters],
    ])('excludes %s and completes with the rest', (_name, cheaters) => {
      const result = run(`dkg/${n}/${cheaters.length}`, nodes, cheaters);
      const cheating = cheaters.map(([index]) => index);
      expect(result.accepted).toEqual(indices(n).filter((index) => !cheating.includes(index)));
      expectConsistentRun(bls, result);
    });
  },
);

describe('a DKG among 4 nodes with two sharings', () => {
  let result: DkgRun;
  beforeAll(() => {
    result = run('dkg/4/two-sharings', createNodes(bls, [3, 10, 11, 40], seededRng('dkg/4/sparse')), [], 2);
  });

  it('works with sparse node indices and gives independent sharings', () => {
    expectConsistentRun(bls, result);
    expect(bls.G2.eq(result.recovered[0]!.master, result.recovered[1]!.master)).toBe(false);
  });

  it('any t of the partial keys interpolate to the master key, t − 1 never do', () => {
    const all = result.receivers.map((receiver) => receiver.index);
    const { partials, master } = result.recovered[1]!;
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: 1, maxLength: all.length }), (subset) => {
        const matches = bls.G2.eq(interpolateAtZero(bls, partials, subset), master);
        expect(matches).toBe(subset.length >= result.threshold);
      }),
      { numRuns: 30 },
    );
  });
});

describe('resharing to a new committee', () => {
  let first: DkgRun;
  let oldNodes: Node[];
  let newNodes: Node[];

  beforeAll(() => {
    oldNodes = createNodes(bls, indices(4), seededRng('reshare/old'));
    // Nodes 2 and 4 leave; 5, 6 and 7 join (the contract never reuses an index).
    newNodes = [oldNodes[0]!, oldNodes[2]!, ...createNodes(bls, [5, 6, 7], seededRng('reshare/new'))];
    first = run('reshare/first', oldNodes, [], 2);
  });

  function reshare(
    seed: string,
    dealers: readonly Node[],
    cheaters: [number, DealerBehaviour][] = [],
  ): DkgRun {
    return runDkg(
      bls,
      { dealers, receivers: newNodes, sharings: 2, behaviours: new Map(cheaters), previous: first },
      seededRng(seed),
    );
  }

  it('keeps the master verification key while every member gets a fresh share', () => {
    const second = reshare('reshare/second', oldNodes);
    expect(second.threshold).toBe(4);
    expectConsistentRun(bls, second);
    second.recovered.forEach((recovered, sharing) => {
      expect(bls.G2.eq(recovered.master, first.recovered[sharing]!.master)).toBe(true);
    });
    const kept = oldNodes[0]!.index;
    expect(second.shares.get(kept)![0]).not.toBe(first.shares.get(kept)![0]);
  });

  it('excludes a dealer that reshares something else, and still keeps the key', () => {
    const second = reshare('reshare/cheat', oldNodes, [[2, wrongResharedSecret]]);
    expect(second.accepted).toEqual([1, 3, 4]);
    expect(second.verdicts.get(2)![0]).toEqual({ kind: 'invalid', fault: 'invalid-resharing' });
    second.recovered.forEach((recovered, sharing) => {
      expect(bls.G2.eq(recovered.master, first.recovered[sharing]!.master)).toBe(true);
    });
  });

  it('refuses to combine fewer resharing dealers than the old threshold', () => {
    let caught: unknown;
    try {
      reshare('reshare/few', oldNodes.slice(0, 2));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DkgError);
    expect(caught).toMatchObject({ code: 'not-enough-dealings', meta: { accepted: 2, minimum: 3 } });
  });
});
