import fc from 'fast-check';
import {
  createForwardPacket,
  createSurb,
  decodeSurb,
  encodeSurb,
  PACKET_SIZES,
  plaintextCapacity,
  SUPPORTED_VERSIONS,
  useSurb,
  type PacketSize,
} from '../src/index';
import { PRIMITIVE_SETS, toHex } from './helpers/primitive-sets';
import { makeRoute, traverse } from './helpers/routes';

// Keys are made once per route length; packets are random (fresh ephemeral keys and padding).
const ROUTES = [1, 2, 3, 4, 5].map((length) => makeRoute(length, `property/${length}`));
const SIZES: PacketSize[] = [PACKET_SIZES.ack, PACKET_SIZES.regular, PACKET_SIZES.extended8];

const scenario = fc
  .record({
    hops: fc.integer({ min: 1, max: 5 }),
    version: fc.constantFrom(...SUPPORTED_VERSIONS),
    size: fc.constantFrom(...SIZES),
    destination: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    surbId: fc.uint8Array({ minLength: 16, maxLength: 16 }),
    delays: fc.array(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), { minLength: 5, maxLength: 5 }),
    fill: fc.double({ min: 0, max: 1, noNaN: true }),
    seed: fc.integer(),
  })
  .map((s) => {
    const length = Math.floor(s.fill * plaintextCapacity(s.size));
    const message = Uint8Array.from({ length }, (_, i) => (s.seed + i * 31) & 0xff);
    return { ...s, message, delaysNanos: s.delays.slice(0, s.hops) };
  });

describe.each(PRIMITIVE_SETS)('round trips with the %s primitive set', (name, primitives) => {
  const runs = name === 'node' ? 60 : 8;

  test('a forward packet through 1–5 hops delivers the message, with each hop seeing its delay and next hop', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { keyPairs, route } = ROUTES[s.hops - 1]!;
        const packet = createForwardPacket({
          ...s,
          route,
          message: s.message,
          packetSize: s.size,
          primitives,
        });
        expect(packet.length).toBe(s.size.totalSize);
        const results = traverse(packet, keyPairs, primitives);
        results.forEach((result, i) => {
          expect(result.version).toBe(s.version);
          if (i < s.hops - 1) {
            expect(result.kind).toBe('forward');
            if (result.kind !== 'forward') return;
            expect(toHex(result.nextHop)).toBe(toHex(route[i + 1]!.address));
            expect(result.delayNanos).toBe(s.delaysNanos[i]);
            expect(result.packet.length).toBe(s.size.totalSize);
          } else {
            expect(result.kind).toBe('final');
            if (result.kind !== 'final') return;
            expect(toHex(result.payload)).toBe(toHex(s.message));
            expect(toHex(result.destination)).toBe(toHex(s.destination));
            expect(toHex(result.surbId)).toBe(toHex(s.surbId));
          }
        });
        expect(new Set(results.map((result) => toHex(result.replayTag))).size).toBe(s.hops);
      }),
      { numRuns: runs },
    );
  });

  test('a reply through an encoded SURB reaches the SURB creator with the message', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { keyPairs, route } = ROUTES[s.hops - 1]!;
        const surb = createSurb({ ...s, route, primitives });
        const { packet, firstHop } = useSurb(decodeSurb(encodeSurb(surb)), s.message, s.size, { primitives });
        expect(toHex(firstHop)).toBe(toHex(route[0]!.address));
        const final = traverse(packet, keyPairs, primitives).at(-1)!;
        expect(final.kind).toBe('final');
        if (final.kind !== 'final') return;
        expect(toHex(final.payload)).toBe(toHex(s.message));
        expect(toHex(final.destination)).toBe(toHex(s.destination));
      }),
      { numRuns: Math.ceil(runs / 2) },
    );
  });
});
