import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatSocketAddress, validateConfig, writeTomlConfig } from '@nymts/node-common';
import { encodeBase58 } from '../address/base58';
import { formatRecipient } from '../address/recipient';
import { ClientError } from '../errors';
import { clientAddress, type ClientKeys } from '../keys';
import { cryptoRng, type Rng } from '../runtime';
import { loadOrCreateClientKeys } from '../storage/key-file';
import { createJsonFileTopologyProvider } from '../topology/json-file-provider';
import type { GatewayNode } from '../topology/topology';
import { type ClientConfig, clientConfigSchema, clientPaths, type ClientPaths } from './client-config';

export interface InitClientOptions {
  id: string;
  home: string;
  /** The topology JSON file; stored as an absolute path. */
  topologyFile: string;
  /** bs58 identity of the gateway to use; one of the topology's gateways at random when absent. */
  gateway?: string;
  apiHost?: string;
  apiPort?: number;
  rng?: Rng;
}

export interface InitClientResult {
  config: ClientConfig;
  paths: ClientPaths;
  keys: ClientKeys;
  /** `<identity>.<encryption>@<gateway>`. */
  address: string;
}

function chooseGateway(gateways: GatewayNode[], wanted: string | undefined, rng: Rng): GatewayNode {
  const reachable = gateways.filter((gateway) => gateway.clientsPort !== undefined);
  if (wanted !== undefined) {
    const found = reachable.find((gateway) => encodeBase58(gateway.identity) === wanted);
    if (found === undefined) {
      throw new ClientError('bad_config', `gateway ${wanted} is not in the topology (with a client port)`, {
        details: { gateway: wanted },
      });
    }
    return found;
  }
  if (reachable.length === 0) {
    throw new ClientError('bad_topology', 'the topology has no gateway with a client port to register with');
  }
  return reachable[rng.randomInt(reachable.length)] as GatewayNode;
}

/**
 * `nymts client init`: keys (JSON, mode 0600) and a config naming the gateway, picked from the
 * topology or given. Refuses a home that already has a config, so keys are never replaced.
 * Registration happens at the first run, when the gateway is reachable.
 */
export async function initClient(
  options: InitClientOptions,
  signal?: AbortSignal,
): Promise<InitClientResult> {
  const paths = clientPaths(options.home);
  if (existsSync(paths.config)) {
    throw new ClientError('bad_config', `${paths.config} exists; this client is already initialised`, {
      details: { home: options.home, reason: 'already_initialised' },
    });
  }
  const rng = options.rng ?? cryptoRng;
  const topologyFile = resolve(options.topologyFile);
  const topology = await createJsonFileTopologyProvider(topologyFile).fetch(signal);
  const gateway = chooseGateway(topology.gateways, options.gateway, rng);
  const config = validateConfig(
    clientConfigSchema,
    {
      client: { id: options.id },
      gateway: { identity: encodeBase58(gateway.identity) },
      topology: { file: topologyFile },
      api: {
        listen_address: formatSocketAddress({
          host: options.apiHost ?? '127.0.0.1',
          port: options.apiPort ?? 1977,
        }),
      },
    },
    'client init options',
  );
  const { keys } = loadOrCreateClientKeys(paths.keys, rng.randomBytes);
  writeTomlConfig(
    paths.config,
    config,
    `# nymts client "${options.id}". Settings: see @nymts/client's README\n`,
  );
  return { config, paths, keys, address: formatRecipient(clientAddress(keys, gateway.identity)) };
}
