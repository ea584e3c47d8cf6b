import { formatSocketAddress } from '@nymts/node-common';
import { encodeBase58 } from '../address/base58';
import { equalBytes } from '../bytes';
import { ClientError } from '../errors';

export type MixLayer = 1 | 2 | 3;

export interface MixnetNode {
  identity: Uint8Array;
  sphinxKey: Uint8Array;
  host: string;
  mixPort: number;
  /** The 32-byte Sphinx address other hops route to. */
  address: Uint8Array;
  /** 0…1: the share of test packets the node routed (Nym's performance score). */
  performance: number;
}

export interface MixNode extends MixnetNode {
  layer: MixLayer;
}

export interface GatewayNode extends MixnetNode {
  /** Where clients open their WebSocket, when the topology knows it. */
  clientsPort?: number;
}

export interface Topology {
  mixnodes: MixNode[];
  gateways: GatewayNode[];
}

/** Where the client gets the network from: a file now, the mixnet contract later. */
export interface TopologyProvider {
  /** The current network; throws when it cannot be had (the caller keeps the last good one). */
  fetch(signal?: AbortSignal): Promise<Topology>;
}

export function nodeName(node: MixnetNode): string {
  return `${encodeBase58(node.identity)} (${node.host}:${node.mixPort})`;
}

/** Nodes below the performance threshold are left out of routes, as Nym drops them below 50 %. */
export function usableTopology(topology: Topology, minimumPerformance: number): Topology {
  return {
    mixnodes: topology.mixnodes.filter((node) => node.performance >= minimumPerformance),
    gateways: topology.gateways.filter((node) => node.performance >= minimumPerformance),
  };
}

/** Where a client dials its gateway: the topology's host and client port for that identity. */
export function gatewayWebSocketUrl(topology: Topology, identity: Uint8Array): string {
  const gateway = topology.gateways.find((node) => equalBytes(node.identity, identity));
  const name = encodeBase58(identity);
  if (gateway === undefined) {
    throw new ClientError('bad_topology', `gateway ${name} is not in the topology`, {
      details: { gateway: name },
    });
  }
  if (gateway.clientsPort === undefined) {
    throw new ClientError('bad_topology', `the topology gives no client port for gateway ${name}`, {
      details: { gateway: name },
    });
  }
  return `ws://${formatSocketAddress({ host: gateway.host, port: gateway.clientsPort })}`;
}
