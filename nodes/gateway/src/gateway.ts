// The gateway process: the mix port (frames in → unwrap → replay check, as a mix node) for the
// packets that end here, and the client WebSocket for the packets its clients send. A client's
// packet goes on to its layer-1 node over a pooled connection. A final-hop packet for one of its
// clients gives up its SURB-ACK, which goes on to the ack's first hop, and its message, which the
// client gets at once if connected, or from the SQLite inbox when it comes back.
import { GATEWAY_DROP_REASONS, createGatewayMetrics, type GatewayDropReason } from './mixnet/metrics';
import {
  createDropCounter,
  createForwarder,
  createMixPort,
  type ForwarderOptions,
  type MixPortOptions,
  type ProcessorSource,
  type SphinxKeyControl,
  type UnwrappedPacket,
} from '@nymts/mixnode';
import {
  componentLogger,
  createApiServer,
  encodeKey,
  formatSocketAddress,
  tcpTransport,
  type ApiServer,
  type Clock,
  type FrameHeader,
  type HealthStatus,
  type Logger,
  type Metrics,
  type SocketAddress,
  type Transport,
} from '@nymts/node-common';
import { type BandwidthController } from './client-protocol/bandwidth';
import {
  type MixPacket,
  GATEWAY_PROTOCOL_VERSION,
  encodeBase58,
  type Ed25519KeyPair,
  type RandomBytes,
} from '@nymts/gateway-protocol';
import { type SharedKeyStore } from './client-protocol/shared-key-store';
import { createClientWebSocketServer } from './client-websocket-server';
import { type MessageInbox, type StoreResult } from './inbox/message-inbox';
import { splitFinalHop } from './mixnet/final-hop';
import { createRateLimiter, type RateLimit } from './mixnet/rate-limiter';

export interface GatewayClientsOptions {
  /** The client WebSocket (port 0 picks a free one). */
  listenAddress: SocketAddress;
  /** What clients dial, published in the description; the listen address when omitted. */
  announceAddress?: SocketAddress;
  /** Packets each client may send into the mixnet: on average per second, and at once. */
  rateLimit: RateLimit;
  maxFrameBytes?: number;
  setupTimeoutMs?: number;
}

export interface GatewayOptions extends MixPortOptions {
  id: string;
  /** What mix nodes dial, published in the description; the listen address when omitted. */
  announceAddress?: SocketAddress;
  /** The HTTP API (description, health, /metrics); none when omitted. */
  httpAddress?: SocketAddress;
  /** The gateway's ed25519 identity: clients check it in the handshake; its base58 ends their address. */
  identity: Ed25519KeyPair;
  clients: GatewayClientsOptions;
  forwarder: ForwarderOptions;
}

export interface GatewayDeps {
  transport?: Transport;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** A processor object runs on the main thread; worker threads need it as a module reference. */
  processor: ProcessorSource;
  /** Clients' shared keys. The caller owns it (and closes it after `stop`). */
  keyStore: SharedKeyStore;
  /** Messages for offline clients. The caller owns it (and closes it after `stop`). */
  inbox: MessageInbox;
  bandwidth?: BandwidthController;
  random?: RandomBytes;
  /** Wall-clock seconds, for the age of clients' authentication requests. */
  nowUnixSeconds?: () => bigint;
}

export interface GatewayDescription {
  role: 'gateway';
  id: string;
  version: string;
  identity_key: string;
  sphinx_keys: Array<{ rotation_id: number; public_key: string }>;
  mix_address: string;
  clients_address: string;
  client_protocol_version: number;
  frame_version: string;
}

export interface Gateway extends SphinxKeyControl {
  start(signal?: AbortSignal): Promise<void>;
  /** Closes both ports, waits for deliveries under way, flushes the replay filters. */
  stop(): Promise<void>;
  readonly mixAddress: SocketAddress;
  readonly clientsAddress: SocketAddress;
  readonly httpAddress: SocketAddress | undefined;
  describe(): GatewayDescription;
  connectedClients(): string[];
}

const VERSION: string = (require('../package.json') as { version: string }).version;

