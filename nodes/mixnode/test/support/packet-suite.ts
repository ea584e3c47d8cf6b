// What a mix node test needs from a packet format: the processor nodes load, a way to build a
// packet along a route, and a way to unwrap one layer (to play the sink, or to capture what a
// node forwarded). Tests take `PACKET_SUITE`; switching every integration test from the test
// processor to real Sphinx is the one line at the bottom.
import { generateKeyPair, type PacketSizeName } from '@nymts/node-common';
import {
  SPHINX_PROCESSOR,
  sphinxProcessor,
  type PacketProcessor,
  type ProcessResult,
  type ProcessorModule,
} from '../../src';
import { TEST_PROCESSOR, createTestPacket, testProcessor, type ForwardPacketSpec } from './test-processor';

export interface PacketSuite {
  name: string;
  processor: ProcessorModule;
  createForwardPacket(spec: ForwardPacketSpec & { packetSize?: PacketSizeName }): Uint8Array;
  processPacket(packet: Uint8Array, privateKey: Uint8Array): ProcessResult;
}

export function generateSphinxKeys(): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const pair = generateKeyPair('x25519');
  return { privateKey: pair.privateKeyBytes, publicKey: pair.publicKeyBytes };
}

export const testPacketSuite: PacketSuite = {
  name: 'test processor (no Sphinx)',
  processor: TEST_PROCESSOR,
  createForwardPacket: createTestPacket,
  processPacket: (packet, key) => testProcessor.process(packet, key),
};

function processorOf(source: PacketProcessor): PacketSuite['processPacket'] {
  return (packet, key) => source.process(packet, key);
}

/** Real Sphinx, once @nymts/sphinx is merged (loaded lazily, like the node's own adapter). */
export function sphinxPacketSuite(): PacketSuite {
  const sphinx = require('@nymts/sphinx') as { createForwardPacket(spec: unknown): Uint8Array };
  return {
    name: 'Sphinx',
    processor: SPHINX_PROCESSOR,
    createForwardPacket: (spec) => sphinx.createForwardPacket({ packetSize: 'regular', ...spec }),
    processPacket: processorOf(sphinxProcessor),
  };
}

/** The packet format every integration test and the benchmark use. */
export const PACKET_SUITE: PacketSuite = testPacketSuite;
