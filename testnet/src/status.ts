// `nymts testnet status`: what the state file says, checked against what runs now.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { connectReader } from '@nymts/contracts-client';
import { chainHeight } from './chain';
import { mixnetContractOperations } from './mixnet-contract';
import { describeNetwork, type NetworkDescription } from './describe';
import { TestnetError } from './errors';
import { testnetLayout } from './layout';
import { observeNode, type PacketCounters } from './metrics';
import { isAlive, readState, runningSupervisor } from './state';

export interface ServiceStatus {
  name: string;
  pid?: number;
  running: boolean;
  /** Set when the supervisor saw it stop on its own. */
  exit?: { code: number | null; signal: string | null };
}

export interface TestnetStatus extends NetworkDescription {
  running: boolean;
  supervisorPid?: number;
  height?: number;
  epoch?: number;
  lastReport?: string;
  services: ServiceStatus[];
  packets: Record<string, (PacketCounters & { performance?: number }) | { unreachable: string }>;
}

export async function testnetStatus(home?: string): Promise<TestnetStatus> {
  const layout = testnetLayout(home);
  const state = readState(layout.state);
  if (state === undefined) {
    throw new TestnetError(
      'no_network',
      `there is no network in ${layout.home}; \`nymts testnet up\` creates one`,
      {
        home: layout.home,
      },
    );
  }
  const description = describeNetwork(state, layout);
  const supervisorPid = runningSupervisor(state);
  const services: ServiceStatus[] = Object.entries(state.supervisor?.processes ?? {}).map(
    ([name, entry]) => ({
      name,
      pid: entry.pid,
      running: supervisorPid !== undefined && entry.status === 'running' && isAlive(entry.pid),
      ...(entry.status === 'exited'
        ? { exit: { code: entry.exitCode ?? null, signal: entry.signal ?? null } }
        : {}),
    }),
  );
  const packets: TestnetStatus['packets'] = {};
  if (supervisorPid !== undefined) {
    const observed = await Promise.all(state.nodes.map((node) => observeNode(node.role, node.ports.http)));
    state.nodes.forEach((node, index) => {
      const observation = observed[index];
      if (observation === undefined) return;
      packets[node.id] =
        observation.kind === 'up'
          ? { ...observation.counters, performance: state.monitor?.performance[node.id] }
          : { unreachable: observation.reason };
    });
  }
  const height = supervisorPid === undefined ? undefined : await chainHeight(description.rpcUrl);
  return {
    ...description,
    running: supervisorPid !== undefined,
    ...(supervisorPid === undefined ? {} : { supervisorPid }),
    height,
    epoch: height === undefined ? state.monitor?.epoch : await liveEpoch(description, state.contracts.mixnet),
    lastReport: state.monitor?.reportedAt,
    services,
    packets,
  };
}

/** The epoch the chain is in now; undefined if it cannot be read. */
async function liveEpoch(
  network: NetworkDescription,
  mixnet: string | undefined,
): Promise<number | undefined> {
  if (mixnet === undefined) return undefined;
  try {
    const reader = await connectReader(network.rpcUrl);
    try {
      return await mixnetContractOperations({
        rpcUrl: network.rpcUrl,
        deploymentPath: network.deployment,
      }).currentEpoch(reader, mixnet);
    } finally {
      reader.disconnect();
    }
  } catch {
    return undefined;
  }
}

/** What a network's data folder may hold; reset refuses to delete a folder with anything else. */
const NETWORK_ENTRIES = new Set([
  'testnet.json',
  'chain',
  'nodes',
  'clients',
  'logs',
  'deployments.json',
  'topology.json',
]);

/** `nymts testnet reset`: deletes the data folder of a network that is not running. */
export function resetTestnet(home?: string): { home: string; removed: boolean } {
  const layout = testnetLayout(home);
  if (!existsSync(layout.home)) return { home: layout.home, removed: false };
  const state = readState(layout.state);
  const pid = state === undefined ? undefined : runningSupervisor(state);
  if (pid !== undefined) {
    throw new TestnetError(
      'still_running',
      `the network in ${layout.home} is running (pid ${pid}); stop it first`,
      {
        pid,
      },
    );
  }
  const foreign = readdirSync(layout.home).filter(
    (entry) => !NETWORK_ENTRIES.has(entry) && !entry.endsWith('.tmp'),
  );
  if (foreign.length > 0) {
    throw new TestnetError(
      'not_a_network',
      `${layout.home} holds more than a local network (${foreign.slice(0, 5).join(', ')}); not deleting it`,
      { home: layout.home, foreign },
    );
  }
  rmSync(layout.home, { recursive: true, force: true });
  return { home: layout.home, removed: true };
}
