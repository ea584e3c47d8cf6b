import { createServer, type Server, type Socket } from 'node:net';
import { PACKET_SIZES } from '@nymts/sphinx';
import {
  FrameDecoder,
  createConnectionPool,
  createMetrics,
  encodeFrame,
  silentLogger,
  systemClock,
  tcpTransport,
  type ConnectionPoolOptions,
  type OutboundDropReason,
  type SocketAddress,
} from '../../src';

const options: ConnectionPoolOptions = {
  maxBufferedBytes: 64 * 1024,
  maxPeers: 4,
  connectTimeoutMs: 2000,
  reconnectBackoffMs: { initial: 50, max: 400 },
};

interface Sink {
  address: SocketAddress;
  frames: Uint8Array[];
  sockets: Set<Socket>;
  close(): Promise<void>;
  waitFor(count: number): Promise<void>;
}

async function startSink(port = 0, paused = false): Promise<Sink> {
  const frames: Uint8Array[] = [];
  const sockets = new Set<Socket>();
  const waiters: Array<() => void> = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (paused) socket.pause();
    const decoder = new FrameDecoder();
    socket.on('data', (chunk) => {
      decoder.push(chunk, (frame) => frames.push(frame.packet));
      for (const waiter of waiters.splice(0)) waiter();
    });
    socket.on('end', () => socket.end());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = server.address() as { port: number };
  return {
    address: { host: '127.0.0.1', port: bound.port },
    frames,
    sockets,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
    waitFor: async (count) => {
      while (frames.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

function packet(fill: number): Buffer {
  return encodeFrame(new Uint8Array(PACKET_SIZES.ack.totalSize).fill(fill), { version: 'v8' });
}

function newPool(overrides: Partial<ConnectionPoolOptions> = {}) {
  const drops: Array<[OutboundDropReason, number]> = [];
  let written = 0;
  const pool = createConnectionPool(
    { ...options, ...overrides },
    {
      transport: tcpTransport,
      clock: systemClock,
      logger: silentLogger(),
      metrics: createMetrics({ role: 'test' }),
      events: {
        dropped: (reason, count) => drops.push([reason, count]),
        written: (count) => (written += count),
      },
    },
  );
  return { pool, drops, written: () => written };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('outbound connection pool over real TCP', () => {
  it('queues while connecting, then delivers every frame in order over one connection', async () => {
    const sink = await startSink();
    const { pool, written } = newPool();
    for (let i = 0; i < 50; i++) expect(pool.send(sink.address, packet(i))).toBe('accepted');
    await sink.waitFor(50);
    expect(sink.frames.map((frame) => frame[0])).toEqual([...Array(50).keys()]);
    expect(sink.sockets.size).toBe(1);
    expect(written()).toBe(50);
    await pool.close();
    await sink.close();
  });

  it('drops what it queued for an unreachable hop, backs off, and reconnects once the hop is up', async () => {
    const probe = await startSink();
    const address = probe.address;
    await probe.close();
    const { pool, drops } = newPool();
    pool.send(address, packet(1));
    pool.send(address, packet(2));
    while (drops.length === 0) await sleep(10);
    expect(drops).toEqual([['unreachable', 2]]);
    expect(pool.send(address, packet(3))).toBe('unreachable');

    const sink = await startSink(address.port);
    await sleep(options.reconnectBackoffMs.initial + 20);
    expect(pool.send(address, packet(4))).toBe('accepted');
    await sink.waitFor(1);
    expect(sink.frames[0]?.[0]).toBe(4);
    await pool.close();
    await sink.close();
  });

  it('bounds the bytes buffered for a next hop that does not read', async () => {
    const sink = await startSink(0, true);
    const { pool } = newPool({ maxBufferedBytes: 8 * 1024 });
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const outcome = pool.send(sink.address, packet(i % 256));
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (i % 100 === 0) await sleep(1);
    }
    expect(outcomes.get('buffer_full')).toBeGreaterThan(0);
    expect(outcomes.get('accepted')).toBeGreaterThan(0);
    await pool.close(50);
    await sink.close();
  });

  it('forgets failed peers to make room, and refuses new peers when all are busy', async () => {
    const sinks = await Promise.all([startSink(), startSink(), startSink()]);
    const { pool } = newPool({ maxPeers: 2 });
    expect(pool.send(sinks[0]!.address, packet(1))).toBe('accepted');
    expect(pool.send(sinks[1]!.address, packet(1))).toBe('accepted');
    expect(pool.send(sinks[2]!.address, packet(1))).toBe('too_many_peers');
    expect(pool.peerCount).toBe(2);
    await pool.close();
    expect(pool.send(sinks[0]!.address, packet(1))).toBe('shutdown');
    await Promise.all(sinks.map((sink) => sink.close()));
  });
});
