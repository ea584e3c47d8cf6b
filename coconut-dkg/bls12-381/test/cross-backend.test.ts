// The same inputs through both backends must give byte-identical outputs: noble is the reference.
import fc from 'fast-check';
import { CURVE_ORDER, type Bls12381, type G1, type G2, type PointGroup } from '../src';
import { bytesToHex, loadAll } from './helpers';

let fast: Bls12381;
let noble: Bls12381;
beforeAll(async () => {
  ({ mcl: fast, noble } = await loadAll());
});

const scalar = fc.oneof(
  fc.bigInt({ min: 0n, max: CURVE_ORDER - 1n }),
  fc.constantFrom(0n, 1n, CURVE_ORDER - 1n),
  fc.bigInt({ min: -(1n << 300n), max: 1n << 300n }),
);
const RUNS = { numRuns: 6 };

type GroupName = 'G1' | 'G2';
const group = (backend: Bls12381, name: GroupName) => backend[name] as PointGroup<unknown>;
const hexOf = (backend: Bls12381, name: GroupName, point: unknown) =>
  bytesToHex(group(backend, name).toBytes(point));

/** The same point on both backends, made from a scalar multiple of the generator. */
function pointOn(backend: Bls12381, name: 'G1', k: bigint): G1;
function pointOn(backend: Bls12381, name: 'G2', k: bigint): G2;
function pointOn(backend: Bls12381, name: GroupName, k: bigint): unknown;
function pointOn(backend: Bls12381, name: GroupName, k: bigint): unknown {
  const g = group(backend, name);
  return g.mul(g.generator, k);
}

describe.each(['G1', 'G2'] as const)('%s: mcl agrees with noble', (name) => {
  it('on the generator, multiplication, addition, subtraction and negation', () => {
    expect(hexOf(fast, name, group(fast, name).generator)).toBe(
      hexOf(noble, name, group(noble, name).generator),
    );
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        for (const backend of [fast, noble]) {
          const g = group(backend, name);
          const [p, q] = [pointOn(backend, name, a), pointOn(backend, name, b)];
          expect(g.eq(g.add(p, q), pointOn(backend, name, a + b))).toBe(true);
          expect(g.eq(g.sub(p, q), pointOn(backend, name, a - b))).toBe(true);
          expect(g.eq(g.neg(p), pointOn(backend, name, -a))).toBe(true);
        }
        expect(hexOf(fast, name, pointOn(fast, name, a))).toBe(hexOf(noble, name, pointOn(noble, name, a)));
      }),
      RUNS,
    );
  });

  it('on multi-scalar multiplication with plain and precomputed bases', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(scalar, scalar, fc.boolean()), { minLength: 0, maxLength: 5 }),
        (terms) => {
          const results = [fast, noble].map((backend) => {
            const g = group(backend, name);
            const bases = terms.map(([base, , fixed]) => {
              const point = pointOn(backend, name, base);
              return fixed ? g.precompute(point) : point;
            });
            const msm = g.msm(
              bases,
              terms.map(([, k]) => k),
            );
            const expected = terms.reduce((acc, [base, k]) => acc + base * k, 0n);
            expect(g.eq(msm, pointOn(backend, name, expected))).toBe(true);
            return hexOf(backend, name, msm);
          });
          expect(results[0]).toBe(results[1]);
        },
      ),
      RUNS,
    );
  });

  it('on fixed-base multiplication, the generator and the identity included', () => {
    fc.assert(
      fc.property(scalar, scalar, (base, k) => {
        const results = [fast, noble].map((backend) => {
          const g = group(backend, name);
          for (const point of [pointOn(backend, name, base), g.generator, g.zero]) {
            expect(g.eq(g.precompute(point).mul(k), g.mul(point, k))).toBe(true);
          }
          return hexOf(backend, name, g.precompute(pointOn(backend, name, base)).mul(k));
        });
        expect(results[0]).toBe(results[1]);
      }),
      RUNS,
    );
  });

  it('on hashing with arbitrary messages and DSTs, oversized DSTs included', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 80 }),
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        (msg, dst) => {
          expect(hexOf(fast, name, group(fast, name).hashToCurve(msg, dst))).toBe(
            hexOf(noble, name, group(noble, name).hashToCurve(msg, dst)),
          );
        },
      ),
      RUNS,
    );
  });

  it('on which byte strings decode', () => {
    fc.assert(
      fc.property(scalar, fc.nat(), fc.integer({ min: 0, max: 255 }), (k, position, value) => {
        const bytes = group(noble, name).toBytes(pointOn(noble, name, k));
        bytes[position % bytes.length] = value;
        const outcome = (backend: Bls12381) => {
          try {
            return hexOf(backend, name, group(backend, name).fromBytes(bytes, { allowIdentity: true }));
          } catch (error) {
            return (error as { code?: string }).code ?? 'threw';
          }
        };
        expect(outcome(fast)).toBe(outcome(noble));
      }),
      { numRuns: 20 },
    );
  });
});

