import packetVectors from './vectors/packets.json';
import {
  createForwardPacket,
  createSurb,
  decodeSurb,
  encodeSurb,
  PACKET_SIZES,
  processPacket,
  useSurb,
  type PacketSizeName,
} from '../src/index';
import { PRIMITIVE_SETS, hex, seededBytes, toHex } from './helpers/primitive-sets';

type Vector = (typeof packetVectors.cases)[number];

function rebuild(vector: Vector, primitives: (typeof PRIMITIVE_SETS)[number][1]): Uint8Array {
  const options = {
    route: vector.route.map((node) => ({ address: hex(node.address), publicKey: hex(node.publicKey) })),
    destination: hex(vector.destination),
    delaysNanos: vector.delaysNanos.map(BigInt),
    version: vector.version,
    rng: seededBytes(vector.rngLabel),
    primitives,
  };
  const packetSize = PACKET_SIZES[vector.packetSize as PacketSizeName];
  if (vector.kind === 'surb') {
    const surb = createSurb(options);
    expect(toHex(encodeSurb(surb))).toBe(vector.surb);
    return useSurb(decodeSurb(encodeSurb(surb)), hex(vector.message), packetSize, { primitives }).packet;
  }
  return createForwardPacket({ ...options, message: hex(vector.message), packetSize });
}

describe.each(PRIMITIVE_SETS)('packet vectors with the %s primitive set', (_name, primitives) => {
  test.each(packetVectors.cases.map((vector) => [vector.name, vector] as const))(
    '%s: built byte for byte',
    (_label, vector) => {
      expect(toHex(rebuild(vector, primitives))).toBe(vector.packet);
    },
  );

  test.each(packetVectors.cases.map((vector) => [vector.name, vector] as const))(
    '%s: every hop outputs the recorded result',
    (_label, vector) => {
      let packet = hex(vector.packet);
      vector.steps.forEach((step, i) => {
        const result = processPacket(packet, hex(vector.nodePrivateKeys[i] as string), { primitives });
        expect(result.kind).toBe(step.kind);
        expect(result.version).toBe(vector.version);
        expect(toHex(result.replayTag)).toBe(step.replayTag);
        if (result.kind === 'forward' && step.kind === 'forward') {
          expect(toHex(result.nextHop)).toBe(step.nextHop);
          expect(result.delayNanos.toString()).toBe(step.delayNanos);
          expect(toHex(result.packet)).toBe(step.packet);
          packet = result.packet;
        } else if (result.kind === 'final' && step.kind === 'final') {
          expect(toHex(result.destination)).toBe(vector.destination);
          expect(toHex(result.surbId)).toBe(step.surbId);
          expect(toHex(result.payload)).toBe(vector.message);
        }
      });
    },
  );
});

test('the recorded hops carry the route and the per-hop delays', () => {
  const vector = packetVectors.cases.find(
    (candidate) => candidate.name === 'forward/v258/3/regular',
  ) as Vector;
  expect(vector.steps.map((step) => step.kind)).toEqual(['forward', 'forward', 'final']);
  expect(vector.steps.slice(0, 2).map((step) => ('nextHop' in step ? step.nextHop : ''))).toEqual([
    vector.route[1]?.address,
    vector.route[2]?.address,
  ]);
  expect(vector.steps.slice(0, 2).map((step) => ('delayNanos' in step ? step.delayNanos : ''))).toEqual(
    vector.delaysNanos.slice(0, 2),
  );
});
