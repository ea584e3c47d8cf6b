import { type AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { type BandwidthController, createUnmeteredBandwidth } from './client-protocol/bandwidth';
import {
  createGatewaySession,
  type GatewaySession,
  type SessionAction,
} from './client-protocol/gateway-session';
import {
  type MixPacket,
  GATEWAY_PROTOCOL_VERSION,
  type Ed25519KeyPair,
  type RandomBytes,
  systemRandomBytes,
} from '@nymts/gateway-protocol';
import { type SharedKeyStore } from './client-protocol/shared-key-store';
import { deliverStoredMessages, type DeliveryOutcome } from './inbox/delivery';
import { type MessageInbox } from './inbox/message-inbox';
import { type GatewayLogger, silentLogger } from './logger';

export interface ClientWebSocketServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  identity: Ed25519KeyPair;
  protocolVersion?: number;
  maxRequestAgeSeconds?: number;
  maxClockSkewSeconds?: number;
  /** Largest frame accepted from a client: one extended (32 KiB) Sphinx packet plus framing. */
  maxFrameBytes?: number;
  /** A connection must register or authenticate within this time, or it is closed. */
  setupTimeoutMs?: number;
}

export interface ClientWebSocketServerDeps {
  keyStore: SharedKeyStore;
  /** Receives every packet a client asks us to forward (the shell sends it to layer 1). */
  onMixPacket: (clientId: string, mixPacket: MixPacket) => void;
  inbox?: MessageInbox;
  /** Told how the delivery of stored messages to a client that came back went. */
  onStoredMessagesDelivered?: (clientId: string, outcome: DeliveryOutcome) => void;
  bandwidth?: BandwidthController;
  random?: RandomBytes;
  nowUnixSeconds?: () => bigint;
  logger?: GatewayLogger;
}

export interface ClientWebSocketServer {
  start(signal?: AbortSignal): Promise<{ port: number }>;
  stop(): Promise<void>;
  /** Sends to the client if it is connected; false means the caller should store the message. */
  pushToClient(clientId: string, message: Uint8Array): Promise<boolean>;
  connectedClients(): string[];
}

/** Closes a superseded connection of a client that connected again (e.g. after a network change). */
export const CLOSE_REPLACED = 4000;
/** RFC 6455 §7.4.1: the server met an unexpected condition. */
const CLOSE_INTERNAL_ERROR = 1011;
/** RFC 6455 §7.4.1: the peer broke this endpoint's policy (here: too slow to set up). */
const CLOSE_POLICY = 1008;

interface Connection {
  socket: WebSocket;
  session: GatewaySession;
}

function sendAsync(socket: WebSocket, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.send(data, (error) => (error ? reject(error) : resolve()));
  });
}

function frameBytes(data: RawData): Uint8Array {
  return new Uint8Array(Array.isArray(data) ? Buffer.concat(data) : data);
}

