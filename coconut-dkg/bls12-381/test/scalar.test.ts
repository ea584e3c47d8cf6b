import fc from 'fast-check';
import vectors from './vectors/hash-to-scalar.json';
import { Bls12381Error, CURVE_ORDER, Fr, evaluatePolynomial, lagrangeAtZero } from '../src';
import { scalarFromWideBytes } from '../src/scalar';
import { ascii, hexToBytes } from './helpers';

const scalar = fc.bigInt({ min: 0n, max: CURVE_ORDER - 1n });

describe('scalar encoding', () => {
  it('round-trips 32-byte little-endian encodings', () => {
    fc.assert(fc.property(scalar, (x) => Fr.fromBytes(Fr.toBytes(x)) === x));
    expect(Fr.toBytes(1n)[0]).toBe(1);
    expect(Fr.toBytes(1n)[31]).toBe(0);
  });

  it('refuses values ≥ r and wrong lengths', () => {
    const r = Fr.toBytes(0n);
    let v = CURVE_ORDER;
    for (let i = 0; i < 32; i++, v >>= 8n) r[i] = Number(v & 0xffn);
    expect(() => Fr.fromBytes(r)).toThrow(expect.objectContaining({ code: 'scalar-out-of-range' }));
    expect(() => Fr.fromBytes(new Uint8Array(32).fill(0xff))).toThrow(Bls12381Error);
    expect(Fr.fromBytes(Fr.toBytes(CURVE_ORDER - 1n))).toBe(CURVE_ORDER - 1n);
    expect(() => Fr.fromBytes(new Uint8Array(31))).toThrow(expect.objectContaining({ code: 'bad-length' }));
    expect(() => Fr.fromBytes(new Uint8Array(33))).toThrow(expect.objectContaining({ code: 'bad-length' }));
  });

  it('reduces any bigint, negative ones included', () => {
    expect(Fr.create(-1n)).toBe(CURVE_ORDER - 1n);
    expect(Fr.create(CURVE_ORDER + 5n)).toBe(5n);
    fc.assert(fc.property(scalar, scalar, (a, b) => Fr.add(Fr.sub(a, b), b) === a));
    fc.assert(
      fc.property(
        scalar.filter((x) => x !== 0n),
        (a) => Fr.mul(a, Fr.inv(a)) === 1n,
      ),
    );
    expect(() => Fr.inv(0n)).toThrow(Bls12381Error);
    expect(Fr.pow(3n, 4n)).toBe(81n);
    expect(Fr.pow(-1n, CURVE_ORDER - 1n)).toBe(1n);
    expect(() => Fr.pow(2n, -1n)).toThrow(Bls12381Error);
  });
});

describe('hash_to_scalar', () => {
  it.each(vectors.wide_reduction.map((v) => [v.okm_ascii ?? v.okm_hex, v] as const))(
    'reduces 48 bytes %s big-endian mod r',
    (_, vector) => {
      const okm = vector.okm_ascii !== undefined ? ascii(vector.okm_ascii) : hexToBytes(vector.okm_hex!);
      expect(scalarFromWideBytes(okm)).toBe(BigInt(`0x${vector.scalar_be}`));
    },
  );

  it.each(vectors.hash_to_scalar.vectors.map((v) => [v.msg, v] as const))('hashes "%s"', (_, vector) => {
    expect(Fr.hashToScalar(ascii(vector.msg), vectors.hash_to_scalar.dst)).toBe(
      BigInt(`0x${vector.scalar_be}`),
    );
  });

  it('separates domains', () => {
    expect(Fr.hashToScalar(ascii('x'), 'A')).not.toBe(Fr.hashToScalar(ascii('x'), 'B'));
  });
});

describe('random scalars', () => {
  it('come from the given byte source and fall below r', () => {
    const rng = (length: number) => new Uint8Array(length).fill(0xff);
    expect(Fr.random(rng)).toBe(((1n << 512n) - 1n) % CURVE_ORDER);
    expect(Fr.random()).toBeLessThan(CURVE_ORDER);
    expect(Fr.random()).not.toBe(Fr.random());
  });

  it('refuse a source that returns the wrong number of bytes', () => {
    expect(() => Fr.random((n) => new Uint8Array(n - 1))).toThrow(Bls12381Error);
  });
});

describe('Lagrange interpolation at zero', () => {
  const interpolate = (f: (x: bigint) => bigint, xs: bigint[]) => {
    const lambdas = lagrangeAtZero(xs);
    return lambdas.reduce((acc, lambda, i) => Fr.add(acc, Fr.mul(lambda, f(xs[i] as bigint))), 0n);
  };

  // The polynomials of Nym's own tests (nymcoconut utils.rs).
  it('recovers f(0) for the reference polynomials', () => {
    expect(interpolate((x) => x ** 2n + 3n, [1n, 2n, 3n])).toBe(3n);
    expect(interpolate((x) => Fr.create(x ** 3n + 3n * x ** 2n - 5n * x + 11n), [1n, 2n, 3n, 4n])).toBe(11n);
    expect(interpolate((x) => x ** 2n + x + 10n, [1n, 2n, 3n, 4n, 5n])).toBe(10n);
  });

  it('recovers the constant term of a random polynomial from any large enough subset', () => {
    fc.assert(
      fc.property(
        fc.array(scalar, { minLength: 1, maxLength: 6 }),
        fc.uniqueArray(fc.bigInt({ min: 1n, max: 1000n }), { minLength: 6, maxLength: 10 }),
        (coefficients, xs) => interpolate((x) => evaluatePolynomial(coefficients, x), xs) === coefficients[0],
      ),
    );
  });

  it('refuses empty, zero and repeated indices', () => {
    expect(() => lagrangeAtZero([])).toThrow(Bls12381Error);
    expect(() => lagrangeAtZero([1n, 0n])).toThrow(/must not be 0/);
    expect(() => lagrangeAtZero([1n, CURVE_ORDER])).toThrow(/must not be 0/);
    expect(() => lagrangeAtZero([2n, 3n, 2n])).toThrow(/twice/);
  });
});
