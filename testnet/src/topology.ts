// The topology file clients read (the client's JSON format) while their topology does not come
// from the mixnet contract: the active set's mix nodes in their layers and the gateways.
import { writeJsonAtomic } from './files';
import type { RewardedNode } from './mixnet';
import type { MixLayer } from './plan';
import type { NodeState } from './state';

export interface TopologyDocument {
  mixnodes: Array<{
    identityKey: string;
    sphinxKey: string;
    host: string;
    mixPort: number;
    layer: MixLayer;
    performance: number;
  }>;
  gateways: Array<{
    identityKey: string;
    sphinxKey: string;
    host: string;
    mixPort: number;
    clientsPort: number;
    performance: number;
  }>;
}

/** Mix nodes in their rewarded-set layers; nodes outside the set are left out, as clients would. */
export function topologyDocument(
  nodes: readonly NodeState[],
  rewarded: readonly RewardedNode[],
): TopologyDocument {
  const layerOf = new Map(rewarded.map((entry) => [entry.identityKey, entry.layer]));
  const mixnodes: TopologyDocument['mixnodes'] = [];
  const gateways: TopologyDocument['gateways'] = [];
  for (const node of nodes) {
    const common = {
      identityKey: node.identityKey,
      sphinxKey: node.sphinxKey,
      host: '127.0.0.1',
      mixPort: node.ports.mix,
    };
    if (node.role === 'gateway') {
      if (node.ports.clients === undefined) throw new Error(`gateway ${node.id} has no clients port`);
      gateways.push({ ...common, clientsPort: node.ports.clients, performance: 1 });
      continue;
    }
    const layer = layerOf.get(node.identityKey);
    if (layer !== undefined) mixnodes.push({ ...common, layer, performance: 1 });
  }
  return { mixnodes, gateways };
}

export function writeTopologyFile(path: string, document: TopologyDocument): void {
  writeJsonAtomic(path, document);
}
