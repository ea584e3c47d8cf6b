// What the network is, in the form the summary, `status` and `--output json` give it.
import { rpcUrl } from './chain';
import type { TestnetLayout } from './layout';
import type { NodePorts } from './plan';
import type { TestnetState } from './state';

export interface NodeDescription {
  id: string;
  role: 'mixnode' | 'gateway';
  layer?: number;
  ports: NodePorts;
  identityKey: string;
  sphinxKey: string;
  owner: string;
  bonded: boolean;
  mixId?: number;
  home: string;
  log: string;
}

export interface ClientDescription {
  id: string;
  gateway: string;
  address?: string;
  websocketPort: number;
  home: string;
  log: string;
}

export interface NetworkDescription {
  home: string;
  chainId: string;
  rpcUrl: string;
  websocketUrl: string;
  contracts: Record<string, string>;
  deployment: string;
  topology: string;
  logs: string;
  nodes: NodeDescription[];
  clients: ClientDescription[];
}

export function describeNetwork(state: TestnetState, layout: TestnetLayout): NetworkDescription {
  const url = rpcUrl(state.rpcPort);
  return {
    home: layout.home,
    chainId: state.chainId,
    rpcUrl: url,
    websocketUrl: `${url.replace('http', 'ws')}/websocket`,
    contracts: { ...state.contracts },
    deployment: layout.deployment,
    topology: layout.topology,
    logs: layout.logs,
    nodes: state.nodes.map((node) => ({
      id: node.id,
      role: node.role,
      ...(node.layer === undefined ? {} : { layer: node.layer }),
      ports: node.ports,
      identityKey: node.identityKey,
      sphinxKey: node.sphinxKey,
      owner: node.owner,
      bonded: node.bonded,
      ...(node.mixId === undefined ? {} : { mixId: node.mixId }),
      home: layout.nodeHome(node.id),
      log: layout.log(node.id),
    })),
    clients: state.clients.map((client) => ({
      id: client.id,
      gateway: client.gateway,
      ...(client.address === undefined ? {} : { address: client.address }),
      websocketPort: client.websocketPort,
      home: layout.clientHome(client.id),
      log: layout.log(client.id),
    })),
  };
}

/** The summary `up` prints once everything runs. */
export function formatSummary(network: NetworkDescription): string {
  const lines = [
    '',
    `nymts local network is up (${network.chainId})`,
    `  chain RPC      ${network.rpcUrl}  (WebSocket ${network.websocketUrl})`,
  ];
  for (const [role, address] of Object.entries(network.contracts))
    lines.push(`  ${role.padEnd(14)} ${address}`);
  lines.push('  nodes:');
  for (const node of network.nodes) {
    const where = node.role === 'mixnode' ? `layer ${node.layer ?? '-'}` : 'gateway';
    const clients = node.ports.clients === undefined ? '' : `  clients ws://127.0.0.1:${node.ports.clients}`;
    lines.push(
      `    ${node.id.padEnd(10)} ${where.padEnd(8)} mix 127.0.0.1:${node.ports.mix}  http ${node.ports.http}${clients}  ${node.bonded ? 'bonded' : 'not bonded'}  ${node.identityKey}`,
    );
  }
  if (network.clients.length > 0) lines.push('  clients:');
  for (const client of network.clients) {
    lines.push(
      `    ${client.id.padEnd(10)} ws://127.0.0.1:${client.websocketPort}  via ${client.gateway}  ${client.address ?? '(not started)'}`,
    );
  }
  lines.push(
    `  keys and configs  ${network.home}/nodes/<id>, ${network.home}/chain`,
    `  logs              ${network.logs}`,
    `  contracts record  ${network.deployment}`,
    'Ctrl-C stops the network; `nymts testnet up` again resumes it; `nymts testnet status` from another shell.',
  );
  return lines.join('\n');
}
