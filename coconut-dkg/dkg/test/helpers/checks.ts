import { lagrangeAtZero, type Bls12381, type G2 } from '@nymts/bls12-381';
import { type NodeIndex } from '../../src/types';
import { type DkgRun } from './dkg-run';

/** Lagrange at 0 over the given partial verification keys. */
export function interpolateAtZero(
  bls: Bls12381,
  partials: ReadonlyMap<NodeIndex, G2>,
  indices: readonly NodeIndex[],
): G2 {
  const lambdas = lagrangeAtZero(indices.map(BigInt));
  return bls.G2.msm(
    indices.map((index) => partials.get(index)!),
    lambdas,
  );
}

/**
 * What every completed run must satisfy, per sharing: each receiver's combined share matches its
 * recovered partial key, and the first t partial keys interpolate to the master key while the
 * first t − 1 do not.
 */
export function expectConsistentRun(bls: Bls12381, run: DkgRun): void {
  const indices = run.receivers.map((receiver) => receiver.index);
  run.recovered.forEach((recovered, sharing) => {
    for (const index of indices) {
      const share = run.shares.get(index)![sharing]!;
      expect(bls.G2.eq(bls.G2.mul(bls.G2.generator, share), recovered.partials.get(index)!)).toBe(true);
    }
    const enough = indices.slice(0, run.threshold);
    expect(bls.G2.eq(interpolateAtZero(bls, recovered.partials, enough), recovered.master)).toBe(true);
    if (run.threshold > 1) {
      const tooFew = indices.slice(0, run.threshold - 1);
      expect(bls.G2.eq(interpolateAtZero(bls, recovered.partials, tooFew), recovered.master)).toBe(false);
    }
  });
}
