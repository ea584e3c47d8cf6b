// The mix port: accepts connections up to a limit, splits each byte stream into frames, and
// applies backpressure. Every frame handed on counts as in flight until `packetDone`; a
// connection with too many in flight (or a node with too many overall) stops being read until
// the unwrappers catch up, so a fast sender slows down instead of filling memory.
import type { Socket } from 'node:net';
import {
  FrameDecoder,
  type Frame,
  type Listener,
  type Logger,
  type SocketAddress,
  type Transport,
} from '@nymts/node-common';
import type { MixPortDropReason, MixPortMetrics } from './metrics';

export interface InboundOptions {
  maxConnections: number;
  maxInFlightPerConnection: number;
  maxInFlightTotal: number;
}

export interface InboundConnection {
  readonly id: number;
  readonly remote: string;
}

interface Connection extends InboundConnection {
  socket: Socket;
  decoder: FrameDecoder;
  inFlight: number;
  paused: boolean;
  rejected: boolean;
}

export interface Inbound {
  listen(address: SocketAddress): Promise<SocketAddress>;
  /** Ends one frame's time in flight; call exactly once per `onFrame`. */
  packetDone(connection: InboundConnection): void;
  readonly connections: number;
  close(): Promise<void>;
}

export function createInbound(
  options: InboundOptions,
  deps: {
    transport: Transport;
    logger: Logger;
    metrics: MixPortMetrics;
    onFrame(connection: InboundConnection, frame: Frame): void;
    drop(reason: MixPortDropReason): void;
  },
): Inbound {
  const { logger, metrics } = deps;
  const open = new Set<Connection>();
  const paused = new Set<Connection>();
  let listener: Listener | undefined;
  let nextId = 1;
  let totalInFlight = 0;
  let closing = false;

  const overloaded = (connection: Connection): boolean =>
    connection.inFlight >= options.maxInFlightPerConnection || totalInFlight >= options.maxInFlightTotal;
  const relieved = (connection: Connection): boolean =>
    connection.inFlight <= options.maxInFlightPerConnection / 2 &&
    totalInFlight <= options.maxInFlightTotal / 2;

  const pause = (connection: Connection): void => {
    connection.paused = true;
    paused.add(connection);
    connection.socket.pause();
  };

  const resume = (connection: Connection): void => {
    connection.paused = false;
    paused.delete(connection);
    if (!connection.socket.destroyed) connection.socket.resume();
  };

  const reject = (connection: Connection, error: { code: string; message: string }): void => {
    connection.rejected = true;
    metrics.framesRejected.inc({ code: error.code });
    deps.drop('invalid_frame');
    logger.warn(
      { connection: connection.id, remote: connection.remote, code: error.code, err: error.message },
      'hostile frame; closing connection',
    );
    connection.socket.destroy();
  };

  const accept = (socket: Socket): void => {
    if (closing || open.size >= options.maxConnections) {
      metrics.connectionsRejected.inc();
      socket.destroy();
      return;
    }
    const connection: Connection = {
      id: nextId++,
      remote: `${socket.remoteAddress}:${socket.remotePort}`,
      socket,
      decoder: new FrameDecoder(),
      inFlight: 0,
      paused: false,
      rejected: false,
    };
    open.add(connection);
    const onFrame = (frame: Frame): void => {
      connection.inFlight += 1;
      totalInFlight += 1;
      deps.onFrame(connection, frame);
    };
    socket.on('data', (chunk: Buffer) => {
      const error = connection.decoder.push(chunk, onFrame);
      if (error !== undefined) reject(connection, error);
      else if (!connection.paused && overloaded(connection)) pause(connection);
    });
    socket.on('end', () => socket.end());
    socket.on('error', (error) =>
      logger.debug({ connection: connection.id, err: error.message }, 'inbound connection error'),
    );
    socket.on('close', () => {
      open.delete(connection);
      paused.delete(connection);
      if (!connection.rejected && !closing && connection.decoder.bufferedBytes > 0) {
        deps.drop('truncated_frame');
        logger.debug(
          { connection: connection.id, bytes: connection.decoder.bufferedBytes },
          'connection closed mid-frame',
        );
      }
    });
  };

  return {
    async listen(address) {
      listener = await deps.transport.listen(address, accept);
      return listener.address;
    },
    packetDone(handle) {
      const connection = handle as Connection;
      connection.inFlight -= 1;
      totalInFlight -= 1;
      if (paused.size === 0 || totalInFlight > options.maxInFlightTotal / 2) return;
      for (const waiting of paused) if (relieved(waiting)) resume(waiting);
    },
    get connections() {
      return open.size;
    },
    async close() {
      closing = true;
      for (const connection of open) connection.socket.destroy();
      await listener?.close();
    },
  };
}
