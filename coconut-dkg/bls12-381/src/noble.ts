// The reference backend: @noble/curves, audited pure JavaScript. Slow (a G2 multiplication takes
// about 10–15 ms here) but the yardstick every other backend is tested against.
import { bls12_381 } from '@noble/curves/bls12-381.js';
import type { WeierstrassPoint, WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import { checkCompressed, invalidPoint } from './encoding';
import { Bls12381Error } from './errors';
import { Fr, normalizeDst } from './scalar';
import type { Bls12381, FixedBase, G1, G2, GT, PairingInput, PointGroup, Scalar, TargetGroup } from './types';

type Fp12 = ReturnType<typeof bls12_381.fields.Fp12.create>;
type Hasher = (msg: Uint8Array, options: { DST: Uint8Array }) => unknown;

/** Window sizes measured here: wider tables cost build time and memory for little gain. */
const FIXED_BASE_WINDOW = { G1: 8, G2: 6 } as const;

class NobleFixedBase<T> implements FixedBase<unknown> {
  constructor(
    readonly point: WeierstrassPoint<T>,
    private readonly zero: WeierstrassPoint<T>,
  ) {}
  mul(k: Scalar): WeierstrassPoint<T> {
    const scalar = Fr.create(k);
    // noble keeps the window table per point instance, so multiplying this instance uses it.
    return scalar === 0n || this.point.is0() ? this.zero : this.point.multiply(scalar);
  }
}

function nobleGroup<T>(
  name: 'G1' | 'G2',
  Point: WeierstrassPointCons<T>,
  hashToCurve: Hasher,
): PointGroup<unknown> {
  type P = WeierstrassPoint<T>;
  const mul = (p: P, k: Scalar): P => {
    const scalar = Fr.create(k);
    return scalar === 0n || p.is0() ? Point.ZERO : p.multiply(scalar);
  };
  return {
    name,
    byteLength: name === 'G1' ? 48 : 96,
    zero: Point.ZERO,
    generator: Point.BASE,
    add: (a: P, b: P) => a.add(b),
    sub: (a: P, b: P) => a.subtract(b),
    neg: (a: P) => a.negate(),
    eq: (a: P, b: P) => a.equals(b),
    isZero: (a: P) => a.is0(),
    mul,
    msm(bases: readonly (P | NobleFixedBase<T>)[], scalars: readonly Scalar[]): P {
      if (bases.length !== scalars.length)
        throw new Bls12381Error('bad-argument', `msm: ${bases.length} bases, ${scalars.length} scalars`);
      // Bases with tables multiply fastest one by one; the rest share one Pippenger run.
      let acc = Point.ZERO;
      const points: P[] = [];
      const ks: bigint[] = [];
      bases.forEach((base, i) => {
        const k = Fr.create(scalars[i] as bigint);
        if (base instanceof NobleFixedBase) acc = acc.add(base.mul(k));
        else if (k !== 0n && !base.is0()) {
          points.push(base);
          ks.push(k);
        }
      });
      if (points.length === 1) return acc.add(mul(points[0] as P, ks[0] as bigint));
      return points.length === 0 ? acc : acc.add(Point.msm(points, ks));
    },
    precompute(p: P) {
      if (p.is0()) return new NobleFixedBase(Point.ZERO, Point.ZERO);
      if (p.equals(Point.BASE)) return new NobleFixedBase(Point.BASE, Point.ZERO); // noble's own table
      const copy = new Point(p.X, p.Y, p.Z);
      copy.precompute(FIXED_BASE_WINDOW[name], false);
      return new NobleFixedBase(copy, Point.ZERO);
    },
    hashToCurve: (msg: Uint8Array, dst: Uint8Array | string) =>
      hashToCurve(msg, { DST: normalizeDst(dst) }) as P,
    toBytes: (p: P) => p.toBytes(true),
    fromBytes(bytes, options) {
      if (checkCompressed(name, bytes, options).kind === 'identity') return Point.ZERO;
      try {
        const point = Point.fromHex(bytes);
        point.assertValidity();
        return point;
      } catch (error) {
        throw invalidPoint(name, error);
      }
    },
  } as PointGroup<unknown>;
}

function nobleTargetGroup(): TargetGroup {
  const { Fp12 } = bls12_381.fields;
  let generator: Fp12 | undefined;
  return {
    one: Fp12.ONE as unknown as GT,
    get generator() {
      generator ??= bls12_381.pairing(bls12_381.G1.Point.BASE, bls12_381.G2.Point.BASE);
      return generator as unknown as GT;
    },
    mul: (a, b) => Fp12.mul(a as unknown as Fp12, b as unknown as Fp12) as unknown as GT,
    inv: (a) => Fp12.inv(a as unknown as Fp12) as unknown as GT,
    pow: (a, k) => Fp12.pow(a as unknown as Fp12, Fr.create(k)) as unknown as GT,
    eq: (a, b) => Fp12.eql(a as unknown as Fp12, b as unknown as Fp12),
    isOne: (a) => Fp12.eql(a as unknown as Fp12, Fp12.ONE),
    toBytes: (a) => Fp12.toBytes(a as unknown as Fp12),
  };
}

type NobleG1 = WeierstrassPoint<bigint>;
type NobleG2 = WeierstrassPoint<ReturnType<typeof bls12_381.fields.Fp2.create>>;

function multiPairing(pairs: readonly PairingInput[]): GT {
  const live = pairs
    .map(([p, q]) => ({ g1: p as unknown as NobleG1, g2: q as unknown as NobleG2 }))
    .filter(({ g1, g2 }) => !g1.is0() && !g2.is0());
  // noble throws on an identity point; its pairing is 1, so leaving it out is the same product.
  const result = live.length === 0 ? bls12_381.fields.Fp12.ONE : bls12_381.pairingBatch(live);
  return result as unknown as GT;
}

let instance: Bls12381 | undefined;

/** The @noble/curves backend. Synchronous: it needs no initialisation. */
export function nobleBackend(): Bls12381 {
  instance ??= Object.freeze({
    name: 'noble' as const,
    G1: nobleGroup('G1', bls12_381.G1.Point, bls12_381.G1.hashToCurve) as PointGroup<G1>,
    G2: nobleGroup('G2', bls12_381.G2.Point, bls12_381.G2.hashToCurve) as PointGroup<G2>,
    GT: nobleTargetGroup(),
    pairing: (p: G1, q: G2) => multiPairing([[p, q]]),
    multiPairing,
    pairingProductIsOne: (pairs: readonly PairingInput[]) =>
      bls12_381.fields.Fp12.eql(multiPairing(pairs) as unknown as Fp12, bls12_381.fields.Fp12.ONE),
  });
  return instance;
}
