// The JSON topology file that `@nymts/client`'s file provider reads: written from any topology (the
// contract's, a local network's) so clients without chain access can route through it.
import type { GatewayNode, MixNode, Topology } from '@nymts/client';
import { writeFileAtomic } from '@nymts/node-common';
import { base58 } from '@scure/base';

function common(node: MixNode | GatewayNode) {
  return {
    identityKey: base58.encode(node.identity),
    sphinxKey: base58.encode(node.sphinxKey),
    host: node.host,
    mixPort: node.mixPort,
    performance: node.performance,
  };
}

/** The topology as the file format: keys in base58, ports and performance as numbers. */
export function topologyDocument(topology: Topology) {
  return {
    mixnodes: topology.mixnodes.map((node) => ({ ...common(node), layer: node.layer })),
    gateways: topology.gateways.map((node) => ({
      ...common(node),
      ...(node.clientsPort === undefined ? {} : { clientsPort: node.clientsPort }),
    })),
  };
}

/** Writes the file atomically, so a client refreshing from it never reads half of it. */
export function writeTopologyFile(path: string, topology: Topology): void {
  writeFileAtomic(path, `${JSON.stringify(topologyDocument(topology), null, 2)}\n`);
}