describe('pairings: mcl agrees with noble', () => {
  it('gives the same GT bytes, and is bilinear', () => {
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        const results = [fast, noble].map((backend) => {
          const e = backend.pairing(pointOn(backend, 'G1', a), pointOn(backend, 'G2', b));
          expect(backend.GT.eq(e, backend.GT.pow(backend.GT.generator, a * b))).toBe(true);
          return bytesToHex(backend.GT.toBytes(e));
        });
        expect(results[0]).toBe(results[1]);
      }),
      { numRuns: 3 },
    );
  });

  it('multi-pairs with one final exponentiation, identities contributing 1', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(scalar, scalar), { minLength: 1, maxLength: 3 }), (pairs) => {
        const results = [fast, noble].map((backend) => {
          const product = backend.multiPairing(
            pairs.map(([a, b]) => [pointOn(backend, 'G1', a), pointOn(backend, 'G2', b)] as const),
          );
          const exponent = pairs.reduce((acc, [a, b]) => acc + a * b, 0n);
          expect(backend.GT.eq(product, backend.GT.pow(backend.GT.generator, exponent))).toBe(true);
          return bytesToHex(backend.GT.toBytes(product));
        });
        expect(results[0]).toBe(results[1]);
      }),
      { numRuns: 3 },
    );
  });

  it.each(['mcl', 'noble'] as const)('%s: decides pairing-product equations', (name) => {
    const backend = name === 'mcl' ? fast : noble;
    const [a, b] = [0x1234n, 0xabcdefn];
    const { G1, G2 } = backend;
    const aP = G1.mul(G1.generator, a);
    const bQ = G2.mul(G2.generator, b);
    // e(a·g1, b·g2) · e(−ab·g1, g2) = 1, and not with a wrong exponent.
    expect(
      backend.pairingProductIsOne([
        [aP, bQ],
        [G1.mul(G1.generator, -a * b), G2.generator],
      ]),
    ).toBe(true);
    expect(
      backend.pairingProductIsOne([
        [aP, bQ],
        [G1.mul(G1.generator, -a * b + 1n), G2.generator],
      ]),
    ).toBe(false);
    expect(
      backend.pairingProductIsOne([
        [G1.zero, bQ],
        [aP, G2.zero],
      ]),
    ).toBe(true);
    expect(backend.pairingProductIsOne([])).toBe(true);
    expect(backend.GT.isOne(backend.pairing(G1.zero, bQ))).toBe(true);
  });

  it.each(['mcl', 'noble'] as const)('%s: GT multiplication, inversion and powers are consistent', (name) => {
    const { GT } = name === 'mcl' ? fast : noble;
    const x = GT.pow(GT.generator, 7n);
    expect(GT.eq(GT.mul(x, GT.inv(x)), GT.one)).toBe(true);
    expect(GT.eq(GT.mul(x, GT.generator), GT.pow(GT.generator, 8n))).toBe(true);
    expect(GT.eq(GT.pow(GT.generator, CURVE_ORDER), GT.one)).toBe(true);
    expect(GT.isOne(GT.one)).toBe(true);
    expect(GT.isOne(x)).toBe(false);
    expect(GT.toBytes(x).length).toBe(576);
  });
});

describe('mcl: inputs larger than one wasm stack frame', () => {
  it('splits long multi-scalar multiplications', () => {
    const { G1 } = fast;
    const count = 600;
    const bases = Array.from({ length: count }, (_, i) => G1.mul(G1.generator, BigInt(i + 1)));
    const scalars = Array.from({ length: count }, (_, i) => BigInt(3 * i + 7));
    const expected = scalars.reduce((acc, k, i) => acc + k * BigInt(i + 1), 0n);
    expect(G1.eq(G1.msm(bases, scalars), G1.mul(G1.generator, expected))).toBe(true);
  });

  it('splits long multi-pairings', () => {
    const { G1, G2, GT } = fast;
    const count = 70;
    const pairs = Array.from(
      { length: count },
      (_, i) => [G1.mul(G1.generator, BigInt(i + 2)), G2.generator] as const,
    );
    const exponent = Array.from({ length: count }, (_, i) => BigInt(i + 2)).reduce((a, b) => a + b);
    expect(GT.eq(fast.multiPairing(pairs), GT.pow(GT.generator, exponent))).toBe(true);
  });
});
