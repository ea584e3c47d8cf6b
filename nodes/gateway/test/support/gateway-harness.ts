// A real gateway on 127.0.0.1 for integration tests (SQLite stores in a temporary folder, replay
// filters on disk), clients speaking the gateway protocol, and Sphinx packets with SURB-ACKs
// built the way Nym's clients build them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPHINX_PROCESSOR, type SphinxKey } from '@nymts/mixnode';
import { testNodeOptions, waitUntil } from '@nymts/mixnode/test/support/harness';
import {
  KeyRotation,
  createMetrics,
  encodeNodeAddress,
  encodeUnpaddedNodeAddress,
  silentLogger,
  systemClock,
  type Logger,
  type Metrics,
  type SocketAddress,
} from '@nymts/node-common';
import { PACKET_SIZES, createForwardPacket, generateSphinxKeyPair, type RouteNode } from '@nymts/sphinx';
import { type BandwidthController } from '../../src/client-protocol/bandwidth';
import { createSqliteSharedKeyStore } from '../../src/client-protocol/shared-key-store';
import {
  encodeBase58,
  generateEd25519KeyPair,
  type Ed25519KeyPair,
  systemRandomBytes,
  connectToGateway,
  type GatewayClientConnection,
} from '@nymts/gateway-protocol';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/gateway';
import { createSqliteInbox, type InboxLimits } from '../../src/inbox/message-inbox';
import { ACK_FIRST_HOP_BYTES } from '../../src/mixnet/final-hop';

// One clock for gateways and clients, a second further at every reading: authenticateV2 refuses
// a timestamp it has seen, and tests reconnect many times a second.
let clockSeconds = 1_800_000_000n;
const nowUnixSeconds = (): bigint => (clockSeconds += 1n);

export interface TestGateway {
  gateway: Gateway;
  metrics: Metrics;
  identity: Ed25519KeyPair;
  sphinxKey: SphinxKey;
  dataDir: string;
  /** The gateway as a Sphinx route node (its mix address and Sphinx key). */
  hop: RouteNode;
  url: string;
  /** Stops the gateway, then closes its stores. */
  stop(): Promise<void>;
}

export interface TestGatewaySetup {
  options?: Partial<GatewayOptions>;
  /** Brings this gateway back on its ports, keys and data. */
  restartOf?: TestGateway;
  inboxLimits?: InboxLimits;
  bandwidth?: BandwidthController;
  logger?: Logger;
  /** The test clock unless given (real time, for clients that use real time). */
  nowUnixSeconds?: () => bigint;
}

/** Starts a gateway: inline unwrapping, a generous rate limit, stores in a new temporary folder. */
export async function startTestGateway(setup: TestGatewaySetup = {}): Promise<TestGateway> {
  const { options: overrides = {}, restartOf } = setup;
  const dataDir = restartOf?.dataDir ?? mkdtempSync(join(tmpdir(), 'nymts-gateway-'));
  const identity = restartOf?.identity ?? generateEd25519KeyPair(systemRandomBytes);
  const sphinxKey = restartOf?.sphinxKey ??
    overrides.sphinxKeys?.[0] ?? { rotationId: 0, ...generateSphinxKeyPair() };
  const keyStore = createSqliteSharedKeyStore(join(dataDir, 'shared-keys.sqlite'));
  const inbox = createSqliteInbox(join(dataDir, 'inbox.sqlite'), setup.inboxLimits);
  const metrics = createMetrics({ role: 'gateway' });
  // The mix port and forwarding settings of the mix node tests; a gateway has no delay queue.
  const {
    id: _mixnodeId,
    maxPacketDelayMs: _maxDelay,
    delayQueueCapacity: _delayCapacity,
    outboundFrameVersion,
    outbound,
    ...mixPort
  } = testNodeOptions({ dataDir, key: sphinxKey });
  const gateway = createGateway(
    {
      ...mixPort,
      id: 'test-gateway',
      listenAddress: restartOf?.gateway.mixAddress ?? mixPort.listenAddress,
      httpAddress: { host: '127.0.0.1', port: 0 },
      identity,
      clients: {
        listenAddress: restartOf?.gateway.clientsAddress ?? { host: '127.0.0.1', port: 0 },
        rateLimit: { perSecond: 1000, burst: 1000 },
      },
      forwarder: { frameVersion: outboundFrameVersion, outbound },
      ...overrides,
    },
    {
      clock: systemClock,
      logger: setup.logger ?? silentLogger(),
      metrics,
      processor: SPHINX_PROCESSOR,
      keyStore,
      inbox,
      bandwidth: setup.bandwidth,
      nowUnixSeconds: setup.nowUnixSeconds ?? nowUnixSeconds,
    },
  );
  await gateway.start();
  return {
    gateway,
    metrics,
    identity,
    sphinxKey,
    dataDir,
    hop: { address: encodeNodeAddress(gateway.mixAddress), publicKey: sphinxKey.publicKey },
    url: `ws://127.0.0.1:${gateway.clientsAddress.port}`,
    stop: async () => {
      await gateway.stop();
      inbox.close();
      keyStore.close();
    },
  };
}

