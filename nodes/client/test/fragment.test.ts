import fc from 'fast-check';
import {
  decodeFragment,
  decodeFragmentId,
  encodeFragment,
  encodeFragmentId,
  type Fragment,
  fragmentKey,
} from '../src/chunking/fragment';
import { ClientError } from '../src/errors';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('fragment headers (nym-sphinx-chunking fragment.rs)', () => {
  it('writes the 7-byte unlinked header', () => {
    // flag bit ‖ 12345 as 31 bits, 10 fragments, this is the 5th, no link
    const bytes = encodeFragment({ setId: 12345, total: 10, position: 5, payload: Uint8Array.of(0xaa) });
    expect(hex(bytes)).toBe('800030390a0500aa');
  });

  it("writes the 10-byte linked headers of a set's first and 255th fragments", () => {
    const first = encodeFragment({
      setId: 12345,
      total: 10,
      position: 1,
      previousSetId: 1234,
      payload: new Uint8Array(),
    });
    expect(hex(first)).toBe('800030390a01800004d2');
    const last = encodeFragment({
      setId: 0x7fffffff,
      total: 255,
      position: 255,
      nextSetId: 1,
      payload: new Uint8Array(),
    });
    expect(hex(last)).toBe('ffffffffffff80000001');
  });

  it('round-trips every valid header', () => {
    const fragment = fc
      .record({
        setId: fc.integer({ min: 1, max: 0x7fffffff }),
        total: fc.integer({ min: 1, max: 255 }),
        link: fc.integer({ min: 1, max: 0x7fffffff }),
        kind: fc.constantFrom('none', 'previous', 'next'),
        payload: fc.uint8Array({ maxLength: 64 }),
        position: fc.integer({ min: 1, max: 255 }),
      })
      .map(({ setId, total, link, kind, payload, position }): Fragment => {
        const linked = link === setId ? (link % 0x7fffffff) + 1 : link;
        if (kind === 'previous') return { setId, total, position: 1, previousSetId: linked, payload };
        if (kind === 'next') return { setId, total: 255, position: 255, nextSetId: linked, payload };
        return { setId, total, position: Math.min(position, total), payload };
      });
    fc.assert(fc.property(fragment, (f) => expect(decodeFragment(encodeFragment(f))).toEqual(f)));
  });

  it('refuses malformed headers with a drop error, never anything else', () => {
    const cases = [
      '8000303905', // too short
      '000030390a0500', // no flag bit
      '800030390005', // total 0 (and short)
      '800030390a0000', // position 0
      '800030390a0b00', // position 11 of 10
      '800030390a0580', // linked byte set but too short
      '800030390a0580000001', // fragment 5 cannot be linked
      '800030390a01010004d2', // link without its flag bit
      '800030390a0180003039', // linked to itself
      '800000000a0500', // set id 0
    ];
    for (const text of cases) {
      let error: unknown;
      try {
        decodeFragment(Buffer.from(text, 'hex'));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ClientError);
      expect((error as ClientError).action).toBe('drop');
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        try {
          decodeFragment(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(ClientError);
        }
      }),
    );
  });

  it('encodes fragment identifiers as set id (i32 BE) ‖ position', () => {
    expect(hex(encodeFragmentId({ setId: 0x01020304, position: 9 }))).toBe('0102030409');
    expect(decodeFragmentId(Uint8Array.of(0x7f, 0xff, 0xff, 0xff, 255))).toEqual({
      setId: 0x7fffffff,
      position: 255,
    });
    expect(() => decodeFragmentId(Uint8Array.of(0x80, 0, 0, 1, 1))).toThrow(/negative/);
    expect(fragmentKey({ setId: 3, position: 2 })).toBe(3 * 256 + 2);
  });
});
