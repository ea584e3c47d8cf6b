// The small HTTP API every node serves: what it is, whether it is up, and its metrics. Plain
// node:http: three read-only routes do not need a framework.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { SocketAddress } from '../address/node-address';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';

export type HealthStatus = 'up' | 'starting' | 'stopping';

export interface ApiServerDeps {
  logger: Logger;
  metrics: Metrics;
  /** The node's self-description: role, keys, addresses. Served as JSON. */
  describe(): unknown;
  health(): { status: HealthStatus } & Record<string, unknown>;
}

export interface ApiServer {
  start(signal?: AbortSignal): Promise<SocketAddress>;
  stop(): Promise<void>;
}

export const API_ROUTES = {
  health: '/api/v1/health',
  description: '/api/v1/description',
  metrics: '/metrics',
} as const;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(text);
}

export function createApiServer(options: { address: SocketAddress }, deps: ApiServerDeps): ApiServer {
  const sockets = new Set<Socket>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { error: 'method_not_allowed', message: `${request.method} is not served` });
      return;
    }
    switch (path) {
      case API_ROUTES.health: {
        const health = deps.health();
        sendJson(response, health.status === 'up' ? 200 : 503, health);
        return;
      }
      case API_ROUTES.description:
        sendJson(response, 200, deps.describe());
        return;
      case API_ROUTES.metrics:
        response
          .writeHead(200, { 'content-type': deps.metrics.contentType })
          .end(await deps.metrics.render());
        return;
      default:
        sendJson(response, 404, {
          error: 'not_found',
          message: `no route ${path}`,
          routes: Object.values(API_ROUTES),
        });
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      deps.logger.error({ err: error, url: request.url }, 'HTTP API request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal', message: 'request failed' });
      else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  return {
    start(signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        server.once('error', reject);
        server.listen({ host: options.address.host, port: options.address.port, signal }, () => {
          server.off('error', reject);
          const bound = server.address();
          if (bound === null || typeof bound === 'string')
            throw new Error('an HTTP server has an address once listening');
          deps.logger.info({ host: bound.address, port: bound.port }, 'HTTP API listening');
          resolve({ host: bound.address, port: bound.port });
        });
      });
    },
    stop() {
      return new Promise((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