export function createGateway(options: GatewayOptions, deps: GatewayDeps): Gateway {
  const { clock, inbox, keyStore, metrics: registry } = deps;
  const transport = deps.transport ?? tcpTransport;
  const logger = deps.logger.child({ node: options.id });
  const log = (component: string): Logger => componentLogger(logger, component);
  const clientsLog = log('clients');

  let status: HealthStatus = 'starting';
  let startedAt = 0;
  let mixAddress: SocketAddress | undefined;
  let clientsAddress: SocketAddress | undefined;
  let httpAddress: SocketAddress | undefined;
  /** Deliveries under way (a push or a store); `stop` waits for them before the inbox may close. */
  const deliveries = new Set<Promise<void>>();

  const drop = createDropCounter<GatewayDropReason>(registry, GATEWAY_DROP_REASONS);
  const metrics = createGatewayMetrics(registry, {
    connectedClients: () => server.connectedClients().length,
  });
  const forwarder = createForwarder(options.forwarder, {
    transport,
    clock,
    logger: log('outbound'),
    metrics: registry,
    drop,
  });
  const rateLimiter = createRateLimiter(options.clients.rateLimit, clock);

  const forward = (
    address: SocketAddress,
    packet: Uint8Array,
    marks: Pick<FrameHeader, 'packetType' | 'keyRotation'>,
  ): boolean => {
    const frame = forwarder.encode(packet, marks);
    if (frame === undefined) return false;
    forwarder.send(address, frame);
    return true;
  };

  const onClientPacket = (clientId: string, mixPacket: MixPacket): void => {
    metrics.clientPackets.inc();
    if (!rateLimiter.allow(clientId)) {
      drop('rate_limited');
      clientsLog.debug({ clientId }, 'client over its packet rate; packet dropped');
      return;
    }
    forward(mixPacket.nextHop, mixPacket.packet, mixPacket);
  };

  /** Pushes to the client if it is connected, else stores; false when the message could not be kept. */
  const deliver = async (clientId: string, message: Uint8Array): Promise<boolean> => {
    try {
      if (await server.pushToClient(clientId, message)) {
        metrics.delivered.inc({ via: 'push' });
        return true;
      }
    } catch (error) {
      clientsLog.debug({ clientId, err: error }, 'push failed (client going away); storing the message');
    }
    let stored: StoreResult;
    try {
      stored = inbox.store(clientId, message);
    } catch (error) {
      drop('store_failed');
      clientsLog.error({ clientId, err: error }, 'could not store a message for an offline client');
      return false;
    }
    if (stored.kind === 'full') {
      drop('inbox_full');
      clientsLog.warn({ clientId, limit: stored.limit, usage: stored.usage }, stored.message);
      return false;
    }
    metrics.stored.inc();
    return true;
  };

  const onFinalHop = async (
    result: Extract<UnwrappedPacket, { kind: 'final' }>,
    header: FrameHeader,
  ): Promise<void> => {
    const clientId = encodeBase58(result.destination);
    if (keyStore.get(clientId) === undefined) {
      drop('unknown_client');
      return;
    }
    const content = splitFinalHop(result.payload, header.packetSize);
    if (content.kind === 'invalid') {
      drop(content.reason);
      logger.debug({ clientId, detail: content.detail }, 'final-hop packet without a usable SURB-ACK');
      return;
    }
    // The ack goes on once the message is safe (pushed, or committed to the inbox): a message
    // the gateway had to drop is not acknowledged, so its sender sends it again.
    if (!(await deliver(clientId, content.message))) return;
    if (content.kind === 'with-ack' && forward(content.ackFirstHop, content.ackPacket, header)) {
      metrics.acksForwarded.inc();
    }
  };

  const onPacket = (result: UnwrappedPacket, header: FrameHeader): void => {
    if (result.kind === 'forward') {
      drop('not_final_hop');
      return;
    }
    const delivery = onFinalHop(result, header).catch((error: unknown) =>
      logger.error({ err: error }, 'final-hop delivery failed'),
    );
    deliveries.add(delivery);
    void delivery.finally(() => deliveries.delete(delivery));
  };

  const mixPort = createMixPort(options, {
    transport,
    clock,
    logger,
    metrics: registry,
    processor: deps.processor,
    drop,
    onPacket,
  });

  const server = createClientWebSocketServer(
    {
      host: options.clients.listenAddress.host,
      port: options.clients.listenAddress.port,
      identity: options.identity,
      maxFrameBytes: options.clients.maxFrameBytes,
      setupTimeoutMs: options.clients.setupTimeoutMs,
    },
    {
      keyStore,
      inbox,
      bandwidth: deps.bandwidth,
      random: deps.random,
      nowUnixSeconds: deps.nowUnixSeconds,
      logger: clientsLog,
      onMixPacket: onClientPacket,
      onStoredMessagesDelivered: (_clientId, outcome) =>
        metrics.delivered.inc({ via: 'inbox' }, outcome.delivered),
    },
  );

  const announcedClients = (): SocketAddress =>
    options.clients.announceAddress ?? clientsAddress ?? options.clients.listenAddress;

  const describe = (): GatewayDescription => ({
    role: 'gateway',
    id: options.id,
    version: VERSION,
    identity_key: encodeKey(options.identity.publicKey),
    sphinx_keys: mixPort.keys.map((key) => ({
      rotation_id: key.rotationId,
      public_key: encodeKey(key.publicKey),
    })),
    mix_address: formatSocketAddress(options.announceAddress ?? mixAddress ?? options.listenAddress),
    clients_address: `ws://${formatSocketAddress(announcedClients())}`,
    client_protocol_version: GATEWAY_PROTOCOL_VERSION,
    frame_version: options.forwarder.frameVersion,
  });

  const api: ApiServer | undefined =
    options.httpAddress === undefined
      ? undefined
      : createApiServer(
          { address: options.httpAddress },
          {
            logger: log('http'),
            metrics: registry,
            describe,
            health: () => ({
              status,
              uptime_seconds: status === 'up' ? Math.round((clock.now() - startedAt) / 1000) : 0,
              inbound_connections: mixPort.connections,
              connected_clients: server.connectedClients().length,
            }),
          },
        );

  return {
    async start(signal) {
      mixAddress = await mixPort.start(signal);
      const { port } = await server.start(signal);
      clientsAddress = { host: options.clients.listenAddress.host, port };
      httpAddress = await api?.start(signal);
      startedAt = clock.now();
      status = 'up';
      logger.info(
        { mixAddress: formatSocketAddress(mixAddress), clientsAddress: formatSocketAddress(clientsAddress) },
        'gateway up',
      );
    },
    async stop() {
      if (status === 'stopping') return;
      status = 'stopping';
      await server.stop();
      await mixPort.close();
      await Promise.all(deliveries);
      await forwarder.close();
      await api?.stop();
      logger.info('gateway stopped');
    },
    get mixAddress() {
      if (mixAddress === undefined) throw new Error('the gateway has not started');
      return mixAddress;
    },
    get clientsAddress() {
      if (clientsAddress === undefined) throw new Error('the gateway has not started');
      return clientsAddress;
    },
    get httpAddress() {
      return httpAddress;
    },
    describe,
    connectedClients: () => server.connectedClients(),
    ...mixPort.keyControl,
  };
}
