import { type RawData, WebSocket } from 'ws';
import { createAuthenticateV2 } from './client-protocol/authenticate';
import { decodeBinaryResponse, encodeBinaryRequest } from './client-protocol/binary-frames';
import { type ClientRequest, serializeClientRequest } from './client-protocol/client-requests';
import { ProtocolError } from './client-protocol/errors';
import {
  answerGatewayMaterial,
  checkFinalization,
  startClientHandshake,
} from './client-protocol/handshake-client';
import { type MixPacket } from './client-protocol/mix-packet';
import { parseServerResponse, type ServerResponse } from './client-protocol/server-responses';
import { type SharedKey } from './client-protocol/shared-key';
import {
  GATEWAY_PROTOCOL_VERSION,
  MINIMUM_HANDSHAKE_VERSION,
  negotiateVersion,
  ProtocolVersion,
  supportsKeyRotationPackets,
} from './client-protocol/versions';
import { type Ed25519KeyPair } from './crypto/keys';
import { type RandomBytes, systemRandomBytes } from './crypto/random';

export interface GatewayClientOptions {
  /** The gateway's client WebSocket, e.g. `ws://127.0.0.1:9000`. */
  url: string;
  /** Known in advance (from the topology): the handshake fails if the gateway is someone else. */
  gatewayIdentity: Uint8Array;
  identity: Ed25519KeyPair;
  /** From an earlier registration: authenticate with it instead of registering again. */
  sharedKey?: SharedKey;
  responseTimeoutMs?: number;
}

export interface GatewayClientDeps {
  random?: RandomBytes;
  nowUnixSeconds?: () => bigint;
  /** Every message the gateway pushes (Sphinx payloads delivered to this client). */
  onMessage: (message: Uint8Array) => void;
}

export interface GatewayClientConnection {
  readonly sharedKey: SharedKey;
  readonly protocolVersion: number;
  readonly registered: boolean;
  /** Settles when the connection ends, with the close code (4000: replaced by a newer connection). */
  readonly closed: Promise<{ code: number; reason: string }>;
  forward(mixPacket: MixPacket): Promise<void>;
  close(): Promise<void>;
}

/**
 * Waits for text frames one at a time while the connection is being set up; `stop` detaches it
 * once set-up is over, so text frames the gateway sends later are not queued for nobody.
 */
