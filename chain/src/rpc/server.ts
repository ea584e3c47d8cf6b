import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ChainNode, CommittedBlock } from '../node/node';
import { matches, parseQuery, type Condition } from '../node/tx-query';
import {
  RPC_INTERNAL_ERROR,
  RPC_INVALID_REQUEST,
  RPC_METHOD_NOT_FOUND,
  RPC_PARSE_ERROR,
  RpcError,
  internalError,
} from './errors';
import { busEvents, type BusEvent } from './events';
import type { Json } from './json';
import { METHODS, methodNotFound, type RpcEnvironment } from './methods';
import { readParams, uriParams } from './params';

export interface RpcServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  moniker: string;
  /** Whether the dev_* methods are served. */
  dev: boolean;
  /** Larger request bodies (and WebSocket messages) are refused (CometBFT max_body_bytes). */
  maxBodyBytes: number;
  maxSubscriptionsPerClient: number;
  commitTimeoutMs: number;
  /** Access-Control-Allow-Origin values; ["*"] lets browser apps call the node. */
  corsAllowedOrigins: readonly string[];
}

export interface RpcServer {
  /** http://host:port — what cosmjs connects to. */
  readonly url: string;
  /** ws://host:port/websocket */
  readonly websocketUrl: string;
  close(): Promise<void>;
}

interface Subscription {
  id: Json;
  conditions: Condition[];
}

type RequestObject = { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown };

/** Slow WebSocket subscribers are disconnected rather than buffered without bound. */
const MAX_WEBSOCKET_BUFFER = 16 * 1024 * 1024;

