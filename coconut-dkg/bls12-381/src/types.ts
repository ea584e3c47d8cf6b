// The group backend's public shape. Points are opaque: each backend hands out its own objects,
// and a point from one backend must never be passed to another (convert through bytes).

declare const brand: unique symbol;

/** A point of G1 (the curve over Fp). */
export interface G1 {
  readonly [brand]: 'G1';
}
/** A point of G2 (the twist over Fp2). */
export interface G2 {
  readonly [brand]: 'G2';
}
/** An element of the target group GT, always after the final exponentiation. */
export interface GT {
  readonly [brand]: 'GT';
}

/**
 * A scalar mod r. Functions that take scalars accept any bigint and reduce it mod r (negative
 * values included); functions that return scalars return the canonical value in [0, r).
 */
export type Scalar = bigint;

/** A point prepared for repeated multiplication (a key's bases, the generators). */
export interface FixedBase<P> {
  readonly point: P;
  mul(k: Scalar): P;
}

export interface DecodeOptions {
  /** The identity decodes only when this is true; otherwise it is refused with code `identity`. */
  allowIdentity?: boolean;
}

export interface PointGroup<P> {
  readonly name: 'G1' | 'G2';
  /** Size of the ZCash compressed encoding: 48 for G1, 96 for G2. */
  readonly byteLength: number;
  readonly zero: P;
  readonly generator: P;
  add(a: P, b: P): P;
  sub(a: P, b: P): P;
  neg(a: P): P;
  eq(a: P, b: P): boolean;
  isZero(a: P): boolean;
  mul(p: P, k: Scalar): P;
  /** Σ kᵢ·Pᵢ in one multi-scalar multiplication; fixed bases use their tables. Empty sum = zero. */
  msm(bases: readonly (P | FixedBase<P>)[], scalars: readonly Scalar[]): P;
  precompute(p: P): FixedBase<P>;
  /** RFC 9380 hash_to_curve, suite BLS12381G{1,2}_XMD:SHA-256_SSWU_RO_, with the caller's DST. */
  hashToCurve(msg: Uint8Array, dst: Uint8Array | string): P;
  /** ZCash compressed encoding. */
  toBytes(p: P): Uint8Array;
  /**
   * Strict decoding: compressed form only, canonical flags and coordinates, on the curve and in
   * the prime-order subgroup. Throws `Bls12381Error`.
   */
  fromBytes(bytes: Uint8Array, options?: DecodeOptions): P;
}

export interface TargetGroup {
  readonly one: GT;
  /** e(g1, g2). */
  readonly generator: GT;
  mul(a: GT, b: GT): GT;
  inv(a: GT): GT;
  pow(a: GT, k: Scalar): GT;
  eq(a: GT, b: GT): boolean;
  isOne(a: GT): boolean;
  /**
   * 576 bytes: the twelve Fp coefficients big-endian, in the order @noble/curves writes them. The
   * same on every backend, so it can key tables (baby-step giant-step) and be compared in tests.
   */
  toBytes(a: GT): Uint8Array;
}

export type PairingInput = readonly [G1, G2];

export const BACKEND_NAMES = ['mcl', 'noble'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface Bls12381 {
  readonly name: BackendName;
  readonly G1: PointGroup<G1>;
  readonly G2: PointGroup<G2>;
  readonly GT: TargetGroup;
  pairing(p: G1, q: G2): GT;
  /** Π e(Pᵢ, Qᵢ) with one shared final exponentiation. Pairs with an identity contribute 1. */
  multiPairing(pairs: readonly PairingInput[]): GT;
  /** Whether Π e(Pᵢ, Qᵢ) = 1: the form every verification equation here takes. */
  pairingProductIsOne(pairs: readonly PairingInput[]): boolean;
}
