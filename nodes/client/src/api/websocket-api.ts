import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { formatSenderTag } from '../address/sender-tag';
import type { MixnetClient, ReceivedMessage } from '../client';
import { ClientError, type ClientErrorCode } from '../errors';
import type { SendReceipt } from '../reliability/outgoing';
import {
  ApiError,
  type ApiRequest,
  type ApiResponse,
  decodeBinaryRequest,
  decodeTextRequest,
  encodeBinaryResponse,
  encodeTextResponse,
  ErrorKind,
} from './protocol';

export interface WebSocketApiOptions {
  /** nym-client listens on 127.0.0.1:1977. */
  host?: string;
  port?: number;
}

export interface WebSocketApi {
  /** Listens; resolves with the bound port (useful with port 0). */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/** Client errors that mean the request itself was wrong. */
const REQUEST_ERRORS = new Set<ClientErrorCode>(['bad_address', 'bad_sender_tag', 'malformed_request']);

/** WebSocket close code for a second application while one is connected (nym-client serves one). */
export const CLOSE_ALREADY_CONNECTED = 4000;

type Mode = 'binary' | 'text';

/** Lane ids the client tracks as numbers; a u64 beyond 2^53 gets no per-lane count. */
function laneOf(connectionId: bigint | undefined): number | undefined {
  return connectionId !== undefined && connectionId <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(connectionId)
    : undefined;
}

/**
 * nym-client's WebSocket API in front of a client: JSON or binary requests (send, sendAnonymous,
 * reply, selfAddress, and the binary-only closedConnection and getLaneQueueLength), responses in
 * the form of the application's last request (binary until it sends text), received messages
 * pushed as they arrive and held while no application is connected.
 */
export function createWebSocketApi(
  options: WebSocketApiOptions,
  deps: { client: MixnetClient; logger?: Logger },
): WebSocketApi {
  const client = deps.client;
  const logger = (deps.logger ?? pino({ level: 'silent' })).child({ component: 'websocket-api' });
  let server: WebSocketServer | undefined;
  let active: { socket: WebSocket; mode: Mode } | undefined;
  let wakeReader: (() => void) | undefined;
  const messages = client.messages();
  let held: ReceivedMessage | undefined;
  let reading: Promise<void> | undefined;
  let stopped = false;

  const respond = (socket: WebSocket, mode: Mode, response: ApiResponse) => {
    if (mode === 'binary') socket.send(encodeBinaryResponse(response));
    else socket.send(encodeTextResponse(response, formatSenderTag));
  };

  const reportFailure = (receipt: SendReceipt) => {
    void receipt.outcome.then((outcome) => {
      if (outcome.kind !== 'failed' || outcome.reason === 'stopped' || active === undefined) return;
      const error = new ApiError(
        ErrorKind.other,
        `message ${receipt.messageId} was not delivered: ${outcome.message}`,
      );
      respond(active.socket, active.mode, { kind: 'error', error });
    });
  };

  const laneLength = (connectionId: bigint): ApiResponse => {
    const lane = laneOf(connectionId);
    return {
      kind: 'laneQueueLength',
      lane: connectionId,
      queueLength: lane === undefined ? 0 : client.queuedInLane(lane),
    };
  };

  const handle = (request: ApiRequest): ApiResponse | undefined => {
    switch (request.kind) {
      case 'selfAddress':
        return { kind: 'selfAddress', address: client.address, text: client.addressString };
      case 'closedConnection':
        return undefined;
      case 'getLaneQueueLength':
        return laneLength(request.connectionId);
      case 'send':
      case 'sendAnonymous':
      case 'reply': {
        const lane = laneOf(request.connectionId);
        const sendOptions = lane === undefined ? {} : { lane };
        const receipt =
          request.kind === 'send'
            ? client.send(request.recipient, request.message, sendOptions)
            : request.kind === 'sendAnonymous'
              ? client.sendAnonymous(request.recipient, request.message, {
                  ...sendOptions,
                  replySurbs: request.replySurbs,
                })
              : client.reply(request.senderTag, request.message, sendOptions);
        reportFailure(receipt);
        // nym-client answers a send only when it names a connection: with that lane's queue length.
        return request.connectionId === undefined ? undefined : laneLength(request.connectionId);
      }
    }
  };

  const onMessage = (socket: WebSocket, data: RawData, isBinary: boolean) => {
    const mode: Mode = isBinary ? 'binary' : 'text';
    if (active?.socket === socket) active.mode = mode;
    const bytes = Buffer.isBuffer(data)
      ? data
      : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
    let response: ApiResponse | undefined;
    try {
      const request = isBinary
        ? decodeBinaryRequest(new Uint8Array(bytes))
        : decodeTextRequest(bytes.toString('utf8'));
      response = handle(request);
    } catch (error) {
      if (error instanceof ApiError) response = { kind: 'error', error };
      else if (error instanceof ClientError && error.action === 'reject') {
        const kind = REQUEST_ERRORS.has(error.code) ? ErrorKind.malformedRequest : ErrorKind.other;
        response = { kind: 'error', error: new ApiError(kind, error.message) };
      } else {
        logger.error({ err: error }, 'request failed');
        response = { kind: 'error', error: new ApiError(ErrorKind.other, (error as Error).message) };
      }
    }
    if (response !== undefined) respond(socket, mode, response);
  };

  /** Hands received messages to the connected application, one at a time, holding one if it left. */
  const readMessages = async () => {
    for (;;) {
      const next: ReceivedMessage | undefined = held ?? (await messages.next()).value;
      if (next === undefined || stopped) return;
      held = next;
      while (!stopped && (active === undefined || active.socket.readyState !== WebSocket.OPEN)) {
        await new Promise<void>((resolve) => (wakeReader = resolve));
      }
      if (stopped || active === undefined) return;
      const response: ApiResponse =
        next.kind === 'repliable'
          ? { kind: 'received', message: next.data, senderTag: next.senderTag }
          : { kind: 'received', message: next.data };
      respond(active.socket, active.mode, response);
      held = undefined;
    }
  };

  const wake = () => {
    const resolve = wakeReader;
    wakeReader = undefined;
    resolve?.();
  };

  const onConnection = (socket: WebSocket) => {
    if (active !== undefined) {
      socket.close(CLOSE_ALREADY_CONNECTED, 'another application is already connected');
      return;
    }
    active = { socket, mode: 'binary' };
    logger.info('application connected');
    socket.on('message', (data, isBinary) => onMessage(socket, data, isBinary));
    socket.on('close', () => {
      if (active?.socket === socket) active = undefined;
      logger.info('application disconnected');
      wake();
    });
    socket.on('error', (error) => logger.warn({ err: error }, 'websocket error'));
    wake();
  };

  return {
    start() {
      return new Promise((resolve, reject) => {
        const created = new WebSocketServer({
          host: options.host ?? '127.0.0.1',
          port: options.port ?? 1977,
        });
        created.once('error', reject);
        created.once('listening', () => {
          created.off('error', reject);
          created.on('error', (error) => logger.error({ err: error }, 'websocket server error'));
          server = created;
          created.on('connection', onConnection);
          reading = readMessages();
          resolve({ port: (created.address() as AddressInfo).port });
        });
      });
    },
    async stop() {
      stopped = true;
      wake();
      await messages.return?.();
      active?.socket.terminate();
      active = undefined;
      const current = server;
      server = undefined;
      if (current !== undefined) {
        for (const socket of current.clients) socket.terminate();
        await new Promise<void>((resolve) => current.close(() => resolve()));
      }
      await reading;
    },
  };
}
