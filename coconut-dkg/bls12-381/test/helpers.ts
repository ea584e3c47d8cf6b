// Test-only helpers: load both backends once, and build encodings without either backend.
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bytesToHex, hexToBytes, numberToBytesBE } from '@noble/curves/utils.js';
import { BACKEND_NAMES, loadBackend, type BackendName, type Bls12381 } from '../src';
import { FIELD_MODULUS } from '../src/encoding';

export { bytesToHex, hexToBytes };

export async function loadAll(): Promise<Record<BackendName, Bls12381>> {
  const entries = await Promise.all(
    BACKEND_NAMES.map(async (name) => [name, await loadBackend(name)] as const),
  );
  return Object.fromEntries(entries) as Record<BackendName, Bls12381>;
}

const HALF = (FIELD_MODULUS - 1n) / 2n;

function fp(value: bigint): Uint8Array {
  return numberToBytesBE(value, 48);
}

/** ZCash compressed G1: x big-endian, 0x80 compressed, 0x20 when y is the larger root. */
export function compressG1(x: bigint, y: bigint): Uint8Array {
  const bytes = fp(x);
  bytes[0] = (bytes[0] as number) | 0x80 | (y > HALF ? 0x20 : 0);
  return bytes;
}

/** ZCash compressed G2: x.c1 ‖ x.c0; the sign comes from y.c1, or y.c0 when y.c1 = 0. */
export function compressG2(x: { c0: bigint; c1: bigint }, y: { c0: bigint; c1: bigint }): Uint8Array {
  const bytes = new Uint8Array(96);
  bytes.set(fp(x.c1), 0);
  bytes.set(fp(x.c0), 48);
  const larger = y.c1 !== 0n ? y.c1 > HALF : y.c0 > HALF;
  bytes[0] = (bytes[0] as number) | 0x80 | (larger ? 0x20 : 0);
  return bytes;
}

const { Fp, Fp2 } = bls12_381.fields;

function sqrtOrUndefined<T>(sqrt: (value: T) => T, value: T): T | undefined {
  try {
    return sqrt(value);
  } catch {
    return undefined;
  }
}

/** The first x ≥ start whose y² = x³ + 4 has a root: a point on E(Fp), almost surely outside G1. */
export function g1CurvePointOutsideSubgroup(start: bigint): Uint8Array {
  for (let x = start; ; x++) {
    const y = sqrtOrUndefined((v: bigint) => Fp.sqrt(v), Fp.add(Fp.pow(x, 3n), 4n));
    if (y !== undefined) return compressG1(x, y);
  }
}

/** The first x ≥ start with no root of x³ + 4: not on the curve at all. */
export function g1NonCurveX(start: bigint): Uint8Array {
  for (let x = start; ; x++) {
    const y = sqrtOrUndefined((v: bigint) => Fp.sqrt(v), Fp.add(Fp.pow(x, 3n), 4n));
    if (y === undefined) return compressG1(x, 0n);
  }
}

/** A point on E'(Fp2): y² = x³ + 4(1 + i), almost surely outside G2. */
export function g2CurvePointOutsideSubgroup(start: bigint): Uint8Array {
  const b = Fp2.fromBigTuple([4n, 4n]);
  for (let c0 = start; ; c0++) {
    const x = Fp2.fromBigTuple([c0, 1n]);
    const y = sqrtOrUndefined((v: typeof x) => Fp2.sqrt(v), Fp2.add(Fp2.mul(Fp2.sqr(x), x), b));
    if (y !== undefined) return compressG2({ c0, c1: 1n }, { c0: y.c0, c1: y.c1 });
  }
}

export function ascii(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
