import type { Logger } from 'pino';
import type { Clock, Rng, Timer } from '../runtime';
import type { GatewayConnection, GatewayConnector, OutboundMixPacket } from './connection';

export interface ReconnectOptions {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RECONNECT: ReconnectOptions = { initialDelayMs: 500, maxDelayMs: 30_000 };

export interface GatewayLink {
  /** Connects once; throws if the gateway cannot be reached. Reconnects on its own afterwards. */
  start(signal?: AbortSignal): Promise<void>;
  /** False when there is no connection (the packet is not sent). */
  send(packet: OutboundMixPacket): boolean;
  readonly connected: boolean;
  stop(): Promise<void>;
}

/**
 * Keeps one connection to the gateway: reads what it pushes, and after a drop reconnects with
 * exponential backoff and jitter (a gateway restart must not strand the client, Nym #2845).
 */
export function createGatewayLink(
  connect: GatewayConnector,
  options: ReconnectOptions,
  deps: { clock: Clock; rng: Rng; logger: Logger; onMessage: (bytes: Uint8Array) => void },
): GatewayLink {
  let connection: GatewayConnection | undefined;
  let stopped = false;
  let retryTimer: Timer | undefined;
  let failures = 0;
  const abort = new AbortController();

  const read = async (current: GatewayConnection) => {
    try {
      for await (const message of current.messages()) deps.onMessage(message);
    } catch (error) {
      deps.logger.warn({ err: error }, 'gateway connection failed');
    }
    if (connection === current) connection = undefined;
    if (!stopped) {
      deps.logger.warn('lost the gateway connection; reconnecting');
      scheduleReconnect();
    }
  };

  const adopt = (current: GatewayConnection) => {
    connection = current;
    failures = 0;
    void read(current);
  };

  const scheduleReconnect = () => {
    const delay =
      Math.min(options.initialDelayMs * 2 ** failures, options.maxDelayMs) * (0.5 + deps.rng.random());
    failures += 1;
    retryTimer = deps.clock.setTimer(delay, () => {
      retryTimer = undefined;
      connect(abort.signal).then(
        (current) => {
          if (stopped) void current.close();
          else adopt(current);
        },
        (error: unknown) => {
          deps.logger.warn({ err: error, attempt: failures }, 'gateway reconnect failed');
          if (!stopped) scheduleReconnect();
        },
      );
    });
  };

  return {
    async start(signal) {
      const onAbort = () => abort.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        adopt(await connect(abort.signal));
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    send(packet) {
      const current = connection;
      if (current === undefined) return false;
      current.send(packet).catch((error: unknown) => {
        // The ack timer notices the loss and the fragment is sent again.
        deps.logger.debug({ err: error }, 'gateway send failed');
      });
      return true;
    },
    get connected() {
      return connection !== undefined;
    },
    async stop() {
      stopped = true;
      retryTimer?.cancel();
      abort.abort();
      const current = connection;
      connection = undefined;
      if (current !== undefined) await current.close();
    },
  };
}
