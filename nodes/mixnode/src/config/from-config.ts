// Everything `nymts mixnode run` needs to go from a home folder to a running node: config,
// keys, logger and metrics, with command-line overrides on top of the file.
import {
  createLogger,
  createMetrics,
  cryptoRng,
  loadTomlConfig,
  parseSocketAddress,
  readKeyPair,
  systemClock,
  type Clock,
  type DestinationStream,
  type LogLevel,
  type Logger,
  type Metrics,
  type SocketAddress,
  type Transport,
} from '@nymts/node-common';
import { createMixnode, type Mixnode, type MixnodeOptions } from '../mixnode';
import type { ProcessorSource } from '../processing/packet-processor';
import { replayCapacity } from '../replay/replay-protection';
import { mixnodeConfigSchema, mixnodePaths, type MixnodeConfig, type MixnodePaths } from './mixnode-config';

export interface MixnodeOverrides {
  listenHost?: string;
  mixPort?: number;
  httpPort?: number;
  workers?: number;
  logLevel?: LogLevel;
}

export interface LoadedMixnode {
  mixnode: Mixnode;
  config: MixnodeConfig;
  paths: MixnodePaths;
  logger: Logger;
  metrics: Metrics;
}

function withOverrides(address: string, host: string | undefined, port: number | undefined): SocketAddress {
  const parsed = parseSocketAddress(address);
  return { host: host ?? parsed.host, port: port ?? parsed.port };
}

export function mixnodeOptionsFromConfig(
  config: MixnodeConfig,
  paths: MixnodePaths,
  overrides: MixnodeOverrides,
): MixnodeOptions {
  const identity = readKeyPair(paths.identity, 'ed25519');
  const sphinx = readKeyPair(paths.sphinx, 'x25519');
  const { mixnet, replay_protection: replay } = config;
  return {
    id: config.node.id,
    listenAddress: withOverrides(mixnet.listen_address, overrides.listenHost, overrides.mixPort),
    announceAddress:
      mixnet.announce_address === undefined ? undefined : parseSocketAddress(mixnet.announce_address),
    httpAddress: config.http.enabled
      ? withOverrides(config.http.listen_address, overrides.listenHost, overrides.httpPort)
      : undefined,
    identityPublicKey: identity.publicKeyBytes,
    sphinxKeys: [
      {
        rotationId: config.keys.sphinx_rotation_id,
        privateKey: sphinx.privateKeyBytes,
        publicKey: sphinx.publicKeyBytes,
      },
    ],
    maxConnections: mixnet.max_connections,
    maxInFlightPerConnection: mixnet.max_in_flight_per_connection,
    maxInFlightTotal: mixnet.max_in_flight_total,
    maxPacketDelayMs: mixnet.max_packet_delay_ms,
    delayQueueCapacity: mixnet.delay_queue_capacity,
    outboundFrameVersion: mixnet.outbound_frame_version,
    outbound: {
      maxBufferedBytes: mixnet.outbound_max_buffered_bytes,
      maxPeers: mixnet.outbound_max_peers,
      connectTimeoutMs: mixnet.outbound_connect_timeout_ms,
      reconnectBackoffMs: {
        initial: mixnet.outbound_reconnect_backoff_initial_ms,
        max: mixnet.outbound_reconnect_backoff_max_ms,
      },
    },
    unwrapWorkers: overrides.workers ?? config.unwrap.workers,
    replay: {
      directory: paths.replayFilters,
      falsePositiveRate: replay.false_positive_rate,
      initialCapacity: replayCapacity({
        packetsPerSecond: replay.expected_packets_per_second,
        keyLifetimeSeconds: replay.key_lifetime_hours * 3600,
        sizeMultiplier: replay.size_multiplier,
      }),
      flushIntervalMs: replay.flush_interval_secs * 1000,
    },
  };
}

/** Reads `<home>/config/config.toml` and the keys it names, and builds the node (not started). */
export function loadMixnodeFromHome(
  home: string,
  overrides: MixnodeOverrides,
  env: { processor: ProcessorSource; clock?: Clock; transport?: Transport; logStream?: DestinationStream },
): LoadedMixnode {
  const config = loadTomlConfig(mixnodePaths(home).config, mixnodeConfigSchema);
  const paths = mixnodePaths(home, config);
  const options = mixnodeOptionsFromConfig(config, paths, overrides);
  // Logs go to stderr, so stdout stays for the command's own output (--output json).
  const logger = createLogger({
    name: 'mixnode',
    level: overrides.logLevel ?? config.logging.level,
    destination: env.logStream ?? 'stderr',
    base: { node: config.node.id },
  });
  const metrics = createMetrics({ role: 'mixnode', processMetrics: true });
  const mixnode = createMixnode(options, {
    transport: env.transport,
    clock: env.clock ?? systemClock,
    rng: cryptoRng,
    logger,
    metrics,
    processor: env.processor,
  });
  return { mixnode, config, paths, logger, metrics };
}
