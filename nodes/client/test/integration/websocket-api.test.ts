import { WebSocket } from 'ws';
import { recipientToBytes } from '../../src/address/recipient';
import { formatSenderTag, parseSenderTag } from '../../src/address/sender-tag';
import { CLOSE_ALREADY_CONNECTED, createWebSocketApi, type WebSocketApi } from '../../src/api/websocket-api';
import { concatBytes } from '@noble/hashes/utils';
import { readU64BE, u32BE, u64BE } from '../../src/bytes';
import { startTestClient, type TestClient } from '../support/clients';
import { createManualClock, type ManualClock, runUntil } from '../support/manual-clock';
import { createSeededRng } from '@nymts/node-common';
import { TestNetwork } from '../support/test-network';

interface Frame {
  data: Buffer;
  isBinary: boolean;
}

interface App {
  socket: WebSocket;
  frames: Frame[];
  closed?: { code: number };
}

async function openApp(port: number, clock: ManualClock): Promise<App> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}`);
  const app: App = { socket, frames: [] };
  socket.on('message', (data, isBinary) => app.frames.push({ data: data as Buffer, isBinary }));
  socket.on('close', (code) => (app.closed = { code }));
  let open = false;
  socket.once('open', () => (open = true));
  await runUntil(clock, () => open || app.closed !== undefined);
  return app;
}

const json = (frame: Frame | undefined) => JSON.parse((frame as Frame).data.toString('utf8'));

jest.setTimeout(60_000);

describe('nym-client WebSocket API over a real socket', () => {
  let clock: ManualClock;
  let alice: TestClient;
  let bob: TestClient;
  let apis: WebSocketApi[];
  let apps: App[];

  beforeEach(async () => {
    clock = createManualClock();
    const network = new TestNetwork(clock, createSeededRng('ws'));
    alice = await startTestClient(network, clock, { seed: 'alice', gatewayIndex: 0, readInbox: false });
    bob = await startTestClient(network, clock, { seed: 'bob', gatewayIndex: 1, readInbox: false });
    apis = [];
    apps = [];
  });

  afterEach(async () => {
    for (const app of apps) app.socket.terminate();
    for (const api of apis) await api.stop();
    await alice.client.stop();
    await bob.client.stop();
  });

  async function serve(client: TestClient): Promise<number> {
    const api = createWebSocketApi({ port: 0 }, { client: client.client });
    apis.push(api);
    return (await api.start()).port;
  }

  async function app(port: number): Promise<App> {
    const opened = await openApp(port, clock);
    apps.push(opened);
    return opened;
  }

  it('answers selfAddress in the form it was asked, and errors for bad requests', async () => {
    const port = await serve(alice);
    const a = await app(port);
    a.socket.send('{"type":"selfAddress"}');
    a.socket.send(Uint8Array.of(3), { binary: true });
    a.socket.send('{"type":"send","message":"x","recipient":"nope"}');
    a.socket.send(Uint8Array.of(0x09), { binary: true });
    await runUntil(clock, () => a.frames.length === 4);
    expect(json(a.frames[0])).toEqual({ type: 'selfAddress', address: alice.client.addressString });
    expect(a.frames[1]).toEqual({
      isBinary: true,
      data: Buffer.from(concatBytes(Uint8Array.of(2), recipientToBytes(alice.client.address))),
    });
    expect(json(a.frames[2]).type).toBe('error');
    expect(json(a.frames[2]).message).toMatch(/^malformed request:.*not a Nym address/);
    expect(a.frames[3]!.isBinary).toBe(true);
    expect([...a.frames[3]!.data.subarray(0, 2)]).toEqual([0x00, 0x03]);
  });

  it('carries a conversation: send, sendAnonymous with SURBs, and an anonymous reply', async () => {
    const [alicePort, bobPort] = [await serve(alice), await serve(bob)];
    const a = await app(alicePort);
    const b = await app(bobPort);
    b.socket.send('{"type":"selfAddress"}'); // bob's app speaks JSON from now on
    await runUntil(clock, () => b.frames.length === 1);

    a.socket.send(
      JSON.stringify({ type: 'send', message: 'plain hello', recipient: bob.client.addressString }),
    );
    await runUntil(clock, () => b.frames.length === 2);
    expect(json(b.frames[1])).toEqual({ type: 'received', message: 'plain hello', senderTag: null });

    const anonymous = new TextEncoder().encode('anonymous hello');
    a.socket.send(
      concatBytes(
        Uint8Array.of(1),
        u32BE(5),
        recipientToBytes(bob.client.address),
        u64BE(0n),
        u64BE(BigInt(anonymous.length)),
        anonymous,
      ),
      { binary: true },
    );
    await runUntil(clock, () => b.frames.length === 3, { limitMs: 60_000 });
    const received = json(b.frames[2]);
    expect(received.message).toBe('anonymous hello');
    expect(parseSenderTag(received.senderTag)).toHaveLength(16);

    b.socket.send(
      JSON.stringify({ type: 'reply', senderTag: received.senderTag, message: 'anonymous answer' }),
    );
    await runUntil(clock, () => a.frames.length === 1, { limitMs: 60_000 });
    const reply = a.frames[0]!;
    expect(reply.isBinary).toBe(true);
    expect([...reply.data.subarray(0, 2)]).toEqual([0x01, 0x00]);
    expect(readU64BE(new Uint8Array(reply.data), 2)).toBe(BigInt('anonymous answer'.length));
    expect(reply.data.subarray(10).toString()).toBe('anonymous answer');
    expect(formatSenderTag(parseSenderTag(received.senderTag))).toBe(received.senderTag);
  }, 60_000);

  it("answers a send on a connection with that lane's queue length", async () => {
    const a = await app(await serve(alice));
    a.socket.send(
      JSON.stringify({
        type: 'send',
        message: 'x'.repeat(20_000),
        recipient: bob.client.addressString,
        connectionId: 9,
      }),
    );
    await runUntil(clock, () => a.frames.length === 1);
    expect(json(a.frames[0])).toEqual({ type: 'laneQueueLength', lane: 9, queue_length: 13 });
  });

  it('serves one application at a time and holds messages while none is connected', async () => {
    const port = await serve(bob);
    const first = await app(port);
    const second = await app(port);
    await runUntil(clock, () => second.closed !== undefined);
    expect(second.closed).toEqual({ code: CLOSE_ALREADY_CONNECTED });
    first.socket.close();
    await runUntil(clock, () => first.closed !== undefined);

    alice.client.send(bob.client.address, new TextEncoder().encode('while you were away'));
    await runUntil(clock, () => alice.client.stats().messages_delivered === 1);
    const later = await app(port);
    await runUntil(clock, () => later.frames.length === 1);
    expect(later.frames[0]!.data.subarray(10).toString()).toBe('while you were away');
  });
});
