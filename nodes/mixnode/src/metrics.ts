import type { Counter, Histogram, Metrics } from '@nymts/node-common';

/** Why a packet went no further. Each is a label value of nym_mixnode_packets_dropped_total. */
export const DROP_REASONS = [
  'invalid_frame',
  'truncated_frame',
  'no_key_for_rotation',
  'unwrap_failed',
  'replay',
  'final_hop',
  'invalid_next_hop',
  'invalid_output',
  'delay_queue_full',
  'outbound_buffer_full',
  'next_hop_unreachable',
  'too_many_next_hops',
  'shutdown',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface MixnodeMetrics {
  received: Counter;
  forwarded: Counter;
  dropped: Counter;
  unwrapErrors: Counter;
  unwrapSeconds: Histogram;
  framesRejected: Counter;
  connectionsRejected: Counter;
  delaysCapped: Counter;
}

export function createMixnodeMetrics(
  metrics: Metrics,
  read: { queueDepth: () => number; connections: () => number; unwrapInFlight: () => number },
): MixnodeMetrics {
  metrics.gauge({
    name: 'delay_queue_packets',
    help: 'Packets waiting out their delay',
    read: read.queueDepth,
  });
  metrics.gauge({ name: 'inbound_connections', help: 'Open inbound connections', read: read.connections });
  metrics.gauge({
    name: 'unwrap_queue_packets',
    help: 'Packets handed to the unwrappers and not yet back',
    read: read.unwrapInFlight,
  });
  const dropped = metrics.counter({
    name: 'packets_dropped_total',
    help: 'Packets dropped, by reason',
    labelNames: ['reason'],
  });
  // Every reason shows in /metrics from the start, at zero, so dashboards need no guessing.
  for (const reason of DROP_REASONS) dropped.inc({ reason }, 0);
  return {
    received: metrics.counter({
      name: 'packets_received_total',
      help: 'Packets received in well-formed frames',
    }),
    forwarded: metrics.counter({ name: 'packets_forwarded_total', help: 'Packets written to the next hop' }),
    dropped,
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
    delaysCapped: metrics.counter({
      name: 'delays_capped_total',
      help: 'Packets whose delay exceeded the maximum and was cut to it',
    }),
  };
}
