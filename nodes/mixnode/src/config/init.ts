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
import { mixnodeConfigSchema, mixnodePaths, type MixnodeConfig, type MixnodePaths } from './mixnode-config';

export interface InitMixnodeOptions {
  id: string;
  home: string;
  listenHost?: string;
  announceHost?: string;
  mixPort?: number;
  httpPort?: number;
  workers?: number;
}

export interface InitMixnodeResult {
  paths: MixnodePaths;
  config: MixnodeConfig;
  identity: KeyPair;
  sphinx: KeyPair;
}

function hostPort(host: string, port: number): string {
  return formatSocketAddress({ host, port });
}

/**
 * Creates a node's home: fresh identity and Sphinx keys (PEM, mode 0600) and a config file.
 * Refuses to touch a home that already has a config, so keys are never replaced by mistake.
 */
export function initMixnode(options: InitMixnodeOptions): InitMixnodeResult {
  const paths = mixnodePaths(options.home);
  if (existsSync(paths.config)) {
    throw new NodeError(
      'already_initialised',
      `${paths.config} exists; this mix node is already initialised`,
      {
        action: 'reject',
        details: { home: options.home },
      },
    );
  }
  const listenHost = options.listenHost ?? '0.0.0.0';
  // An unspecified bind address is no address to publish; default the announced one to loopback.
  const announceHost =
    options.announceHost ?? (listenHost === '0.0.0.0' || listenHost === '::' ? '127.0.0.1' : listenHost);
  const mixPort = options.mixPort ?? 1789;
  const raw = {
    node: { id: options.id },
    mixnet: {
      listen_address: hostPort(listenHost, mixPort),
      announce_address: hostPort(announceHost, mixPort),
    },
    http: { listen_address: hostPort(listenHost, options.httpPort ?? 8000) },
    unwrap: options.workers === undefined ? {} : { workers: options.workers },
  };
  const config = validateConfig(mixnodeConfigSchema, raw, 'mixnode init options');
  const identity = generateKeyPair('ed25519');
  const sphinx = generateKeyPair('x25519');
  writeKeyPair(paths.identity, identity);
  writeKeyPair(paths.sphinx, sphinx);
  writeTomlConfig(
    paths.config,
    config as unknown as Record<string, unknown>,
    `# nymts mix node "${options.id}". Keys and settings: see nodes/mixnode/README.md\n`,
  );
  return { paths, config, identity, sphinx };
}
