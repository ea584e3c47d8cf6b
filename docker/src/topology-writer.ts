// Keeps a topology file (the client's JSON format) in step with the mixnet contract, for clients
// that read their network from a file: the compose client, tools on the host. A file is written
// only when it can carry traffic (a node in every layer and a gateway), so a client never starts
// from a half-formed network; until then, and after a failed read, the last good file stays.
import type { Topology, TopologyProvider } from '@nymts/client';
import { connectReader, deployedContract, readDeploymentRecord } from '@nymts/contracts-client';
import { writeTopologyFile } from '@nymts/topology';

export type TopologyWrite =
  { kind: 'written'; mixnodes: number; gateways: number } | { kind: 'incomplete'; missing: string[] };

function missingParts(topology: Topology): string[] {
  const missing = [1, 2, 3]
    .filter((layer) => !topology.mixnodes.some((node) => node.layer === layer))
    .map((layer) => `layer ${layer}`);
  if (topology.gateways.length === 0) missing.push('a gateway');
  return missing;
}

/** Reads the topology once and writes it to `path` if it is complete. */
export async function writeTopologyOnce(
  provider: TopologyProvider,
  path: string,
  signal?: AbortSignal,
): Promise<TopologyWrite> {
  const topology = await provider.fetch(signal);
  const missing = missingParts(topology);
  if (missing.length > 0) return { kind: 'incomplete', missing };
  writeTopologyFile(path, topology);
  return { kind: 'written', mixnodes: topology.mixnodes.length, gateways: topology.gateways.length };
}

/** The mixnet contract the deployment record names for the chain at `rpcUrl`. */
export async function recordedMixnet(rpcUrl: string, deploymentPath: string): Promise<string> {
  const reader = await connectReader(rpcUrl);
  try {
    return deployedContract(readDeploymentRecord(deploymentPath), reader.chainId, 'mixnet', deploymentPath)
      .address;
  } finally {
    reader.disconnect();
  }
}
