import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { createClientWebSocketServer, type ClientWebSocketServer } from '../../src/client-websocket-server';
import { KeyRotation } from '@nymts/node-common';
import {
  type MixPacket,
  encodeBase58,
  generateEd25519KeyPair,
  systemRandomBytes,
  connectToGateway,
  type GatewayClientConnection,
} from '@nymts/gateway-protocol';
import { createSqliteSharedKeyStore, type SharedKeyStore } from '../../src/client-protocol/shared-key-store';
import { createSqliteInbox, type MessageInbox } from '../../src/inbox/message-inbox';

const gatewayIdentity = generateEd25519KeyPair(systemRandomBytes);
let directory: string;
let keyStore: SharedKeyStore;
let inbox: MessageInbox;
let server: ClientWebSocketServer;
let url: string;
let forwarded: { clientId: string; mixPacket: MixPacket }[];
const connections: GatewayClientConnection[] = [];
// One shared clock, ticking a second per reading: authenticateV2 refuses a timestamp it has seen.
let clockSeconds = 1_800_000_000n;
const tick = () => (clockSeconds += 1n);

async function startServer(): Promise<void> {
  server = createClientWebSocketServer(
    { host: '127.0.0.1', port: 0, identity: gatewayIdentity, setupTimeoutMs: 1_000 },
    {
      keyStore,
      inbox,
      nowUnixSeconds: () => clockSeconds,
      onMixPacket: (clientId, mixPacket) => forwarded.push({ clientId, mixPacket }),
    },
  );
  url = `ws://127.0.0.1:${(await server.start()).port}`;
}

beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), 'nymts-gateway-'));
  keyStore = createSqliteSharedKeyStore(join(directory, 'keys.sqlite'));
  inbox = createSqliteInbox(join(directory, 'inbox.sqlite'));
  forwarded = [];
  await startServer();
});

afterEach(async () => {
  await Promise.all(connections.splice(0).map((connection) => connection.close()));
  await server.stop();
  keyStore.close();
  inbox.close();
  rmSync(directory, { recursive: true, force: true });
});

function collector() {
  const received: string[] = [];
  const waiters: (() => void)[] = [];
  return {
    received,
    onMessage: (message: Uint8Array) => {
      received.push(new TextDecoder().decode(message));
      waiters.splice(0).forEach((wake) => wake());
    },
    until: (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (received.length >= count ? resolve() : waiters.push(check));
        check();
      }),
  };
}

async function connect(
  identity = generateEd25519KeyPair(systemRandomBytes),
  sharedKey?: GatewayClientConnection['sharedKey'],
) {
  const messages = collector();
  tick();
  const connection = await connectToGateway(
    { url, gatewayIdentity: gatewayIdentity.publicKey, identity, sharedKey },
    { onMessage: messages.onMessage, nowUnixSeconds: () => clockSeconds },
  );
  connections.push(connection);
  return { identity, connection, messages, clientId: encodeBase58(identity.publicKey) };
}

const samplePacket = (): MixPacket => ({
  packetType: 0,
  keyRotation: KeyRotation.odd,
  nextHop: { host: '127.0.0.1', port: 1789 },
  packet: systemRandomBytes(2413),
});

describe('gateway client WebSocket', () => {
  it('registers a client, forwards its packets and pushes messages to it', async () => {
    const { connection, messages, clientId } = await connect();
    expect(connection.registered).toBe(true);
    expect(connection.protocolVersion).toBe(5);
    expect(keyStore.get(clientId)?.sharedKey.toBytes()).toEqual(connection.sharedKey.toBytes());

    const packet = samplePacket();
    await connection.forward(packet);
    while (forwarded.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(forwarded).toEqual([{ clientId, mixPacket: packet }]);

    expect(await server.pushToClient(clientId, new TextEncoder().encode('hello'))).toBe(true);
    await messages.until(1);
    expect(messages.received).toEqual(['hello']);
  });

  it('stores for an offline client and delivers in order when it authenticates again', async () => {
    const first = await connect();
    await first.connection.close();
    while (server.connectedClients().length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await server.pushToClient(first.clientId, new Uint8Array(1))).toBe(false);
    for (let index = 0; index < 150; index += 1)
      inbox.store(first.clientId, new TextEncoder().encode(`m${index}`));

    const again = await connect(first.identity, first.connection.sharedKey);
    expect(again.connection.registered).toBe(false);
    await again.messages.until(150);
    expect(again.messages.received).toEqual(Array.from({ length: 150 }, (_, index) => `m${index}`));
    expect(inbox.usage(first.clientId)).toEqual({ messages: 0, bytes: 0 });
  });

  it('lets a client authenticate after a gateway restart, and replaces its stale connection', async () => {
    const first = await connect();
    const stale = await connect(first.identity, first.connection.sharedKey);
    expect(await first.connection.closed).toEqual({ code: 4000, reason: 'replaced by a newer connection' });
    expect(server.connectedClients()).toEqual([first.clientId]);

    await server.stop();
    await startServer();
    const afterRestart = await connect(first.identity, stale.connection.sharedKey);
    await afterRestart.connection.forward(samplePacket());
    while (forwarded.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(forwarded.at(-1)?.clientId).toBe(first.clientId);
  });

  it('refuses an unknown client and a replayed authentication', async () => {
    const stranger = generateEd25519KeyPair(systemRandomBytes);
    const { connection } = await connect();
    await expect(
      connectToGateway(
        {
          url,
          gatewayIdentity: gatewayIdentity.publicKey,
          identity: stranger,
          sharedKey: connection.sharedKey,
        },
        { onMessage: () => {}, nowUnixSeconds: () => clockSeconds },
      ),
    ).rejects.toThrow(/not-registered/);

    const { identity, sharedKey } = {
      identity: generateEd25519KeyPair(systemRandomBytes),
      sharedKey: undefined,
    };
    const registered = await connect(identity, sharedKey);
    const frozenClock = () => clockSeconds;
    const reconnect = () =>
      connectToGateway(
        {
          url,
          gatewayIdentity: gatewayIdentity.publicKey,
          identity,
          sharedKey: registered.connection.sharedKey,
        },
        { onMessage: () => {}, nowUnixSeconds: frozenClock },
      );
    connections.push(await reconnect());
    await expect(reconnect()).rejects.toThrow(/request-reuse/);
  });

  it('closes a connection that does not register or authenticate in time', async () => {
    const socket = new WebSocket(url);
    const closed = new Promise<[number, string]>((resolve) =>
      socket.once('close', (code, reason) => resolve([code, reason.toString()])),
    );
    socket.once('open', () => socket.send('{"type":"supportedProtocol"}'));
    expect(await closed).toEqual([1008, 'setup timed out']);
  });

  it('answers malformed frames with an error and closes on protocol violations', async () => {
    const socket = new WebSocket(url);
    await new Promise((resolve) => socket.once('open', resolve));
    const replies: string[] = [];
    socket.on('message', (data) => replies.push(data.toString()));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('{not json');
    socket.send(JSON.stringify({ type: 'nonsense' }));
    socket.send(Buffer.from([1, 1, 0, 0]));
    expect(await closed).toBe(1002);
    expect(replies.map((reply) => JSON.parse(reply))).toEqual([
      {
        type: 'error',
        message: expect.stringMatching(/^malformed-message: client request is not valid JSON/),
      },
      { type: 'error', message: 'malformed-message: unknown client request type "nonsense"' },
      { type: 'error', message: 'unexpected-message: binary frame before registration or authentication' },
    ]);
  });
});
