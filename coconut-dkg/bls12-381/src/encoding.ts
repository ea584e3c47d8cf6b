// The ZCash compressed point format, checked byte by byte before any backend parses it, so that
// both backends refuse exactly the same inputs (mcl accepts an identity with stray bits set,
// noble an identity with the sort flag set; neither is canonical).
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { Bls12381Error } from './errors';
import type { DecodeOptions } from './types';

/** p, the base field modulus. */
export const FIELD_MODULUS =
  0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaabn;

const FP_BYTES = 48;
const COMPRESSED = 0x80;
const INFINITY = 0x40;
const FLAG_MASK = 0xe0;

export const G1_BYTES = FP_BYTES;
export const G2_BYTES = 2 * FP_BYTES;

export type EncodedPoint = { kind: 'identity' } | { kind: 'point' };

function fieldElementIsCanonical(bytes: Uint8Array, offset: number, clearFlags: boolean): boolean {
  const slice = bytes.slice(offset, offset + FP_BYTES);
  if (clearFlags) slice[0] = (slice[0] as number) & ~FLAG_MASK;
  return bytesToNumberBE(slice) < FIELD_MODULUS;
}

/**
 * Checks the flags and coordinate ranges of a compressed G1 (48-byte) or G2 (96-byte) encoding and
 * says whether it is the identity; curve and subgroup membership are the backend's to check.
 */
export function checkCompressed(
  group: 'G1' | 'G2',
  bytes: Uint8Array,
  options: DecodeOptions = {},
): EncodedPoint {
  const expected = group === 'G1' ? G1_BYTES : G2_BYTES;
  if (bytes.length !== expected) {
    throw new Bls12381Error(
      'bad-length',
      `a compressed ${group} point is ${expected} bytes, got ${bytes.length}`,
      {
        group,
        expected,
        actual: bytes.length,
      },
    );
  }
  const first = bytes[0] as number;
  if ((first & COMPRESSED) === 0) {
    throw new Bls12381Error('bad-encoding', `${group} point is not in compressed form`, { group });
  }
  if ((first & INFINITY) !== 0) {
    const canonical = first === (COMPRESSED | INFINITY) && bytes.every((byte, i) => i === 0 || byte === 0);
    if (!canonical)
      throw new Bls12381Error('bad-encoding', `non-canonical ${group} identity encoding`, { group });
    if (!options.allowIdentity) {
      throw new Bls12381Error('identity', `${group} identity is not accepted here`, { group });
    }
    return { kind: 'identity' };
  }
  // G2 is written x.c1 ‖ x.c0, the flags living in the top bits of x.c1.
  const canonical =
    fieldElementIsCanonical(bytes, 0, true) &&
    (group === 'G1' || fieldElementIsCanonical(bytes, FP_BYTES, false));
  if (!canonical) {
    throw new Bls12381Error('bad-encoding', `${group} x-coordinate is not below the field modulus`, {
      group,
    });
  }
  return { kind: 'point' };
}

export function invalidPoint(group: 'G1' | 'G2', cause: unknown): Bls12381Error {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new Bls12381Error('invalid-point', `${group} encoding is not a point of the prime-order subgroup`, {
    group,
    detail,
  });
}
