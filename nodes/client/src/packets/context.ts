import type { Recipient } from '../address/recipient';
import type { ClientCrypto } from '../crypto/primitives';
import type { Rng } from '../runtime';
import type { Topology } from '../topology/topology';

/** What building a packet needs: who we are, the network, the randomness and the delays. */
export interface PacketContext {
  crypto: ClientCrypto;
  rng: Rng;
  self: Recipient;
  ackKey: Uint8Array;
  /** Usable nodes only (the performance threshold already applied). */
  topology: Topology;
  /** μ: mean delay at each mix for real and cover packets. */
  averagePacketDelayMs: number;
  /** Mean delay at each mix for SURB-ACKs. */
  averageAckDelayMs: number;
  /** Sphinx header version to build (259 is what Nym's current clients build). */
  sphinxVersion: number;
}

/** A Sphinx packet ready for the gateway, with the first hop it goes to. */
export interface OutboundPacket {
  /** 32-byte Sphinx address of the first mix. */
  firstHop: Uint8Array;
  packet: Uint8Array;
}
