import { performance } from 'node:perf_hooks';
import { KeyRotation, encodeFrame } from '@nymts/node-common';
import { processPacket } from '@nymts/sphinx';
import { openConnection, startTestNode, waitUntil, type TestNode } from '@nymts/mixnode/test/support/harness';
import { PACKET_SUITE } from '@nymts/mixnode/test/support/packet-suite';
import {
  connectClient,
  packetWithSurbAck,
  startTestGateway,
  toLayerOne,
  type TestClient,
  type TestGateway,
} from '../support/gateway-harness';

// Sphinx packets built with @nymts/sphinx cross three real mix nodes to a real gateway on
// 127.0.0.1. The sender hands its packet to the gateway over the client protocol (the gateway
// sends it to layer 1); the gateway is the packet's last hop: it delivers the message to the
// recipient, or keeps it while the recipient is offline, and sends the packet's SURB-ACK back
// through the three mix nodes to itself, where it is delivered to the sender.
jest.setTimeout(30_000);

const DELAYS_MS = [15, 10, 20, 0];
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const bytes = (value: string): Uint8Array => new TextEncoder().encode(value);

let mixes: TestNode[];
let gateway: TestGateway;
let sender: TestClient;
let recipient: TestClient;

async function count(name: string, labels?: Record<string, string>): Promise<number> {
  return (await gateway.metrics.value(name, labels)) ?? 0;
}

/** A packet from `sender` to `recipient` (both at our gateway), with a SURB-ACK for the sender. */
function message(content: string, ack: string): Uint8Array {
  const route = [
    ...mixes.map((mix) => ({ address: mix.routingAddress, publicKey: mix.key.publicKey })),
    gateway.hop,
  ];
  return packetWithSurbAck({
    route,
    recipient: recipient.identity.publicKey,
    message: bytes(content),
    delaysMs: DELAYS_MS,
    ackRoute: route,
    ackFirstHop: mixes[0]!.address,
    ackRecipient: sender.identity.publicKey,
    ack: bytes(ack),
  });
}

/** The packet as it reaches the gateway: every mix node's layer peeled off. */
function gatewayLayer(packet: Uint8Array): Uint8Array {
  let current = packet;
  for (const mix of mixes) {
    const result = processPacket(current, mix.key.privateKey);
    if (result.kind !== 'forward') throw new Error('a mix node would not forward this packet');
    current = result.packet;
  }
  return current;
}

beforeAll(async () => {
  mixes = [
    await startTestNode(PACKET_SUITE),
    await startTestNode(PACKET_SUITE, { unwrapWorkers: 1 }),
    await startTestNode(PACKET_SUITE),
  ];
  gateway = await startTestGateway();
  sender = await connectClient(gateway);
  recipient = await connectClient(gateway);
});

afterAll(async () => {
  await Promise.all([sender, recipient].map((client) => client.connection.close()));
  await gateway.stop();
  await Promise.all(mixes.map((mix) => mix.node.stop()));
});

describe('a message through three mix nodes to a real gateway', () => {
  it('is delivered to the connected recipient, and its SURB-ACK comes back to the sender', async () => {
    const sentAt = performance.now();
    await sender.connection.forward(
      toLayerOne(mixes[0]!.address, message('hello through the mixnet', 'ack-1')),
    );
    await recipient.waitForMessages(1);
    expect(performance.now() - sentAt).toBeGreaterThanOrEqual(DELAYS_MS.reduce((a, b) => a + b));
    expect(text(recipient.received[0]!)).toBe('hello through the mixnet');
    // An ack-size packet is delivered whole: the 21-byte ack content (Nym: IV ‖ encrypted id).
    await sender.waitForMessages(1);
    expect(text(sender.received[0]!)).toBe('ack-1');

    expect(await count('client_packets_received_total')).toBe(1);
    expect(await count('acks_forwarded_total')).toBe(1);
    expect(await count('messages_delivered_total', { via: 'push' })).toBe(2);
    for (const mix of mixes) {
      expect(await mix.metrics.value('packets_forwarded_total')).toBe(2);
    }
  });

  it('keeps a message while the recipient is offline and delivers it when it authenticates again', async () => {
    await recipient.connection.close();
    await waitUntil(() => gateway.gateway.connectedClients().length === 1, 3000, 'the recipient to leave');
    await sender.connection.forward(toLayerOne(mixes[0]!.address, message('waited for you', 'ack-2')));
    // The ack goes back once the message is in the inbox.
    await sender.waitForMessages(2);
    expect(text(sender.received[1]!)).toBe('ack-2');
    expect(await count('messages_stored_total')).toBe(1);

    recipient = await connectClient(gateway, recipient);
    expect(recipient.connection.registered).toBe(false);
    await recipient.waitForMessages(2);
    expect(text(recipient.received[1]!)).toBe('waited for you');
    expect(await count('messages_delivered_total', { via: 'inbox' })).toBe(1);
  });

  it('keeps it across a gateway restart, and drops a replay of it, also after the restart', async () => {
    await recipient.connection.close();
    await waitUntil(() => gateway.gateway.connectedClients().length === 1, 3000, 'the recipient to leave');
    const packet = message('survived a restart', 'ack-3');
    await sender.connection.forward(toLayerOne(mixes[0]!.address, packet));
    await sender.waitForMessages(3);

    const replay = encodeFrame(gatewayLayer(packet), { version: 'v8', keyRotation: KeyRotation.even });
    await sendFrame(replay);
    await waitUntil(
      async () => (await count('packets_dropped_total', { reason: 'replay' })) === 1,
      3000,
      'a replay drop',
    );

    await sender.connection.close();
    await gateway.stop();
    gateway = await startTestGateway({ restartOf: gateway });
    await sendFrame(replay);
    await waitUntil(
      async () => (await count('packets_dropped_total', { reason: 'replay' })) === 1,
      3000,
      'a replay drop after the restart',
    );

    recipient = await connectClient(gateway, recipient);
    await recipient.waitForMessages(3);
    expect(text(recipient.received[2]!)).toBe('survived a restart');
    sender = await connectClient(gateway, sender);
    // Nothing else arrives: the replay was neither stored nor delivered.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(recipient.received.map(text)).toEqual([
      'hello through the mixnet',
      'waited for you',
      'survived a restart',
    ]);
  });
});

async function sendFrame(frame: Uint8Array): Promise<void> {
  const connection = await openConnection(gateway.gateway.mixAddress);
  await connection.write(frame);
  await connection.end();
}