/** CometBFT's JSON-RPC over HTTP (POST and GET URI forms) and WebSocket (/websocket). */
export async function startRpcServer(
  node: ChainNode,
  options: RpcServerOptions,
  logger: Logger,
): Promise<RpcServer> {
  const log = logger.child({ component: 'rpc' });
  const shutdown = new AbortController();
  let listenAddress = `tcp://${options.host}:${options.port}`;
  const env: RpcEnvironment = {
    node,
    moniker: options.moniker,
    listenAddress: () => listenAddress,
    dev: options.dev,
    commitTimeoutMs: options.commitTimeoutMs,
    signal: shutdown.signal,
  };
  const clients = new Map<WebSocket, Map<string, Subscription>>();

  async function call(request: RequestObject, websocket: WebSocket | undefined): Promise<Json> {
    if (typeof request.method !== 'string')
      throw new RpcError(RPC_INVALID_REQUEST, 'method must be a string');
    const name = request.method;
    if (name === 'subscribe' || name === 'unsubscribe' || name === 'unsubscribe_all') {
      if (websocket === undefined) {
        throw new RpcError(RPC_METHOD_NOT_FOUND, `${name} is available only over WebSocket (/websocket)`);
      }
      return subscription(name, request, websocket);
    }
    const method = Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
    if (method === undefined) throw methodNotFound(name);
    if (method.dev === true && !options.dev) {
      throw new RpcError(
        RPC_METHOD_NOT_FOUND,
        `${name} is a dev control, served only by a chain in dev mode (nymts chain init --dev, or dev = true in config.toml)`,
      );
    }
    return method.call(readParams(method.params, request.params), env);
  }

  function subscription(name: string, request: RequestObject, websocket: WebSocket): Json {
    const subscriptions = clients.get(websocket) as Map<string, Subscription>;
    if (name === 'unsubscribe_all') {
      subscriptions.clear();
      return {};
    }
    const params = readParams([{ name: 'query', kind: 'string' }], request.params);
    const query = params.query;
    if (typeof query !== 'string') throw new RpcError(-32602, 'query is required');
    if (name === 'unsubscribe') {
      if (!subscriptions.delete(query)) throw internalError('subscription not found');
      return {};
    }
    if (subscriptions.size >= options.maxSubscriptionsPerClient) {
      throw internalError(`max_subscriptions_per_client ${options.maxSubscriptionsPerClient} reached`);
    }
    if (subscriptions.has(query)) throw internalError('already subscribed');
    let conditions: Condition[];
    try {
      conditions = parseQuery(query);
    } catch (error) {
      throw internalError(`failed to parse query: ${(error as Error).message}`);
    }
    subscriptions.set(query, { id: (request.id ?? null) as Json, conditions });
    return {};
  }

  async function respond(request: unknown, websocket: WebSocket | undefined): Promise<Json | undefined> {
    if (request === null || typeof request !== 'object' || Array.isArray(request)) {
      return errorResponse(null, new RpcError(RPC_INVALID_REQUEST, 'a request must be a JSON object'));
    }
    const id = (request as RequestObject).id;
    const notification = id === undefined;
    try {
      const result = await call(request as RequestObject, websocket);
      return notification ? undefined : { jsonrpc: '2.0', id: id as Json, result };
    } catch (error) {
      if (!(error instanceof RpcError))
        log.error({ err: error, method: (request as RequestObject).method }, 'RPC method failed');
      return notification ? undefined : errorResponse(id as Json, error);
    }
  }

  async function respondToBody(body: string, websocket: WebSocket | undefined): Promise<Json | undefined> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      return errorResponse(null, new RpcError(RPC_PARSE_ERROR, (error as Error).message));
    }
    if (!Array.isArray(parsed)) return respond(parsed, websocket);
    if (parsed.length === 0) return errorResponse(null, new RpcError(RPC_INVALID_REQUEST, 'empty batch'));
    const responses = (await Promise.all(parsed.map((request) => respond(request, websocket)))).filter(
      (response): response is Json => response !== undefined,
    );
    return responses.length === 0 ? undefined : responses;
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCors(req, res, options.corsAllowedOrigins);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET') {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const name = url.pathname.slice(1);
      if (name === '') {
        sendJson(res, 200, { jsonrpc: '2.0', id: -1, result: { methods: Object.keys(METHODS) } });
        return;
      }
      const method = Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
      let params: unknown;
      try {
        params = method === undefined ? {} : uriParams(method.params, url.searchParams);
      } catch (error) {
        sendJson(res, 200, errorResponse(-1, error));
        return;
      }
      sendJson(
        res,
        200,
        (await respond({ jsonrpc: '2.0', id: -1, method: name, params }, undefined)) ?? null,
      );
      return;
    }
    if (req.method !== 'POST') {
      sendJson(
        res,
        405,
        errorResponse(null, new RpcError(RPC_INVALID_REQUEST, `HTTP ${req.method} is not supported`)),
      );
      return;
    }
    const body = await readBody(req, options.maxBodyBytes);
    if (body.kind === 'too-large') {
      sendJson(
        res,
        413,
        errorResponse(
          null,
          new RpcError(
            RPC_INVALID_REQUEST,
            `request body too large: the limit is ${options.maxBodyBytes} bytes`,
          ),
        ),
        true,
      );
      return;
    }
    const response = await respondToBody(body.text, undefined);
    if (response === undefined) res.writeHead(204).end();
    else sendJson(res, 200, response);
  }

  const server: Server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'HTTP request failed');
      if (!res.headersSent) sendJson(res, 500, errorResponse(null, internalError(String(error))));
      else res.destroy();
    });
  });

  const websockets = new WebSocketServer({ noServer: true, maxPayload: options.maxBodyBytes });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/websocket') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    websockets.handleUpgrade(req, socket, head, (websocket) => websockets.emit('connection', websocket));
  });
  websockets.on('connection', (websocket: WebSocket) => {
    clients.set(websocket, new Map());
    websocket.on('message', (data, isBinary) => {
      if (isBinary) {
        websocket.send(
          JSON.stringify(
            errorResponse(null, new RpcError(RPC_PARSE_ERROR, 'binary messages are not JSON-RPC')),
          ),
        );
        return;
      }
      respondToBody(data.toString(), websocket)
        .then((response) => {
          if (response !== undefined && websocket.readyState === websocket.OPEN)
            websocket.send(JSON.stringify(response));
        })
        .catch((error: unknown) => log.error({ err: error }, 'WebSocket request failed'));
    });
    websocket.on('close', () => clients.delete(websocket));
    websocket.on('error', (error) => log.warn({ err: error }, 'WebSocket client error'));
  });

  const unsubscribe = node.onBlock((block) => publish(block));

  function publish(block: CommittedBlock): void {
    let events: BusEvent[] | undefined;
    for (const [websocket, subscriptions] of clients) {
      if (subscriptions.size === 0) continue;
      events ??= busEvents(node, block);
      if (websocket.bufferedAmount > MAX_WEBSOCKET_BUFFER) {
        log.warn('closing a WebSocket subscriber that does not keep up with events');
        websocket.close(1013, 'subscriber too slow');
        continue;
      }
      for (const [query, { id, conditions }] of subscriptions) {
        for (const event of events) {
          if (!matches(conditions, event.events)) continue;
          websocket.send(
            JSON.stringify({
              jsonrpc: '2.0',
              id,
              result: { query, data: event.data, events: Object.fromEntries(event.events) },
            }),
          );
        }
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  listenAddress = `tcp://${host}:${address.port}`;
  log.info({ url: `http://${host}:${address.port}` }, 'RPC listening');

  return {
    url: `http://${host}:${address.port}`,
    websocketUrl: `ws://${host}:${address.port}/websocket`,
    async close() {
      unsubscribe();
      shutdown.abort();
      for (const websocket of clients.keys()) websocket.terminate();
      clients.clear();
      await new Promise<void>((resolve) => websockets.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function errorResponse(id: Json, error: unknown): Json {
  const rpcError =
    error instanceof RpcError
      ? error
      : new RpcError(RPC_INTERNAL_ERROR, error instanceof Error ? error.message : String(error));
  return { jsonrpc: '2.0', id, error: rpcError.toJson() };
}

function sendJson(res: ServerResponse, status: number, body: Json, closeConnection = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(closeConnection && { connection: 'close' }),
  });
  res.end(text);
}

function setCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): void {
  const origin = req.headers.origin;
  if (origin === undefined || allowed.length === 0) return;
  if (allowed.includes('*')) res.setHeader('access-control-allow-origin', '*');
  else if (allowed.includes(origin)) res.setHeader('access-control-allow-origin', origin);
  else return;
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', 'content-type');
}

type Body = { kind: 'ok'; text: string } | { kind: 'too-large' };

function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      resolve({ kind: 'too-large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}
