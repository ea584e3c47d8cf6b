// Sending packets on to their next hop: framed as Nym frames them, over one pooled connection per
// next hop. Every packet handed to a socket counts as forwarded; every other one is dropped and
// counted by reason.
import {
  createConnectionPool,
  encodeFrame,
  type Clock,
  type ConnectionPoolOptions,
  type FrameHeader,
  type FrameVersion,
  type Logger,
  type Metrics,
  type OutboundDropReason,
  type SocketAddress,
  type Transport,
} from '@nymts/node-common';
import type { DropCounter, ForwardDropReason } from './metrics';

export interface ForwarderOptions {
  frameVersion: FrameVersion;
  outbound: ConnectionPoolOptions;
}

export interface Forwarder {
  /** The frame for `packet` with the packet type and key rotation it came with; undefined (counted) for a packet of no known size. */
  encode(packet: Uint8Array, marks: Pick<FrameHeader, 'packetType' | 'keyRotation'>): Uint8Array | undefined;
  /** Sends or queues a frame; a dropped one is counted. */
  send(address: SocketAddress, frame: Uint8Array): void;
  /** Flushes what sockets hold (briefly), then closes every connection. */
  close(): Promise<void>;
}

const OUTBOUND_DROP: Record<OutboundDropReason, ForwardDropReason> = {
  buffer_full: 'outbound_buffer_full',
  unreachable: 'next_hop_unreachable',
  too_many_peers: 'too_many_next_hops',
  shutdown: 'shutdown',
};

export function createForwarder(
  options: ForwarderOptions,
  deps: {
    transport: Transport;
    clock: Clock;
    logger: Logger;
    metrics: Metrics;
    drop: DropCounter<ForwardDropReason>;
  },
): Forwarder {
  const { drop, logger } = deps;
  const forwarded = deps.metrics.counter({
    name: 'packets_forwarded_total',
    help: 'Packets written to the next hop',
  });
  const pool = createConnectionPool(options.outbound, {
    transport: deps.transport,
    clock: deps.clock,
    logger,
    metrics: deps.metrics,
    events: {
      written: (count) => forwarded.inc(undefined, count),
      dropped: (reason, count) => drop(OUTBOUND_DROP[reason], count),
    },
  });
  return {
    encode(packet, marks) {
      try {
        return encodeFrame(packet, { version: options.frameVersion, ...marks });
      } catch (error) {
        drop('invalid_output');
        logger.error({ err: error, length: packet.length }, 'a packet of no known size was to be forwarded');
        return undefined;
      }
    },
    send(address, frame) {
      const outcome = pool.send(address, frame);
      if (outcome !== 'accepted') drop(OUTBOUND_DROP[outcome]);
    },
    close: () => pool.close(),
  };
}
