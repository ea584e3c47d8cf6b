import fc from 'fast-check';
import { CURVE_ORDER, Fr } from '@nymts/bls12-381';
import { CHUNK_WEIGHTS, combineChunks, shareToChunks } from '../src/chunks';
import { CHUNK_SIZE, NUM_CHUNKS } from '../src/constants';

const scalar = fc.bigInt({ min: 0n, max: CURVE_ORDER - 1n });

describe('share chunking', () => {
  it('cuts a share into 16 chunks below 2^16 that recombine to it', () => {
    fc.assert(
      fc.property(scalar, (share) => {
        const chunks = shareToChunks(share);
        expect(chunks).toHaveLength(NUM_CHUNKS);
        expect(chunks.every((chunk) => chunk >= 0n && chunk < BigInt(CHUNK_SIZE))).toBe(true);
        expect(combineChunks(chunks)).toBe(share);
      }),
    );
  });

  it('reads chunk j from bytes 2j and 2j + 1 of the little-endian encoding', () => {
    const share = 0x0102_0304n | (0x1eefn << 240n);
    const chunks = shareToChunks(share);
    expect(chunks[0]).toBe(0x0304n);
    expect(chunks[1]).toBe(0x0102n);
    expect(chunks[15]).toBe(0x1eefn);
    expect(chunks.slice(2, 15).every((chunk) => chunk === 0n)).toBe(true);
  });

  it('reduces recombined chunks mod r, so the in-range chunks of s + r still give s', () => {
    fc.assert(
      fc.property(scalar, (share) => {
        const unreduced = share + CURVE_ORDER;
        const chunks = Array.from({ length: NUM_CHUNKS }, (_, j) => (unreduced >> BigInt(16 * j)) & 0xffffn);
        expect(combineChunks(chunks)).toBe(share);
      }),
    );
  });

  it('weighs chunk j by 2^(16j)', () => {
    expect(CHUNK_WEIGHTS[0]).toBe(1n);
    expect(CHUNK_WEIGHTS[3]).toBe(1n << 48n);
    expect(CHUNK_WEIGHTS[15]).toBe(Fr.create(1n << 240n));
  });
});
