// Everything `nymts mixnode run` needs to go from a home folder to a running node: config,
// keys, logger and metrics, with command-line overrides on top of the file. The mix-port part is
// shared with the gateway.
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
  type KeyPair,
  type LogLevel,
  type Logger,
  type Metrics,
  type SocketAddress,
  type Transport,
} from '@nymts/node-common';
import type { z } from 'zod';
import type { ForwarderOptions } from '../forwarder';
import type { MixPortOptions } from '../mix-port';
import { createMixnode, type Mixnode, type MixnodeOptions } from '../mixnode';
import { SPHINX_PROCESSOR } from '../processing/sphinx-processor';
import { replayCapacity } from '../replay/replay-protection';
import {
  mixnodeConfigSchema,
  nodePaths,
  type MixnodeConfig,
  type NodePaths,
  type httpSection,
  type keysSection,
  type loggingSection,
  type mixPortSection,
  type replayProtectionSection,
  type unwrapSection,
} from './mixnode-config';

export interface NodeOverrides {
  listenHost?: string;
  mixPort?: number;
  httpPort?: number;
  workers?: number;
  logLevel?: LogLevel;
}

/** The config sections of any node with a mix port. */
export interface MixPortConfig {
  node: { id: string };
  mixnet: z.output<typeof mixPortSection>;
  http: z.output<typeof httpSection>;
  unwrap: z.output<typeof unwrapSection>;
  replay_protection: z.output<typeof replayProtectionSection>;
  keys: z.output<typeof keysSection>;
  logging: z.output<typeof loggingSection>;
}

/** What a node with a mix port is built from, besides its own sections. */
export interface NodeBasis {
  mixPort: MixPortOptions;
  forwarder: ForwarderOptions;
  announceAddress: SocketAddress | undefined;
  httpAddress: SocketAddress | undefined;
  identity: KeyPair;
}

export interface NodeRuntime {
  clock?: Clock;
  transport?: Transport;
  logStream?: DestinationStream;
}

export interface LoadedMixnode {
  mixnode: Mixnode;
  config: MixnodeConfig;
  paths: NodePaths;
  logger: Logger;
  metrics: Metrics;
}

/** `address` with the host and port a flag overrode. */
export function withOverrides(
  address: string,
  host: string | undefined,
  port: number | undefined,
): SocketAddress {
  const parsed = parseSocketAddress(address);
  return { host: host ?? parsed.host, port: port ?? parsed.port };
}

/** Reads the node's keys and turns the shared sections into options. */
export function nodeBasisFromConfig(
  config: MixPortConfig,
  paths: NodePaths,
  overrides: NodeOverrides,
): NodeBasis {
  const identity = readKeyPair(paths.identity, 'ed25519');
  const sphinx = readKeyPair(paths.sphinx, 'x25519');
  const { mixnet, replay_protection: replay } = config;
  return {
    identity,
    announceAddress:
      mixnet.announce_address === undefined ? undefined : parseSocketAddress(mixnet.announce_address),
    httpAddress: config.http.enabled
      ? withOverrides(config.http.listen_address, overrides.listenHost, overrides.httpPort)
      : undefined,
    mixPort: {
      listenAddress: withOverrides(mixnet.listen_address, overrides.listenHost, overrides.mixPort),
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
    },
    forwarder: {
      frameVersion: mixnet.outbound_frame_version,
      outbound: {
        maxBufferedBytes: mixnet.outbound_max_buffered_bytes,
        maxPeers: mixnet.outbound_max_peers,
        connectTimeoutMs: mixnet.outbound_connect_timeout_ms,
        reconnectBackoffMs: {
          initial: mixnet.outbound_reconnect_backoff_initial_ms,
          max: mixnet.outbound_reconnect_backoff_max_ms,
        },
      },
    },
  };
}

/** The node's logger (JSON lines on stderr, so stdout stays for the command's own output) and metrics. */
export function nodeObservability(
  role: string,
  config: MixPortConfig,
  overrides: NodeOverrides,
  runtime: NodeRuntime,
): { logger: Logger; metrics: Metrics } {
  return {
    logger: createLogger({
      name: role,
      level: overrides.logLevel ?? config.logging.level,
      destination: runtime.logStream ?? 'stderr',
      base: { node: config.node.id },
    }),
    metrics: createMetrics({ role, processMetrics: true }),
  };
}

export function mixnodeOptionsFromConfig(
  config: MixnodeConfig,
  paths: NodePaths,
  overrides: NodeOverrides,
): MixnodeOptions {
  const basis = nodeBasisFromConfig(config, paths, overrides);
  return {
    ...basis.mixPort,
    id: config.node.id,
    announceAddress: basis.announceAddress,
    httpAddress: basis.httpAddress,
    identityPublicKey: basis.identity.publicKeyBytes,
    maxPacketDelayMs: config.mixnet.max_packet_delay_ms,
    delayQueueCapacity: config.mixnet.delay_queue_capacity,
    outboundFrameVersion: basis.forwarder.frameVersion,
    outbound: basis.forwarder.outbound,
  };
}

/** Reads `<home>/config/config.toml` and the keys it names, and builds the node (not started). */
export function loadMixnodeFromHome(
  home: string,
  overrides: NodeOverrides,
  runtime: NodeRuntime = {},
): LoadedMixnode {
  const config = loadTomlConfig(nodePaths(home).config, mixnodeConfigSchema);
  const paths = nodePaths(home, config.keys, config.storage);
  const options = mixnodeOptionsFromConfig(config, paths, overrides);
  const { logger, metrics } = nodeObservability('mixnode', config, overrides, runtime);
  const mixnode = createMixnode(options, {
    transport: runtime.transport,
    clock: runtime.clock ?? systemClock,
    rng: cryptoRng,
    logger,
    metrics,
    processor: SPHINX_PROCESSOR,
  });
  return { mixnode, config, paths, logger, metrics };
}