export interface TestClient {
  identity: Ed25519KeyPair;
  clientId: string;
  connection: GatewayClientConnection;
  received: Uint8Array[];
  waitForMessages(count: number, timeoutMs?: number): Promise<void>;
}

/** Registers a new client, or (given one) authenticates it again with its shared key. */
export async function connectClient(gateway: TestGateway, again?: TestClient): Promise<TestClient> {
  const identity = again?.identity ?? generateEd25519KeyPair(systemRandomBytes);
  const received = again?.received ?? [];
  const connection = await connectToGateway(
    {
      url: gateway.url,
      gatewayIdentity: gateway.identity.publicKey,
      identity,
      sharedKey: again?.connection.sharedKey,
    },
    { onMessage: (message) => received.push(message), nowUnixSeconds },
  );
  return {
    identity,
    clientId: encodeBase58(identity.publicKey),
    connection,
    received,
    waitForMessages: (count, timeoutMs = 10_000) =>
      waitUntil(() => received.length >= count, timeoutMs, `${count} messages for the client`),
  };
}

/**
 * A regular packet for `recipient` along `route` (mixes, then its gateway), whose plaintext is
 * Nym's: the SURB-ACK (the ack's first hop, zero-padded to 19 bytes ‖ an ack-size packet along
 * `ackRoute` to `ackRecipient`, carrying `ack`) ‖ `message`.
 */
export function packetWithSurbAck(spec: {
  route: RouteNode[];
  recipient: Uint8Array;
  message: Uint8Array;
  delaysMs: number[];
  ackRoute: RouteNode[];
  ackFirstHop: SocketAddress;
  ackRecipient: Uint8Array;
  ack: Uint8Array;
}): Uint8Array {
  const nanos = (ms: number): bigint => BigInt(ms) * 1_000_000n;
  const ackPacket = createForwardPacket({
    route: spec.ackRoute,
    destination: spec.ackRecipient,
    delaysNanos: spec.ackRoute.map(() => 0n),
    message: spec.ack,
    packetSize: PACKET_SIZES.ack,
  });
  const firstHop = new Uint8Array(ACK_FIRST_HOP_BYTES);
  firstHop.set(encodeUnpaddedNodeAddress(spec.ackFirstHop));
  return createForwardPacket({
    route: spec.route,
    destination: spec.recipient,
    delaysNanos: spec.delaysMs.map(nanos),
    message: Uint8Array.of(...firstHop, ...ackPacket, ...spec.message),
    packetSize: PACKET_SIZES.regular,
  });
}

/** What a client sends its gateway to put `packet` on the wire to `firstHop` (rotation 0: even). */
export function toLayerOne(firstHop: SocketAddress, packet: Uint8Array) {
  return { packetType: 0 as const, keyRotation: KeyRotation.even, nextHop: firstHop, packet };
}
