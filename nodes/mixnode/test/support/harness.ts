// Real nodes on 127.0.0.1 for integration tests and the benchmark: a mix node with small
// defaults, a sink that plays the final hop, and a raw sender.
import { connect, createServer, type Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  FrameDecoder,
  createMetrics,
  cryptoRng,
  encodeNodeAddress,
  silentLogger,
  systemClock,
  type Metrics,
  type SocketAddress,
} from '@nymts/node-common';
import { createMixnode, type Mixnode, type MixnodeOptions, type SphinxKey } from '../../src';
import { generateSphinxKeys, type PacketSuite } from './packet-suite';

export interface TestNode {
  node: Mixnode;
  metrics: Metrics;
  key: SphinxKey;
  dataDir: string;
  address: SocketAddress;
  routingAddress: Uint8Array;
  options: MixnodeOptions;
}

export function newSphinxKey(rotationId = 0): SphinxKey {
  return { rotationId, ...generateSphinxKeys() };
}

export function testNodeOptions(
  overrides: Partial<MixnodeOptions> & { dataDir: string; key: SphinxKey },
): MixnodeOptions {
  const { dataDir, key, ...rest } = overrides;
  return {
    id: 'test-mix',
    listenAddress: { host: '127.0.0.1', port: 0 },
    sphinxKeys: [key],
    maxConnections: 64,
    maxInFlightPerConnection: 64,
    maxInFlightTotal: 1024,
    maxPacketDelayMs: 10_000,
    delayQueueCapacity: 10_000,
    outboundFrameVersion: 'v8',
    outbound: {
      maxBufferedBytes: 4 * 1024 * 1024,
      maxPeers: 64,
      connectTimeoutMs: 2000,
      reconnectBackoffMs: { initial: 50, max: 500 },
    },
    unwrapWorkers: 0,
    replay: {
      directory: join(dataDir, 'replay'),
      falsePositiveRate: 1e-5,
      initialCapacity: 10_000,
      flushIntervalMs: 60_000,
    },
    ...rest,
  };
}

/** Starts a mix node; pass `restartOf` to bring the same node back on its old port and data. */
export async function startTestNode(
  suite: PacketSuite,
  overrides: Partial<MixnodeOptions> = {},
  restartOf?: TestNode,
): Promise<TestNode> {
  const dataDir = restartOf?.dataDir ?? mkdtempSync(join(tmpdir(), 'nymts-mixnode-'));
  const key = restartOf?.key ?? overrides.sphinxKeys?.[0] ?? newSphinxKey();
  const options = testNodeOptions({
    dataDir,
    key,
    ...(restartOf ? { listenAddress: restartOf.address } : {}),
    ...overrides,
  });
  const metrics = createMetrics({ role: 'mixnode' });
  const node = createMixnode(options, {
    clock: systemClock,
    rng: cryptoRng,
    logger: silentLogger(),
    metrics,
    processor: suite.processor,
  });
  await node.start();
  return {
    node,
    metrics,
    key,
    dataDir,
    address: node.mixAddress,
    routingAddress: encodeNodeAddress(node.mixAddress),
    options,
  };
}

export interface Delivery {
  payload: Uint8Array;
  at: number;
}

export interface Sink {
  key: SphinxKey;
  address: SocketAddress;
  routingAddress: Uint8Array;
  deliveries: Delivery[];
  /** Frames that arrived but did not unwrap as a final hop for the sink's key. */
  rejected: number;
  waitForDeliveries(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The final hop: unwraps what arrives with its own key and records the payloads. */
export async function startSink(suite: PacketSuite): Promise<Sink> {
  const key = newSphinxKey();
  const sockets = new Set<Socket>();
  const sink = { key, deliveries: [] as Delivery[], rejected: 0 };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const decoder = new FrameDecoder();
    socket.on('data', (chunk) => {
      decoder.push(chunk, (frame) => {
        const result = suite.processPacket(frame.packet, key.privateKey);
        if (result.kind === 'final') sink.deliveries.push({ payload: result.payload, at: performance.now() });
        else sink.rejected += 1;
      });
    });
    socket.on('end', () => socket.end());
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = { host: '127.0.0.1', port: (server.address() as { port: number }).port };
  return Object.assign(sink, {
    address,
    routingAddress: encodeNodeAddress(address),
    waitForDeliveries: (count: number, timeoutMs = 5000) =>
      waitUntil(() => sink.deliveries.length >= count, timeoutMs, `${count} deliveries`),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}

/** Polls until `condition` holds; fails with `what` after `timeoutMs`. Not a timing assertion. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface RawConnection {
  socket: Socket;
  /** Resolves when the node closes the connection. */
  closed: Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  end(): Promise<void>;
}

export async function openConnection(address: SocketAddress): Promise<RawConnection> {
  const socket = connect({ host: address.host, port: address.port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => undefined);
  socket.resume();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    socket,
    closed,
    write: (bytes) => new Promise((resolve) => socket.write(bytes, () => resolve())),
    end: async () => {
      socket.end();
      await closed;
    },
  };
}

export async function sendAndClose(address: SocketAddress, ...frames: Uint8Array[]): Promise<void> {
  const connection = await openConnection(address);
  for (const frame of frames) await connection.write(frame);
  await connection.end();
}

export async function dropped(node: TestNode, reason: string): Promise<number> {
  return (await node.metrics.value('packets_dropped_total', { reason })) ?? 0;
}
