// Each group operation on the fast backend (mcl-wasm) against the reference (noble), same run.
import { defineSuite, median, sampleDurations, type BenchContext } from '@nymts/bench';
import { Fr, loadBackend, type Bls12381, type PairingInput } from '../src';

interface Operation {
  name: string;
  /** Builds the inputs once per backend, returns the timed call. */
  prepare(backend: Bls12381): () => unknown;
}

const MSM_SIZE = 8;
const msg = new TextEncoder().encode('nymts backend benchmark');
const DST = 'QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_';

const operations: Operation[] = [
  {
    name: 'G1 mul',
    prepare: ({ G1 }) =>
      (
        (p) => () =>
          G1.mul(p, Fr.random())
      )(G1.mul(G1.generator, Fr.random())),
  },
  {
    name: 'G2 mul',
    prepare: ({ G2 }) =>
      (
        (p) => () =>
          G2.mul(p, Fr.random())
      )(G2.mul(G2.generator, Fr.random())),
  },
  {
    name: 'G1 fixed-base mul',
    prepare: ({ G1 }) =>
      (
        (base) => () =>
          base.mul(Fr.random())
      )(G1.precompute(G1.mul(G1.generator, Fr.random()))),
  },
  {
    name: 'G2 fixed-base mul',
    prepare: ({ G2 }) =>
      (
        (base) => () =>
          base.mul(Fr.random())
      )(G2.precompute(G2.mul(G2.generator, Fr.random()))),
  },
  {
    name: `G1 msm of ${MSM_SIZE}`,
    prepare: ({ G1 }) => {
      const points = Array.from({ length: MSM_SIZE }, () => G1.mul(G1.generator, Fr.random()));
      return () =>
        G1.msm(
          points,
          points.map(() => Fr.random()),
        );
    },
  },
  {
    name: `G2 msm of ${MSM_SIZE}`,
    prepare: ({ G2 }) => {
      const points = Array.from({ length: MSM_SIZE }, () => G2.mul(G2.generator, Fr.random()));
      return () =>
        G2.msm(
          points,
          points.map(() => Fr.random()),
        );
    },
  },
  {
    name: 'pairing',
    prepare: (backend) => {
      const p = backend.G1.mul(backend.G1.generator, Fr.random());
      const q = backend.G2.mul(backend.G2.generator, Fr.random());
      return () => backend.pairing(p, q);
    },
  },
  {
    name: 'pairing product of 2 (one final exp)',
    prepare: (backend) => {
      const a = Fr.random();
      const pairs: PairingInput[] = [
        [backend.G1.mul(backend.G1.generator, a), backend.G2.generator],
        [backend.G1.neg(backend.G1.generator), backend.G2.mul(backend.G2.generator, a)],
      ];
      return () => backend.pairingProductIsOne(pairs);
    },
  },
  {
    name: 'G1 decode (subgroup check)',
    prepare: ({ G1 }) =>
      (
        (bytes) => () =>
          G1.fromBytes(bytes)
      )(G1.toBytes(G1.mul(G1.generator, Fr.random()))),
  },
  {
    name: 'G2 decode (subgroup check)',
    prepare: ({ G2 }) =>
      (
        (bytes) => () =>
          G2.fromBytes(bytes)
      )(G2.toBytes(G2.mul(G2.generator, Fr.random()))),
  },
  {
    name: 'hash to G1',
    prepare:
      ({ G1 }) =>
      () =>
        G1.hashToCurve(msg, DST),
  },
  {
    name: 'hash to G2',
    prepare:
      ({ G2 }) =>
      () =>
        G2.hashToCurve(msg, DST),
  },
  {
    name: 'GT pow',
    prepare:
      ({ GT }) =>
      () =>
        GT.pow(GT.generator, Fr.random()),
  },
];

async function medianMs(ctx: BenchContext, fn: () => unknown, iterations: number): Promise<number> {
  return median(await sampleDurations(fn, { iterations, warmupIterations: 3, signal: ctx.signal }));
}

export default defineSuite({
  name: 'bls12-381 backends',
  async run(ctx) {
    const fast = await loadBackend('mcl');
    const noble = await loadBackend('noble');
    for (const operation of operations) {
      ctx.progress(operation.name);
      const ours = await medianMs(ctx, operation.prepare(fast), 60);
      const reference = await medianMs(ctx, operation.prepare(noble), 15);
      ctx.compare({
        name: `${operation.name}: mcl vs noble (median)`,
        value: ours,
        baseline: reference,
        unit: 'ms',
      });
    }
  },
});