export function createClientWebSocketServer(
  options: ClientWebSocketServerOptions,
  deps: ClientWebSocketServerDeps,
): ClientWebSocketServer {
  const logger = deps.logger ?? silentLogger;
  const random = deps.random ?? systemRandomBytes;
  const bandwidth = deps.bandwidth ?? createUnmeteredBandwidth();
  const nowUnixSeconds = deps.nowUnixSeconds ?? (() => BigInt(Math.floor(Date.now() / 1000)));
  const byClient = new Map<string, Connection>();
  let server: WebSocketServer | undefined;

  const sessionOptions = {
    identity: options.identity,
    protocolVersion: options.protocolVersion ?? GATEWAY_PROTOCOL_VERSION,
    maxRequestAgeSeconds: BigInt(options.maxRequestAgeSeconds ?? 30),
    maxClockSkewSeconds: BigInt(options.maxClockSkewSeconds ?? 2),
  };

  function becomeCurrent(clientId: string, connection: Connection): void {
    const previous = byClient.get(clientId);
    if (previous && previous !== connection) {
      logger.info({ clientId }, 'client connected again; closing its previous connection');
      previous.socket.close(CLOSE_REPLACED, 'replaced by a newer connection');
    }
    byClient.set(clientId, connection);
    if (deps.inbox) {
      const send = (content: Uint8Array) =>
        sendAsync(connection.socket, connection.session.push(content).data);
      deliverStoredMessages(deps.inbox, clientId, send).then(
        (outcome) => {
          logger.debug({ clientId, ...outcome }, 'delivered stored messages');
          deps.onStoredMessagesDelivered?.(clientId, outcome);
        },
        (error: unknown) => logger.warn({ clientId, error: String(error) }, 'could not read stored messages'),
      );
    }
  }

  function apply(connection: Connection, actions: SessionAction[]): void {
    for (const action of actions) {
      switch (action.kind) {
        case 'send-text':
          connection.socket.send(action.text);
          break;
        case 'send-binary':
          connection.socket.send(action.data);
          break;
        case 'client-ready':
          logger.info({ clientId: action.clientId, via: action.via }, 'client ready');
          becomeCurrent(action.clientId, connection);
          break;
        case 'forward':
          deps.onMixPacket(action.clientId, action.mixPacket);
          break;
        case 'forget-client':
          deps.inbox?.purge(action.clientId);
          break;
        case 'close':
          logger.warn({ reason: action.reason }, 'closing client connection after protocol error');
          connection.socket.close(action.code, action.reason);
          break;
      }
    }
  }

  function onConnection(socket: WebSocket): void {
    // A socket that never finishes registering or authenticating must not hold resources forever.
    const setupTimer = setTimeout(() => {
      if (connection.session.clientId === undefined) socket.close(CLOSE_POLICY, 'setup timed out');
    }, options.setupTimeoutMs ?? 15_000);
    const connection: Connection = {
      socket,
      session: createGatewaySession(sessionOptions, {
        keyStore: deps.keyStore,
        bandwidth,
        random,
        nowUnixSeconds,
      }),
    };
    socket.on('message', (data, isBinary) => {
      const frame = frameBytes(data);
      try {
        apply(
          connection,
          isBinary
            ? connection.session.onBinary(frame)
            : connection.session.onText(Buffer.from(frame).toString('utf8')),
        );
      } catch (error) {
        // Protocol errors are answered inside the session; anything else is our fault, and must
        // cost this connection only, never the gateway.
        logger.warn({ error: String(error) }, 'internal error while handling a client frame');
        socket.close(CLOSE_INTERNAL_ERROR, 'internal error');
      }
    });
    socket.on('close', () => {
      clearTimeout(setupTimer);
      const clientId = connection.session.clientId;
      if (clientId !== undefined && byClient.get(clientId) === connection) byClient.delete(clientId);
    });
    socket.on('error', (error) => logger.warn({ error: error.message }, 'client socket error'));
  }

  return {
    start(signal) {
      return new Promise((resolve, reject) => {
        signal?.throwIfAborted();
        const wss = new WebSocketServer({
          host: options.host,
          port: options.port,
          maxPayload: options.maxFrameBytes ?? 64 * 1024,
        });
        wss.once('error', reject);
        wss.once('listening', () => {
          server = wss;
          wss.off('error', reject);
          resolve({ port: (wss.address() as AddressInfo).port });
        });
        wss.on('connection', onConnection);
      });
    },
    stop() {
      return new Promise((resolve) => {
        if (!server) return resolve();
        for (const socket of server.clients) socket.terminate();
        server.close(() => resolve());
        server = undefined;
        byClient.clear();
      });
    },
    async pushToClient(clientId, message) {
      const connection = byClient.get(clientId);
      if (!connection || connection.socket.readyState !== WebSocket.OPEN) return false;
      await sendAsync(connection.socket, connection.session.push(message).data);
      return true;
    },
    connectedClients: () => [...byClient.keys()],
  };
}
