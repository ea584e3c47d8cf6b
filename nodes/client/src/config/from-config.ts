// Everything `nymts client run` needs to go from a home folder to a running client: config, keys,
// state, the gateway connection, the WebSocket API, logs and metrics, with flags on top of the file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  createApiServer,
  createLogger,
  createMetrics,
  loadTomlConfig,
  parseSocketAddress,
  type ApiServer,
  type DestinationStream,
  type HealthStatus,
  type Logger,
  type LogLevel,
  type Metrics,
  type SocketAddress,
} from '@nymts/node-common';
import { tryDecodeBase58 } from '../address/base58';
import { createWebSocketApi, type WebSocketApi } from '../api/websocket-api';
import { type ClientOptions, createClient, type MixnetClient } from '../client';
import { ClientError } from '../errors';
import { createWebSocketGatewayConnector } from '../gateway/websocket-gateway';
import { readClientKeys } from '../storage/key-file';
import { openSqliteClientStore } from '../storage/client-store';
import { createJsonFileTopologyProvider } from '../topology/json-file-provider';
import { gatewayWebSocketUrl, type TopologyProvider } from '../topology/topology';
import { type ClientConfig, clientConfigSchema, clientPaths, type ClientPaths } from './client-config';

export interface ClientOverrides {
  topologyFile?: string;
  apiHost?: string;
  apiPort?: number;
  /** Serves /metrics and health on this port (on the API's host). */
  httpPort?: number;
  logLevel?: LogLevel;
}

export interface ClientRuntime {
  /** A topology source in place of the config's file (the mixnet contract, a test network). */
  topology?: TopologyProvider;
  /** Where log lines go (stderr by default, so stdout stays for the command's output). */
  logStream?: DestinationStream;
  /** Client settings beyond the config file (tests: short delays). */
  clientOptions?: Partial<ClientOptions>;
}

export interface ClientProcess {
  readonly client: MixnetClient;
  readonly address: string;
  readonly config: ClientConfig;
  readonly paths: ClientPaths;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Where the WebSocket API listens, once started (undefined when disabled). */
  readonly apiAddress: SocketAddress | undefined;
  readonly httpAddress: SocketAddress | undefined;
  start(signal?: AbortSignal): Promise<void>;
  stop(): Promise<void>;
}

function gatewayIdentityOf(config: ClientConfig): Uint8Array {
  const identity = tryDecodeBase58(config.gateway.identity);
  if (identity === undefined) {
    throw new ClientError('bad_config', `gateway.identity "${config.gateway.identity}" is not base58`);
  }
  return identity;
}

function withPort(address: string, host: string | undefined, port: number | undefined): SocketAddress {
  const parsed = parseSocketAddress(address);
  return { host: host ?? parsed.host, port: port ?? parsed.port };
}

/** Reads `<home>/config/config.toml` and the keys and state it names, and builds the client (not started). */
export function loadClientFromHome(
  home: string,
  overrides: ClientOverrides = {},
  runtime: ClientRuntime = {},
): ClientProcess {
  const config = loadTomlConfig(clientPaths(home).config, clientConfigSchema);
  const paths = clientPaths(home, config);
  const keys = readClientKeys(paths.keys);
  const gatewayIdentity = gatewayIdentityOf(config);
  const logger = createLogger({
    name: 'client',
    level: overrides.logLevel ?? config.logging.level,
    destination: runtime.logStream ?? 'stderr',
    base: { client: config.client.id },
  });
  const metrics = createMetrics({ role: 'client', processMetrics: true });
  const topology =
    runtime.topology ?? createJsonFileTopologyProvider(overrides.topologyFile ?? config.topology.file);
  mkdirSync(dirname(paths.state), { recursive: true });
  const store = openSqliteClientStore(paths.state);
  const { traffic } = config;
  const client = createClient(
    {
      keys,
      gateway: gatewayIdentity,
      timing: {
        averagePacketDelayMs: traffic.average_packet_delay_ms,
        averageAckDelayMs: traffic.average_ack_delay_ms,
        messageSendingAverageDelayMs: traffic.message_sending_average_delay_ms,
        loopCoverTrafficAverageDelayMs: traffic.loop_cover_traffic_average_delay_ms,
        disableMainPoissonStream: traffic.disable_main_poisson_stream,
        disableLoopCoverStream: traffic.disable_loop_cover_stream,
      },
      topology: { refreshIntervalMs: config.topology.refresh_interval_ms },
      ...runtime.clientOptions,
    },
    {
      topology,
      connectGateway: createWebSocketGatewayConnector(
        {
          url:
            config.gateway.url ??
            (async (signal) => gatewayWebSocketUrl(await topology.fetch(signal), gatewayIdentity)),
          gatewayIdentity,
          keys,
        },
        { store, logger },
      ),
      store,
      logger,
      metrics,
    },
  );
  const api: WebSocketApi | undefined = config.api.enabled
    ? createWebSocketApi(withPort(config.api.listen_address, overrides.apiHost, overrides.apiPort), {
        client,
        logger,
      })
    : undefined;
  const httpListen =
    overrides.httpPort !== undefined
      ? withPort(config.api.listen_address, overrides.apiHost, overrides.httpPort)
      : config.http.listen_address === undefined
        ? undefined
        : parseSocketAddress(config.http.listen_address);
  let health: HealthStatus = 'starting';
  const http: ApiServer | undefined =
    httpListen === undefined
      ? undefined
      : createApiServer(
          { address: httpListen },
          {
            logger,
            metrics,
            describe: () => ({ role: 'client', id: config.client.id, address: client.addressString }),
            health: () => ({ status: health }),
          },
        );
  let apiAddress: SocketAddress | undefined;
  let httpAddress: SocketAddress | undefined;
  // What start() brought up, in order; stop() takes it down in reverse, also after a failed start.
  const running: (() => Promise<void>)[] = [];

  return {
    client,
    address: client.addressString,
    config,
    paths,
    logger,
    metrics,
    get apiAddress() {
      return apiAddress;
    },
    get httpAddress() {
      return httpAddress;
    },
    async start(signal) {
      await client.start(signal);
      running.push(() => client.stop());
      if (api !== undefined) {
        const { port } = await api.start();
        running.push(() => api.stop());
        apiAddress = { host: withPort(config.api.listen_address, overrides.apiHost, undefined).host, port };
      }
      if (http !== undefined) {
        httpAddress = await http.start(signal);
        running.push(() => http.stop());
      }
      health = 'up';
      logger.info({ address: client.addressString, api: apiAddress }, 'client up');
    },
    async stop() {
      health = 'stopping';
      for (const stopPart of running.splice(0).reverse()) await stopPart();
      store.close();
    },
  };
}
