import { FORWARD_DROP_REASONS, MIX_PORT_DROP_REASONS } from '@nymts/mixnode';
import type { Counter, Metrics } from '@nymts/node-common';

/** Why a gateway dropped a packet. Each is a label value of nym_gateway_packets_dropped_total. */
export const GATEWAY_DROP_REASONS = [
  ...MIX_PORT_DROP_REASONS,
  ...FORWARD_DROP_REASONS.filter((reason) => reason !== 'shutdown'),
  /** A packet that would go on through the mixnet: gateways are only final hops. */
  'not_final_hop',
  /** A final hop for a client this gateway has no registration for. */
  'unknown_client',
  'no_surb_ack',
  'invalid_surb_ack',
  /** The offline client's inbox is at its message or byte limit. */
  'inbox_full',
  /** The inbox could not write (a disk or database error); logged. */
  'store_failed',
  /** A client sent faster than its rate limit. */
  'rate_limited',
] as const;
export type GatewayDropReason = (typeof GATEWAY_DROP_REASONS)[number];

export interface GatewayMetrics {
  clientPackets: Counter;
  acksForwarded: Counter;
  delivered: Counter;
  stored: Counter;
}

export function createGatewayMetrics(
  metrics: Metrics,
  read: { connectedClients: () => number },
): GatewayMetrics {
  metrics.gauge({
    name: 'connected_clients',
    help: 'Clients with an authenticated WebSocket connection',
    read: read.connectedClients,
  });
  return {
    clientPackets: metrics.counter({
      name: 'client_packets_received_total',
      help: 'Sphinx packets clients asked this gateway to send into the mixnet',
    }),
    acksForwarded: metrics.counter({
      name: 'acks_forwarded_total',
      help: 'SURB-ACKs split off final-hop packets and sent on to their first hop',
    }),
    delivered: metrics.counter({
      name: 'messages_delivered_total',
      help: 'Messages handed to a connected client, by route: pushed at once, or from the inbox on reconnect',
      labelNames: ['via'],
    }),
    stored: metrics.counter({
      name: 'messages_stored_total',
      help: 'Messages kept in the inbox because their client was offline',
    }),
  };
}
