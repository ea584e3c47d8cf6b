// Arithmetic on Curve25519 scalars modulo the prime group order ℓ, for Nym's legacy (unclamped)
// blinding and for the sender's key accumulator.

/** ℓ = 2^252 + 27742317777372353535851937790883648493. */
export const GROUP_ORDER = (1n << 252n) + 27742317777372353535851937790883648493n;

export function bytesToBigIntLE(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] as number);
  return value;
}

export function bigIntToBytesLE(value: bigint, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let rest = value;
  for (let i = 0; i < length; i++) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}

export function mod(value: bigint, modulus: bigint): bigint {
  const r = value % modulus;
  return r < 0n ? r + modulus : r;
}

/** `Scalar::from_bytes_mod_order`: the 32 bytes as a little-endian integer, reduced mod ℓ. */
export function reduceModOrder(bytes: Uint8Array): bigint {
  return mod(bytesToBigIntLE(bytes), GROUP_ORDER);
}

/** RFC 7748 decodeScalar25519: clear bits 0–2 and 255, set bit 254. */
export function clampScalar(bytes: Uint8Array): Uint8Array {
  const clamped = Uint8Array.from(bytes);
  clamped[0] = (clamped[0] as number) & 248;
  clamped[31] = ((clamped[31] as number) & 127) | 64;
  return clamped;
}

/** The integer X25519 multiplies by for these scalar bytes. */
export function clampedScalarValue(bytes: Uint8Array): bigint {
  return bytesToBigIntLE(clampScalar(bytes));
}

const TWO_254 = 1n << 254n;
const TWO_251 = 1n << 251n;
const INVERSE_OF_8 = modPow(8n, GROUP_ORDER - 2n, GROUP_ORDER);

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = mod(base, modulus);
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

function clampedFormCongruentTo(k: bigint): Uint8Array | undefined {
  const m = mod((k - TWO_254) * INVERSE_OF_8, GROUP_ORDER);
  return m < TWO_251 ? bigIntToBytesLE(TWO_254 + 8n * m, 32) : undefined;
}

/**
 * A scalar c that X25519 leaves unchanged by clamping (c = 2^254 + 8m, 0 ≤ m < 2^251) with
 * c ≡ ±k (mod ℓ). For a point P of order ℓ, u(c·P) = u(k·P) because u(−Q) = u(Q). One of the
 * two signs fits except with probability about 2^-125, when this returns undefined.
 */
export function clampedRepresentative(k: bigint): Uint8Array | undefined {
  return clampedFormCongruentTo(k) ?? clampedFormCongruentTo(mod(-k, GROUP_ORDER));
}
