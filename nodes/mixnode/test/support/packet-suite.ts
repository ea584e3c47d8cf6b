// What a mix node test needs from the packet format: the processor nodes load, a way to build a
// packet along a route, and a way to unwrap one layer (to play the sink, or to capture what a
// node forwarded). Every integration test and the benchmark take `PACKET_SUITE`: real Sphinx.
import {
  PACKET_SIZES,
  createForwardPacket,
  generateSphinxKeyPair,
  type PacketSizeName,
  type RouteNode,
} from '@nymts/sphinx';
import { SPHINX_PROCESSOR, sphinxProcessor, type ProcessResult, type ProcessorModule } from '../../src';

export interface ForwardPacketSpec {
  route: RouteNode[];
  destination: Uint8Array;
  /** One per route node; the last is not encoded (a final hop does not wait). */
  delaysNanos: bigint[];
  message: Uint8Array;
  packetSize?: PacketSizeName;
}

export interface PacketSuite {
  name: string;
  processor: ProcessorModule;
  createForwardPacket(spec: ForwardPacketSpec): Uint8Array;
  processPacket(packet: Uint8Array, privateKey: Uint8Array): ProcessResult;
}

export function generateSphinxKeys(): { privateKey: Uint8Array; publicKey: Uint8Array } {
  return generateSphinxKeyPair();
}

export function sphinxPacketSuite(): PacketSuite {
  return {
    name: 'Sphinx',
    processor: SPHINX_PROCESSOR,
    createForwardPacket: ({ packetSize = 'regular', ...spec }) =>
      createForwardPacket({ ...spec, packetSize: PACKET_SIZES[packetSize] }),
    processPacket: (packet, key) => sphinxProcessor.process(packet, key),
  };
}

/** The packet format every integration test and the benchmark use. */
export const PACKET_SUITE: PacketSuite = sphinxPacketSuite();
