// One outbound TCP connection per next hop, shared by every packet going there. A peer's
// buffer is bounded (bytes waiting for the connection plus the socket's own write buffer), so a
// slow or dead next hop costs dropped packets, never unbounded memory. A failed connect backs
// off exponentially; the next packet after the backoff reconnects.
import type { Socket } from 'node:net';
import { formatSocketAddress, type SocketAddress } from '../address/node-address';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import type { Clock, Timer } from '../time/clock';
import type { Transport } from './transport';

export type OutboundDropReason = 'buffer_full' | 'unreachable' | 'too_many_peers' | 'shutdown';

export interface ConnectionPoolOptions {
  /** Per peer: bytes queued while connecting plus bytes the socket has not yet written. */
  maxBufferedBytes: number;
  /** Distinct next hops held at once; beyond it, idle or failed peers are forgotten first. */
  maxPeers: number;
  connectTimeoutMs: number;
  reconnectBackoffMs: { initial: number; max: number };
}

export interface ConnectionPoolEvents {
  /** Frames handed to a socket. */
  written?(count: number): void;
  dropped?(reason: OutboundDropReason, count: number): void;
}

export interface ConnectionPool {
  /** Sends or queues one frame; the answer says whether it was dropped at once. */
  send(address: SocketAddress, frame: Uint8Array): 'accepted' | OutboundDropReason;
  readonly peerCount: number;
  /** Flushes what sockets hold (up to `graceMs`), then closes everything. */
  close(graceMs?: number): Promise<void>;
}

type PeerState =
  | { kind: 'idle' }
  | { kind: 'connecting'; queue: Uint8Array[]; queuedBytes: number; abort: AbortController }
  | { kind: 'connected'; socket: Socket; corked: boolean }
  | { kind: 'backoff'; until: number };

interface Peer {
  address: SocketAddress;
  key: string;
  state: PeerState;
  failures: number;
}

export function createConnectionPool(
  options: ConnectionPoolOptions,
  deps: {
    transport: Transport;
    clock: Clock;
    logger: Logger;
    metrics: Metrics;
    events?: ConnectionPoolEvents;
  },
): ConnectionPool {
  const { transport, clock, logger, events = {} } = deps;
  const peers = new Map<string, Peer>();
  let closed = false;
  deps.metrics.gauge({
    name: 'outbound_peers',
    help: 'Next hops with a connection or a pending one',
    read: () => peers.size,
  });
  const connects = deps.metrics.counter({
    name: 'outbound_connects_total',
    help: 'Outbound connection attempts by result',
    labelNames: ['result'],
  });

  const drop = (reason: OutboundDropReason, count: number): void => {
    if (count > 0) events.dropped?.(reason, count);
  };

  const backoffFor = (failures: number): number =>
    Math.min(
      options.reconnectBackoffMs.max,
      options.reconnectBackoffMs.initial * 2 ** Math.max(0, failures - 1),
    );

  const write = (peer: Peer, state: Extract<PeerState, { kind: 'connected' }>, frame: Uint8Array): void => {
    // Corking until the end of the tick turns a burst of frames into one write system call.
    if (!state.corked) {
      state.corked = true;
      state.socket.cork();
      process.nextTick(() => {
        state.corked = false;
        state.socket.uncork();
      });
    }
    state.socket.write(frame);
  };

  const onConnected = (peer: Peer, socket: Socket, queue: Uint8Array[]): void => {
    peer.failures = 0;
    const state: PeerState = { kind: 'connected', socket, corked: false };
    peer.state = state;
    connects.inc({ result: 'success' });
    socket.on('error', (error) =>
      logger.debug({ peer: peer.key, err: error.message }, 'outbound connection error'),
    );
    socket.on('close', () => {
      if (peer.state === state) peer.state = { kind: 'idle' };
    });
    // A next hop has nothing to say to us; reading keeps the socket from stalling if it tries.
    socket.resume();
    for (const frame of queue) write(peer, state, frame);
    events.written?.(queue.length);
  };

  const onFailed = (peer: Peer, error: unknown, dropped: number): void => {
    peer.failures += 1;
    const wait = backoffFor(peer.failures);
    peer.state = { kind: 'backoff', until: clock.now() + wait };
    connects.inc({ result: 'failure' });
    logger.warn(
      { peer: peer.key, err: (error as Error).message, retryInMs: wait, dropped },
      'next hop unreachable',
    );
    drop('unreachable', dropped);
  };

  const startConnect = (peer: Peer, first: Uint8Array): void => {
    const abort = new AbortController();
    const state: Extract<PeerState, { kind: 'connecting' }> = {
      kind: 'connecting',
      queue: [first],
      queuedBytes: first.length,
      abort,
    };
    peer.state = state;
    let timer: Timer | undefined = clock.setTimer(options.connectTimeoutMs, () => {
      timer = undefined;
      abort.abort(new Error(`connect timed out after ${options.connectTimeoutMs} ms`));
    });
    transport.connect(peer.address, abort.signal).then(
      (socket) => {
        timer?.cancel();
        if (peer.state !== state || closed) {
          socket.destroy();
          return;
        }
        onConnected(peer, socket, state.queue);
      },
      (error: unknown) => {
        timer?.cancel();
        if (peer.state !== state) return;
        onFailed(peer, error, state.queue.length);
      },
    );
  };

  const evictOneIdle = (): boolean => {
    for (const [key, peer] of peers) {
      if (peer.state.kind === 'idle' || peer.state.kind === 'backoff') {
        peers.delete(key);
        return true;
      }
    }
    return false;
  };

  const peerFor = (address: SocketAddress): Peer | undefined => {
    const key = formatSocketAddress(address);
    const existing = peers.get(key);
    if (existing !== undefined) return existing;
    if (peers.size >= options.maxPeers && !evictOneIdle()) return undefined;
    const peer: Peer = { address, key, state: { kind: 'idle' }, failures: 0 };
    peers.set(key, peer);
    return peer;
  };

  return {
    send(address, frame) {
      if (closed) return 'shutdown';
      const peer = peerFor(address);
      if (peer === undefined) return 'too_many_peers';
      const state = peer.state;
      switch (state.kind) {
        case 'connected':
          if (state.socket.writableLength + frame.length > options.maxBufferedBytes) return 'buffer_full';
          write(peer, state, frame);
          events.written?.(1);
          return 'accepted';
        case 'connecting':
          if (state.queuedBytes + frame.length > options.maxBufferedBytes) return 'buffer_full';
          state.queue.push(frame);
          state.queuedBytes += frame.length;
          return 'accepted';
        case 'backoff':
          if (clock.now() < state.until) return 'unreachable';
          startConnect(peer, frame);
          return 'accepted';
        case 'idle':
          startConnect(peer, frame);
          return 'accepted';
      }
    },
    get peerCount() {
      return peers.size;
    },
    async close(graceMs = 1000) {
      closed = true;
      const closing: Promise<void>[] = [];
      for (const peer of peers.values()) {
        const state = peer.state;
        if (state.kind === 'connecting') {
          state.abort.abort(new Error('connection pool closed'));
          drop('shutdown', state.queue.length);
        } else if (state.kind === 'connected') {
          closing.push(endGracefully(state.socket, graceMs, clock));
        }
        peer.state = { kind: 'idle' };
      }
      peers.clear();
      await Promise.all(closing);
    },
  };
}

function endGracefully(socket: Socket, graceMs: number, clock: Clock): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) {
      resolve();
      return;
    }
    const timer = clock.setTimer(graceMs, () => socket.destroy());
    socket.once('close', () => {
      timer.cancel();
      resolve();
    });
    socket.end();
  });
}