function textReceiver(socket: WebSocket, timeoutMs: number, signal?: AbortSignal) {
  const queued: string[] = [];
  let waiting: ((frame: string | undefined) => void) | undefined;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure = error;
    waiting?.(undefined);
  };
  const onText = (data: RawData, isBinary: boolean) => {
    if (isBinary) return;
    const frame = data.toString();
    if (waiting) waiting(frame);
    else queued.push(frame);
  };
  socket.on('message', onText);
  socket.on('close', (code, reason) =>
    fail(new Error(`gateway closed the connection (${code} ${reason.toString()})`)),
  );
  signal?.addEventListener('abort', () => fail(new Error('connection attempt aborted')), { once: true });
  const nextFrame = () =>
    new Promise<string>((resolve, reject) => {
      const queuedFrame = queued.shift();
      if (queuedFrame !== undefined) return resolve(queuedFrame);
      if (failure) return reject(failure);
      const timer = setTimeout(() => {
        waiting = undefined;
        reject(new Error(`no gateway response within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting = (received) => {
        clearTimeout(timer);
        waiting = undefined;
        if (received === undefined) reject(failure);
        else resolve(received);
      };
    });
  const next = async (): Promise<ServerResponse> => {
    const response = parseServerResponse(await nextFrame());
    if (response.kind === 'error' || response.kind === 'handshake-error') {
      throw new ProtocolError('refused-by-gateway', `gateway refused: ${response.message}`, 'drop');
    }
    return response;
  };
  const stop = () => {
    socket.off('message', onText);
    queued.length = 0;
  };
  return { next, stop };
}

function expectResponse<K extends ServerResponse['kind']>(
  response: ServerResponse,
  kind: K,
): Extract<ServerResponse, { kind: K }> {
  if (response.kind !== kind) {
    throw new ProtocolError(
      'unexpected-message',
      `expected ${kind} from the gateway, got ${response.kind}`,
      'drop',
    );
  }
  return response as Extract<ServerResponse, { kind: K }>;
}

function open(url: string, signal?: AbortSignal): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const abort = () => socket.terminate();
    signal?.addEventListener('abort', abort, { once: true });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Connects, then registers (handshake) or authenticates with a stored key. */
export async function connectToGateway(
  options: GatewayClientOptions,
  deps: GatewayClientDeps,
  signal?: AbortSignal,
): Promise<GatewayClientConnection> {
  const random = deps.random ?? systemRandomBytes;
  const socket = await open(options.url, signal);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const { next, stop: stopTextReceiver } = textReceiver(socket, options.responseTimeoutMs ?? 10_000, signal);
  const send = (request: Parameters<typeof serializeClientRequest>[0]) =>
    socket.send(serializeClientRequest(request));
  // The gateway may push stored messages right behind its `authenticate` answer: hold binary
  // frames until the key is settled.
  let deliver: ((frame: Uint8Array) => void) | undefined;
  const early: Uint8Array[] = [];
  socket.on('message', (data, isBinary) => {
    if (!isBinary) return;
    const frame = new Uint8Array(data as Buffer);
    if (deliver) deliver(frame);
    else early.push(frame);
  });
  try {
    send({ kind: 'supported-protocol' });
    const announced = expectResponse(await next(), 'supported-protocol').version;
    const protocolVersion = negotiateVersion(GATEWAY_PROTOCOL_VERSION, announced);
    const sharedKey = options.sharedKey
      ? await authenticate(options, options.sharedKey, random, deps, send, next)
      : await register(options, protocolVersion, random, send, next);
    stopTextReceiver();
    deliver = (frame) => deps.onMessage(decodeBinaryResponse(frame, sharedKey).message);
    early.splice(0).forEach(deliver);
    return {
      sharedKey,
      protocolVersion,
      registered: options.sharedKey === undefined,
      closed,
      forward: (mixPacket) =>
        new Promise((resolve, reject) => {
          const kind = supportsKeyRotationPackets(protocolVersion) ? 'forward-sphinx-v2' : 'forward-sphinx';
          socket.send(encodeBinaryRequest({ kind, mixPacket }, sharedKey, random), (error) =>
            error ? reject(error) : resolve(),
          );
        }),
      close: () =>
        new Promise((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close();
        }),
    };
  } catch (error) {
    socket.terminate();
    throw error;
  }
}

type Send = (
  request: Exclude<ClientRequest, { kind: 'legacy-authenticate' | 'legacy-bandwidth-credential' }>,
) => void;
type Next = () => Promise<ServerResponse>;

async function register(
  options: GatewayClientOptions,
  protocolVersion: number,
  random: RandomBytes,
  send: Send,
  next: Next,
): Promise<SharedKey> {
  if (protocolVersion < MINIMUM_HANDSHAKE_VERSION) {
    throw new ProtocolError('unsupported-version', `gateway speaks protocol ${protocolVersion} only`, 'drop');
  }
  const { init, state } = startClientHandshake(options.identity, random);
  send({ kind: 'handshake-payload', protocolVersion: ProtocolVersion.aesGcmSiv, data: init });
  const material = expectResponse(await next(), 'handshake-payload').data;
  const { reply, sharedKey } = answerGatewayMaterial(state, material, options.gatewayIdentity, random);
  send({ kind: 'handshake-payload', protocolVersion: ProtocolVersion.aesGcmSiv, data: reply });
  checkFinalization(expectResponse(await next(), 'handshake-payload').data);
  if (!expectResponse(await next(), 'register').status) {
    throw new ProtocolError('handshake-failed', 'gateway did not confirm the registration', 'drop');
  }
  return sharedKey;
}

async function authenticate(
  options: GatewayClientOptions,
  sharedKey: SharedKey,
  random: RandomBytes,
  deps: GatewayClientDeps,
  send: Send,
  next: Next,
): Promise<SharedKey> {
  const now = deps.nowUnixSeconds?.() ?? BigInt(Math.floor(Date.now() / 1000));
  send({ kind: 'authenticate-v2', ...createAuthenticateV2(options.identity, sharedKey, now, random) });
  if (!expectResponse(await next(), 'authenticate').status) {
    throw new ProtocolError('authentication-failed', 'gateway refused the authentication', 'drop');
  }
  return sharedKey;
}
