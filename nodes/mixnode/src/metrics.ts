import type { Counter, Histogram, Metrics } from '@nymts/node-common';

/** Why the mix port let a packet go no further: a bad frame, a bad or replayed packet. */
export const MIX_PORT_DROP_REASONS = [
  'invalid_frame',
  'truncated_frame',
  'no_key_for_rotation',
  'unwrap_failed',
  'replay',
  'shutdown',
] as const;
export type MixPortDropReason = (typeof MIX_PORT_DROP_REASONS)[number];

/** Why a packet on its way to the next hop was dropped. */
export const FORWARD_DROP_REASONS = [
  'invalid_output',
  'outbound_buffer_full',
  'next_hop_unreachable',
  'too_many_next_hops',
  'shutdown',
] as const;
export type ForwardDropReason = (typeof FORWARD_DROP_REASONS)[number];

/** Why a mix node dropped a packet. Each is a label value of nym_mixnode_packets_dropped_total. */
export const DROP_REASONS = [
  ...MIX_PORT_DROP_REASONS,
  ...FORWARD_DROP_REASONS.filter((reason) => reason !== 'shutdown'),
  'final_hop',
  'invalid_next_hop',
  'delay_queue_full',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export type DropCounter<Reason extends string> = (reason: Reason, count?: number) => void;

/**
 * `packets_dropped_total{reason}`. Every reason shows in /metrics from the start, at zero, so
 * dashboards need no guessing.
 */
export function createDropCounter<Reason extends string>(
  metrics: Metrics,
  reasons: readonly Reason[],
): DropCounter<Reason> {
  const dropped = metrics.counter({
    name: 'packets_dropped_total',
    help: 'Packets dropped, by reason',
    labelNames: ['reason'],
  });
  for (const reason of reasons) dropped.inc({ reason }, 0);
  return (reason, count = 1) => dropped.inc({ reason }, count);
}

export interface MixPortMetrics {
  received: Counter;
  unwrapped: Counter;
  unwrapErrors: Counter;
  unwrapSeconds: Histogram;
  framesRejected: Counter;
  connectionsRejected: Counter;
}

export function createMixPortMetrics(
  metrics: Metrics,
  read: { connections: () => number; unwrapInFlight: () => number },
): MixPortMetrics {
  metrics.gauge({ name: 'inbound_connections', help: 'Open inbound connections', read: read.connections });
  metrics.gauge({
    name: 'unwrap_queue_packets',
    help: 'Packets handed to the unwrappers and not yet back',
    read: read.unwrapInFlight,
  });
  return {
    received: metrics.counter({
      name: 'packets_received_total',
      help: 'Packets received in well-formed frames',
    }),
    unwrapped: metrics.counter({
      name: 'packets_unwrapped_total',
      help: 'Packets unwrapped, by Sphinx header version (what senders build)',
      labelNames: ['version'],
    }),
    unwrapErrors: metrics.counter({
      name: 'unwrap_errors_total',
      help: 'Packets the Sphinx processor refused, by its error code',
      labelNames: ['code'],
    }),
    unwrapSeconds: metrics.histogram({
      name: 'unwrap_duration_seconds',
      help: 'Time to unwrap one packet in the processor',
      buckets: [0.00002, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01],
    }),
    framesRejected: metrics.counter({
      name: 'frames_rejected_total',
      help: 'Hostile frames whose connection was closed, by error code',
      labelNames: ['code'],
    }),
    connectionsRejected: metrics.counter({
      name: 'connections_rejected_total',
      help: 'Inbound connections refused at the connection limit',
    }),
  };
}
