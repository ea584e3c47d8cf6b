import { existsSync } from 'node:fs';
import {
  formatSocketAddress,
  generateKeyPair,
  validateConfig,
  writeKeyPair,
  writeTomlConfig,
  NodeError,
  type KeyPair,
} from '@nymts/node-common';
import { mixnodeConfigSchema, nodePaths, type MixnodeConfig, type NodePaths } from './mixnode-config';

/** What `init` asks of any node with a mix port: where to listen and what to announce. */
export interface InitNodeOptions {
  id: string;
  home: string;
  listenHost?: string;
  announceHost?: string;
  mixPort?: number;
  httpPort?: number;
  workers?: number;
}

export interface InitNodeResult<Config> {
  paths: NodePaths;
  config: Config;
  identity: KeyPair;
  sphinx: KeyPair;
}

/** The config sections every node with a mix port writes at `init`, from its options. */
export function initialNodeSections(options: InitNodeOptions) {
  const listenHost = options.listenHost ?? '0.0.0.0';
  // An unspecified bind address is no address to publish; default the announced one to loopback.
  const announceHost =
    options.announceHost ?? (listenHost === '0.0.0.0' || listenHost === '::' ? '127.0.0.1' : listenHost);
  const mixPort = options.mixPort ?? 1789;
  return {
    listenHost,
    announceHost,
    raw: {
      node: { id: options.id },
      mixnet: {
        listen_address: formatSocketAddress({ host: listenHost, port: mixPort }),
        announce_address: formatSocketAddress({ host: announceHost, port: mixPort }),
      },
      http: { listen_address: formatSocketAddress({ host: listenHost, port: options.httpPort ?? 8000 }) },
      unwrap: options.workers === undefined ? {} : { workers: options.workers },
    },
  };
}

/**
 * Creates a node's home: fresh identity and Sphinx keys (PEM, mode 0600) and its config file.
 * Refuses to touch a home that already has a config, so keys are never replaced by mistake.
 */
export function writeNodeHome<Config>(
  paths: NodePaths,
  config: Config,
  what: string,
): Omit<InitNodeResult<Config>, 'paths' | 'config'> {
  if (existsSync(paths.config)) {
    throw new NodeError(
      'already_initialised',
      `${paths.config} exists; this ${what} is already initialised`,
      {
        action: 'reject',
        details: { home: paths.home },
      },
    );
  }
  const identity = generateKeyPair('ed25519');
  const sphinx = generateKeyPair('x25519');
  writeKeyPair(paths.identity, identity);
  writeKeyPair(paths.sphinx, sphinx);
  writeTomlConfig(
    paths.config,
    config as Record<string, unknown>,
    `# nymts ${what}. Keys and settings: see its README\n`,
  );
  return { identity, sphinx };
}

/** `nymts mixnode init`: keys and a config file in a new home folder. */
export function initMixnode(options: InitNodeOptions): InitNodeResult<MixnodeConfig> {
  const paths = nodePaths(options.home);
  const config = validateConfig(
    mixnodeConfigSchema,
    initialNodeSections(options).raw,
    'mixnode init options',
  );
  return { paths, config, ...writeNodeHome(paths, config, `mix node "${options.id}"`) };
}
