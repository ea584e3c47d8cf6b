import {
  generateSphinxKeyPair,
  processPacket,
  type ProcessedPacket,
  type SphinxKeyPair,
} from '../../src/index';
import type { SphinxPrimitives } from '../../src/index';
import { seededBytes } from './primitive-sets';

export interface TestRoute {
  keyPairs: SphinxKeyPair[];
  route: { address: Uint8Array; publicKey: Uint8Array }[];
}

export function makeRoute(length: number, label = 'route'): TestRoute {
  const keyPairs = Array.from({ length }, (_, i) => generateSphinxKeyPair(seededBytes(`${label}/key/${i}`)));
  const route = keyPairs.map((pair, i) => ({
    address: new Uint8Array(32).fill(i + 1),
    publicKey: pair.publicKey,
  }));
  return { keyPairs, route };
}

/** Processes a packet at every hop in turn; returns each hop's result. */
export function traverse(
  packet: Uint8Array,
  keyPairs: readonly SphinxKeyPair[],
  primitives?: SphinxPrimitives,
): ProcessedPacket[] {
  const results: ProcessedPacket[] = [];
  let current = packet;
  for (const pair of keyPairs) {
    const result = processPacket(current, pair.privateKey, { primitives });
    results.push(result);
    if (result.kind === 'forward') current = result.packet;
  }
  return results;
}
