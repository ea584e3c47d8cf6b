// Scalars mod r as bigints. Nothing here depends on a backend: both backends and every caller
// share one definition of encodings, hashing and randomness.
import { randomBytes } from 'node:crypto';
import { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
import { invert, mod, pow } from '@noble/curves/abstract/modular.js';
import { bytesToNumberBE, bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Bls12381Error } from './errors';
import type { Scalar } from './types';

/** r, the order of G1, G2 and GT. */
export const CURVE_ORDER = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;

/** A source of uniformly random bytes. Production code uses `systemRandomBytes`. */
export type RandomBytes = (length: number) => Uint8Array;

export const systemRandomBytes: RandomBytes = (length) => new Uint8Array(randomBytes(length));

const SCALAR_BYTES = 32;
/** 48 bytes = ceil((255 + 128) / 8): RFC 9380's L for k = 128, so reduction mod r is unbiased. */
const WIDE_BYTES = 48;
/** Wider than L: a 512-bit sample leaves a bias below 2^-256 after reduction. */
const RANDOM_BYTES = 64;
const MAX_DST_BYTES = 255;
const OVERSIZE_DST_PREFIX = new TextEncoder().encode('H2C-OVERSIZE-DST-');

/**
 * RFC 9380 §5.3.3: a DST longer than 255 bytes is replaced by its hash. Done here, once, so the
 * backends all receive the same short DST.
 */
export function normalizeDst(dst: Uint8Array | string): Uint8Array {
  const bytes = typeof dst === 'string' ? new TextEncoder().encode(dst) : dst;
  if (bytes.length === 0) throw new Bls12381Error('bad-argument', 'a hashing DST must not be empty');
  if (bytes.length <= MAX_DST_BYTES) return bytes;
  const joined = new Uint8Array(OVERSIZE_DST_PREFIX.length + bytes.length);
  joined.set(OVERSIZE_DST_PREFIX);
  joined.set(bytes, OVERSIZE_DST_PREFIX.length);
  return sha256(joined);
}

function reduce(x: bigint): Scalar {
  return mod(x, CURVE_ORDER);
}

export const Fr = {
  ORDER: CURVE_ORDER,
  BYTES: SCALAR_BYTES,
  /** Any bigint to its canonical value in [0, r). */
  create: reduce,
  add: (a: Scalar, b: Scalar): Scalar => reduce(a + b),
  sub: (a: Scalar, b: Scalar): Scalar => reduce(a - b),
  mul: (a: Scalar, b: Scalar): Scalar => reduce(a * b),
  neg: (a: Scalar): Scalar => reduce(-a),
  eq: (a: Scalar, b: Scalar): boolean => reduce(a) === reduce(b),
  /** aᵉ mod r for a non-negative exponent e. */
  pow(a: Scalar, e: bigint): Scalar {
    if (e < 0n) throw new Bls12381Error('bad-argument', 'a scalar exponent must not be negative');
    return pow(reduce(a), e, CURVE_ORDER);
  },
  inv(a: Scalar): Scalar {
    const x = reduce(a);
    if (x === 0n) throw new Bls12381Error('bad-argument', 'zero has no inverse mod r');
    return invert(x, CURVE_ORDER);
  },

  /** 32 bytes, little-endian (Nym's and zkcrypto's `Scalar::to_bytes`). */
  toBytes(a: Scalar): Uint8Array {
    return numberToBytesLE(reduce(a), SCALAR_BYTES);
  },

  /** Strict: exactly 32 bytes, little-endian, value below r; anything else is refused. */
  fromBytes(bytes: Uint8Array): Scalar {
    if (bytes.length !== SCALAR_BYTES) {
      throw new Bls12381Error('bad-length', `a scalar is ${SCALAR_BYTES} bytes, got ${bytes.length}`, {
        expected: SCALAR_BYTES,
        actual: bytes.length,
      });
    }
    const value = bytesToNumberLE(bytes);
    if (value >= CURVE_ORDER) {
      throw new Bls12381Error('scalar-out-of-range', 'scalar encoding is not below the group order r');
    }
    return value;
  },

  /** A uniform scalar from `rng` (node:crypto unless a test injects a seeded source). */
  random(rng: RandomBytes = systemRandomBytes): Scalar {
    const bytes = rng(RANDOM_BYTES);
    if (bytes.length !== RANDOM_BYTES) {
      throw new Bls12381Error('bad-argument', `the rng returned ${bytes.length} bytes, not ${RANDOM_BYTES}`);
    }
    return reduce(bytesToNumberBE(bytes));
  },

  /**
   * RFC 9380 hash_to_field over Fr with count 1: expand_message_xmd(SHA-256) to 48 bytes, read
   * big-endian, reduced mod r. This is Nym's `hash_to_scalar` when given its DST.
   */
  hashToScalar(msg: Uint8Array, dst: Uint8Array | string): Scalar {
    return scalarFromWideBytes(expand_message_xmd(msg, normalizeDst(dst), WIDE_BYTES, sha256));
  },
};

/** The last step of hash_to_field: 48 uniform bytes, big-endian, mod r. */
export function scalarFromWideBytes(okm: Uint8Array): Scalar {
  if (okm.length !== WIDE_BYTES) {
    throw new Bls12381Error('bad-length', `hash_to_field output is ${WIDE_BYTES} bytes, got ${okm.length}`);
  }
  return reduce(bytesToNumberBE(okm));
}

/**
 * Lagrange coefficients at x = 0 for the given evaluation points: λᵢ = Π_{j≠i} xⱼ / (xⱼ − xᵢ).
 * Σ λᵢ·f(xᵢ) = f(0) for any f of degree below the number of points, on scalars and points alike.
 */
export function lagrangeAtZero(indices: readonly bigint[]): Scalar[] {
  if (indices.length === 0)
    throw new Bls12381Error('bad-argument', 'Lagrange interpolation needs at least one point');
  const xs = indices.map(reduce);
  const seen = new Set<bigint>();
  for (const x of xs) {
    if (x === 0n) throw new Bls12381Error('bad-argument', 'an interpolation index must not be 0 mod r');
    if (seen.has(x)) throw new Bls12381Error('bad-argument', `interpolation index ${x} appears twice`);
    seen.add(x);
  }
  return xs.map((xi, i) => {
    let numerator = 1n;
    let denominator = 1n;
    xs.forEach((xj, j) => {
      if (j === i) return;
      numerator = reduce(numerator * xj);
      denominator = reduce(denominator * (xj - xi));
    });
    return reduce(numerator * invert(denominator, CURVE_ORDER));
  });
}

/** f(x) for f = Σ coefficients[k]·x^k (Horner's rule). */
export function evaluatePolynomial(coefficients: readonly Scalar[], x: bigint): Scalar {
  let acc = 0n;
  for (let k = coefficients.length - 1; k >= 0; k--) acc = reduce(acc * x + (coefficients[k] as bigint));
  return acc;
}
