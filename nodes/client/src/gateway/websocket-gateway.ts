import {
  connectToGateway,
  encodeBase58,
  type GatewayClientConnection,
  ProtocolError,
  type RandomBytes,
  SharedKey,
} from '@nymts/gateway-protocol';
import { decodeNodeAddress, KeyRotation, PacketType } from '@nymts/node-common';
import pino, { type Logger } from 'pino';
import { AsyncQueue } from '../async-queue';
import type { ClientKeys } from '../keys';
import type { ClientStateStore } from '../storage/client-store';
import type { GatewayConnection, GatewayConnector } from './connection';

export interface WebSocketGatewayOptions {
  /**
   * The gateway's client WebSocket, e.g. `ws://127.0.0.1:9000`, or how to find it before each
   * connection (from the topology: a restarted gateway may listen elsewhere).
   */
  url: string | ((signal: AbortSignal) => Promise<string>);
  /** From the topology: the handshake fails if another node answers. */
  gatewayIdentity: Uint8Array;
  keys: ClientKeys;
  responseTimeoutMs?: number;
}

export interface WebSocketGatewayDeps {
  /** Keeps the shared key, so that a restarted client authenticates instead of registering. */
  store: Pick<ClientStateStore, 'gatewaySharedKey' | 'saveGatewaySharedKey'>;
  random?: RandomBytes;
  logger?: Logger;
  /** Unix seconds, for authentication timestamps. */
  nowUnixSeconds?: () => bigint;
}

/**
 * Connects the client to its gateway over Nym's client–gateway WebSocket: registers once (the
 * x25519 handshake), then authenticates with the stored key on every reconnect. A gateway that no
 * longer knows us, or refuses the stored key, gets a fresh registration: a gateway that lost its
 * state must never lock the client out.
 */
export function createWebSocketGatewayConnector(
  options: WebSocketGatewayOptions,
  deps: WebSocketGatewayDeps,
): GatewayConnector {
  const logger = (deps.logger ?? pino({ level: 'silent' })).child({ component: 'gateway-connection' });
  const gatewayName = encodeBase58(options.gatewayIdentity);
  const identity = { secretKey: options.keys.identityPrivateKey, publicKey: options.keys.identityPublicKey };
  const wallSeconds = deps.nowUnixSeconds ?? (() => BigInt(Math.floor(Date.now() / 1000)));
  // The gateway refuses an authentication whose timestamp is not after the last one it accepted;
  // a reconnect within the same second must still get in.
  let lastAuthentication = 0n;
  const nowUnixSeconds = () => {
    const now = wallSeconds();
    lastAuthentication = now > lastAuthentication ? now : lastAuthentication + 1n;
    return lastAuthentication;
  };

  const urlOf = options.url;
  const open = async (signal: AbortSignal, incoming: AsyncQueue<Uint8Array>, sharedKey?: SharedKey) =>
    connectToGateway(
      {
        url: typeof urlOf === 'string' ? urlOf : await urlOf(signal),
        gatewayIdentity: options.gatewayIdentity,
        identity,
        ...(sharedKey === undefined ? {} : { sharedKey }),
        ...(options.responseTimeoutMs === undefined ? {} : { responseTimeoutMs: options.responseTimeoutMs }),
      },
      {
        onMessage: (message) => void incoming.push(message),
        nowUnixSeconds,
        ...(deps.random === undefined ? {} : { random: deps.random }),
      },
      signal,
    );

  const authenticateOrRegister = async (
    signal: AbortSignal,
    incoming: AsyncQueue<Uint8Array>,
  ): Promise<GatewayClientConnection> => {
    const stored = deps.store.gatewaySharedKey(gatewayName);
    if (stored !== undefined) {
      try {
        return await open(signal, incoming, SharedKey.fromBytes(stored));
      } catch (error) {
        if (!(error instanceof ProtocolError)) throw error;
        logger.warn(
          { err: error, gateway: gatewayName },
          'gateway refused our stored key; registering again',
        );
      }
    }
    const connection = await open(signal, incoming);
    deps.store.saveGatewaySharedKey(gatewayName, connection.sharedKey.toBytes());
    logger.info({ gateway: gatewayName }, 'registered with the gateway');
    return connection;
  };

  return async (signal): Promise<GatewayConnection> => {
    // Unbounded: the gateway pushes at most what its rate limit lets through, and the client reads
    // each payload at once.
    const incoming = new AsyncQueue<Uint8Array>(Number.POSITIVE_INFINITY);
    const connection = await authenticateOrRegister(signal, incoming);
    void connection.closed.then(({ code, reason }) => {
      logger.info({ code, reason }, 'gateway connection closed');
      incoming.close();
    });
    return {
      send: ({ firstHop, packet }) =>
        connection.forward({
          packetType: PacketType.mix,
          // File topologies carry no key rotation: the first mix uses its current key.
          keyRotation: KeyRotation.unknown,
          nextHop: decodeNodeAddress(firstHop),
          packet,
        }),
      messages: () => incoming.iterate(),
      close: () => connection.close(),
    };
  };
}
