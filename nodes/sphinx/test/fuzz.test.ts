import fc from 'fast-check';
import {
  createForwardPacket,
  PACKET_SIZES,
  processPacket,
  SphinxError,
  SUPPORTED_VERSIONS,
} from '../src/index';
import { noble, node, toHex } from './helpers/primitive-sets';
import { makeRoute } from './helpers/routes';

const { keyPairs, route } = makeRoute(3, 'fuzz');
const destination = new Uint8Array(32).fill(0xdd);
const valid = SUPPORTED_VERSIONS.map((version) =>
  createForwardPacket({
    route,
    destination,
    delaysNanos: [1n, 2n, 3n],
    message: new TextEncoder().encode('fuzz me'),
    packetSize: PACKET_SIZES.ack,
    version,
  }),
);
const firstKey = keyPairs[0]!.privateKey;

/** processPacket's contract: a result, or a SphinxError; never any other exception. */
function outcome(packet: Uint8Array, key = firstKey, primitives = node): string {
  try {
    return processPacket(packet, key, { primitives }).kind;
  } catch (error) {
    if (!(error instanceof SphinxError)) throw error;
    return error.code;
  }
}

const sizes = Object.values(PACKET_SIZES).map((size) => size.totalSize);

describe('fuzzing the packet parser and processor', () => {
  test('random bytes of random lengths are refused with a SphinxError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        expect(outcome(bytes)).not.toMatch(/^(forward|final)$/);
      }),
      { numRuns: 300 },
    );
  });

  test('random bytes of every Sphinx size are refused (bad MAC or low-order α)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sizes.filter((size) => size < 20000)), fc.integer(), (size, seed) => {
        const bytes = Uint8Array.from({ length: size }, (_, i) => (seed * 2654435761 + i * 40503) >>> 13);
        expect(['bad_mac', 'malformed']).toContain(outcome(bytes));
      }),
      { numRuns: 100 },
    );
  });

  test('any change to γ, β or the low 255 bits of α is refused, with either primitive set', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.integer({ min: 0, max: 347 }),
        fc.integer({ min: 1, max: 255 }),
        fc.boolean(),
        (packet, index, mask, useNoble) => {
          const mutated = Uint8Array.from(packet);
          mutated[index] ^= index === 31 ? mask & 0x7f || 1 : mask;
          expect(outcome(mutated, firstKey, useNoble ? noble : node)).toMatch(/^(bad_mac|malformed)$/);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('changed payload bytes pass the header (Sphinx payloads are not authenticated) but never crash a hop', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.integer({ min: 348, max: 385 }),
        fc.integer({ min: 1, max: 255 }),
        (packet, index, mask) => {
          const mutated = Uint8Array.from(packet);
          mutated[index] ^= mask;
          expect(outcome(mutated)).toBe('forward');
        },
      ),
      { numRuns: 50 },
    );
  });

  test("α's top bit is ignored by X25519: the flipped packet unwraps with the same replay tag, so a replay filter still catches it", () => {
    const packet = valid[3]!;
    const flipped = Uint8Array.from(packet);
    flipped[31] ^= 0x80;
    const original = processPacket(packet, firstKey);
    const copy = processPacket(flipped, firstKey);
    expect(toHex(copy.replayTag)).toBe(toHex(original.replayTag));
  });

  test('truncated, extended and wrong-key packets give bad_size and bad_mac', () => {
    const packet = valid[3]!;
    expect(outcome(packet.subarray(0, packet.length - 1))).toBe('bad_size');
    expect(outcome(Buffer.concat([packet, Buffer.alloc(1)]))).toBe('bad_size');
    expect(outcome(packet, keyPairs[1]!.privateKey)).toBe('bad_mac');
    expect(outcome(packet, new Uint8Array(31))).toBe('bad_key');
    expect(outcome('not bytes' as unknown as Uint8Array)).toBe('malformed');
  });
});
