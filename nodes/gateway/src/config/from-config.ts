// Everything `nymts gateway run` needs to go from a home folder to a running gateway: config,
// keys, the SQLite stores, logger and metrics, with command-line overrides on top of the file.
import {
  systemClock,
  loadTomlConfig,
  parseSocketAddress,
  type Logger,
  type Metrics,
} from '@nymts/node-common';
import {
  SPHINX_PROCESSOR,
  nodeBasisFromConfig,
  nodeObservability,
  withOverrides,
  type NodeOverrides,
  type NodeRuntime,
} from '@nymts/mixnode';
import { createSqliteSharedKeyStore, type SharedKeyStore } from '../client-protocol/shared-key-store';
import { createGateway, type Gateway, type GatewayOptions } from '../gateway';
import { createSqliteInbox, type MessageInbox } from '../inbox/message-inbox';
import { gatewayConfigSchema, gatewayPaths, type GatewayConfig, type GatewayPaths } from './gateway-config';

export interface GatewayOverrides extends NodeOverrides {
  clientsPort?: number;
}

export interface LoadedGateway {
  gateway: Gateway;
  config: GatewayConfig;
  paths: GatewayPaths;
  logger: Logger;
  metrics: Metrics;
  /** Closes the SQLite stores; call after `gateway.stop()`. */
  closeStores(): void;
}

export function gatewayOptionsFromConfig(
  config: GatewayConfig,
  paths: GatewayPaths,
  overrides: GatewayOverrides,
): GatewayOptions {
  const basis = nodeBasisFromConfig(config, paths, overrides);
  const { clients } = config;
  return {
    ...basis.mixPort,
    id: config.node.id,
    announceAddress: basis.announceAddress,
    httpAddress: basis.httpAddress,
    identity: { secretKey: basis.identity.privateKeyBytes, publicKey: basis.identity.publicKeyBytes },
    forwarder: basis.forwarder,
    clients: {
      listenAddress: withOverrides(clients.listen_address, overrides.listenHost, overrides.clientsPort),
      announceAddress:
        clients.announce_address === undefined ? undefined : parseSocketAddress(clients.announce_address),
      rateLimit: { perSecond: clients.max_packets_per_second, burst: clients.max_packets_burst },
      setupTimeoutMs: clients.setup_timeout_ms,
    },
  };
}

/** Reads `<home>/config/config.toml`, the keys and stores it names, and builds the gateway (not started). */
export function loadGatewayFromHome(
  home: string,
  overrides: GatewayOverrides,
  runtime: NodeRuntime = {},
): LoadedGateway {
  const config = loadTomlConfig(gatewayPaths(home).config, gatewayConfigSchema);
  const paths = gatewayPaths(home, config);
  const options = gatewayOptionsFromConfig(config, paths, overrides);
  const { logger, metrics } = nodeObservability('gateway', config, overrides, runtime);
  const keyStore: SharedKeyStore = createSqliteSharedKeyStore(paths.sharedKeys);
  let inbox: MessageInbox;
  try {
    inbox = createSqliteInbox(paths.inbox, {
      maxMessagesPerClient: config.clients.inbox_max_messages,
      maxBytesPerClient: config.clients.inbox_max_bytes,
    });
  } catch (error) {
    keyStore.close();
    throw error;
  }
  const gateway = createGateway(options, {
    transport: runtime.transport,
    clock: runtime.clock ?? systemClock,
    logger,
    metrics,
    processor: SPHINX_PROCESSOR,
    keyStore,
    inbox,
  });
  return {
    gateway,
    config,
    paths,
    logger,
    metrics,
    closeStores: () => {
      inbox.close();
      keyStore.close();
    },
  };
}
