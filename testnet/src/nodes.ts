// Node homes: keys and a config for every mix node and gateway of the plan, made once and kept.
import { existsSync } from 'node:fs';
import { initGateway } from '@nymts/gateway';
import { initMixnode } from '@nymts/mixnode';
import { encodeKey, writeTomlConfig } from '@nymts/node-common';
import { TestnetError } from './errors';
import type { NodePlan } from './plan';
import type { NodeState } from './state';

/**
 * Settings that suit a dozen processes on one machine: unwrapping on the main thread (worker
 * threads would triple the processes' threads on a laptop's few cores) and replay filters sized
 * for a local network's traffic (6 MB instead of 60 MB each).
 */
export const LOCAL_NODE_SETTINGS = { workers: 0, expectedPacketsPerSecond: 20 } as const;

export function initNodeHome(node: NodePlan, home: string, owner: string): NodeState {
  if (existsSync(home)) {
    throw new TestnetError(
      'node_home_exists',
      `${home} exists but the network does not record ${node.id}; run \`nymts testnet reset\` to start over`,
      { home, node: node.id },
    );
  }
  const common = {
    id: node.id,
    home,
    listenHost: '127.0.0.1',
    mixPort: node.ports.mix,
    httpPort: node.ports.http,
    workers: LOCAL_NODE_SETTINGS.workers,
  };
  const result =
    node.role === 'mixnode'
      ? initMixnode(common)
      : initGateway({ ...common, clientsPort: node.ports.clients });
  writeTomlConfig(result.paths.config, {
    ...result.config,
    replay_protection: {
      ...result.config.replay_protection,
      expected_packets_per_second: LOCAL_NODE_SETTINGS.expectedPacketsPerSecond,
    },
  });
  return {
    id: node.id,
    role: node.role,
    ports: node.ports,
    identityKey: encodeKey(result.identity.publicKeyBytes),
    sphinxKey: encodeKey(result.sphinx.publicKeyBytes),
    owner,
    bonded: false,
  };
}
