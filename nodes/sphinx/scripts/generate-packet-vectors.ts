// Writes test/vectors/packets.json: Sphinx packets of every supported header version built from
// fixed keys and a fixed byte source, with what each hop must output. Run from the repo root:
//   node -r @nymts/ts-run/register nodes/sphinx/scripts/generate-packet-vectors.ts
// The pure-JS (@noble) primitive set builds them; the tests rebuild them with both sets and
// process them hop by hop, so any change to the wire format shows up as a diff of this file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createForwardPacket,
  createNoblePrimitives,
  createSurb,
  encodeSurb,
  generateSphinxKeyPair,
  PACKET_SIZES,
  plaintextCapacity,
  processPacket,
  SUPPORTED_VERSIONS,
  useSurb,
  type PacketSizeName,
} from '../src/index';
import { seededBytes, toHex } from '../test/helpers/primitive-sets';

const primitives = createNoblePrimitives();

/** Nym-style node address: 4 ‖ port (BE) ‖ IPv4, zero-padded to 32 bytes. */
function nodeAddress(port: number): Uint8Array {
  const address = new Uint8Array(32);
  address.set([4, port >> 8, port & 0xff, 127, 0, 0, 1]);
  return address;
}

function buildCase(kind: 'forward' | 'surb', version: number, hops: number, sizeName: PacketSizeName) {
  const label = `${kind}/v${version}/${hops}/${sizeName}`;
  const keyPairs = Array.from({ length: hops }, (_, i) =>
    generateSphinxKeyPair(seededBytes(`node-key/${i}`), primitives),
  );
  const route = keyPairs.map((pair, i) => ({ address: nodeAddress(1789 + i), publicKey: pair.publicKey }));
  const destination = seededBytes('destination')(32);
  const delaysNanos = Array.from({ length: hops }, (_, i) => BigInt(1_000_000 * (i + 1) + 7));
  const message = new TextEncoder()
    .encode(`nymts ${label}`)
    .subarray(0, plaintextCapacity(PACKET_SIZES[sizeName]));
  const rng = seededBytes(label);
  const packetSize = PACKET_SIZES[sizeName];
  const common = { route, destination, delaysNanos, version, rng, primitives };
  const surb = kind === 'surb' ? createSurb(common) : undefined;
  const packet = surb
    ? useSurb(surb, message, packetSize, { primitives }).packet
    : createForwardPacket({ ...common, message, packetSize });
  const steps = [];
  let current = packet;
  for (const pair of keyPairs) {
    const result = processPacket(current, pair.privateKey, { primitives });
    if (result.kind === 'forward') {
      steps.push({
        kind: 'forward',
        nextHop: toHex(result.nextHop),
        delayNanos: result.delayNanos.toString(),
        replayTag: toHex(result.replayTag),
        packet: toHex(result.packet),
      });
      current = result.packet;
    } else {
      steps.push({
        kind: 'final',
        destination: toHex(result.destination),
        surbId: toHex(result.surbId),
        replayTag: toHex(result.replayTag),
        payload: toHex(result.payload),
      });
    }
  }
  return {
    name: label,
    kind,
    version,
    packetSize: sizeName,
    rngLabel: label,
    nodePrivateKeys: keyPairs.map((pair) => toHex(pair.privateKey)),
    route: route.map((node) => ({ address: toHex(node.address), publicKey: toHex(node.publicKey) })),
    destination: toHex(destination),
    delaysNanos: delaysNanos.map(String),
    message: toHex(message),
    ...(surb ? { surb: toHex(encodeSurb(surb)) } : {}),
    packet: toHex(packet),
    steps,
  };
}

const cases = [
  ...SUPPORTED_VERSIONS.map((version) => buildCase('forward', version, 3, 'regular')),
  buildCase('forward', 258, 1, 'ack'),
  buildCase('forward', 258, 5, 'extended8'),
  buildCase('surb', 258, 3, 'ack'),
  buildCase('surb', 259, 4, 'regular'),
  buildCase('surb', 256, 2, 'regular'),
];

const file = join(__dirname, '..', 'test', 'vectors', 'packets.json');
writeFileSync(
  file,
  `${JSON.stringify({ source: 'nodes/sphinx/scripts/generate-packet-vectors.ts', cases }, null, 2)}\n`,
);
process.stdout.write(`wrote ${cases.length} cases to ${file}\n`);
