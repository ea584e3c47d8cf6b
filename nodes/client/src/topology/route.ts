import type { RouteNode } from '@nymts/sphinx';
import { encodeBase58 } from '../address/base58';
import { equalBytes } from '../bytes';
import { ClientError } from '../errors';
import type { Rng } from '../runtime';
import type { GatewayNode, MixLayer, Topology } from './topology';

export interface Route {
  hops: RouteNode[];
  firstHop: Uint8Array;
}

export function findGateway(topology: Topology, identity: Uint8Array): GatewayNode | undefined {
  return topology.gateways.find((gateway) => equalBytes(gateway.identity, identity));
}

/**
 * A route as Nym builds it: one mix drawn uniformly from each layer, then the gateway of the
 * destination. Errors name the empty layer or the missing gateway (Nym issue #343).
 */
export function randomRoute(topology: Topology, gatewayIdentity: Uint8Array, rng: Rng): Route {
  const hops: RouteNode[] = [];
  for (const layer of [1, 2, 3] as MixLayer[]) {
    const candidates = topology.mixnodes.filter((node) => node.layer === layer);
    if (candidates.length === 0) {
      throw new ClientError('no_route', `no usable mix node in layer ${layer}`, { details: { layer } });
    }
    const node = candidates[rng.randomInt(candidates.length)] as (typeof candidates)[number];
    hops.push({ address: node.address, publicKey: node.sphinxKey });
  }
  const gateway = findGateway(topology, gatewayIdentity);
  if (gateway === undefined) {
    throw new ClientError('no_route', `gateway ${encodeBase58(gatewayIdentity)} is not in the topology`, {
      details: { gateway: encodeBase58(gatewayIdentity) },
    });
  }
  hops.push({ address: gateway.address, publicKey: gateway.sphinxKey });
  return { hops, firstHop: hops[0]!.address };
}
