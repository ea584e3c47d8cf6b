import { KeyRotation, encodeFrame, encodeNodeAddress } from '@nymts/node-common';
import { PACKET_SIZES } from '@nymts/sphinx';
import { openConnection, startSink, waitUntil, type Sink } from '@nymts/mixnode/test/support/harness';
import { PACKET_SUITE } from '@nymts/mixnode/test/support/packet-suite';
import {
  connectClient,
  packetWithSurbAck,
  startTestGateway,
  toLayerOne,
  type TestClient,
  type TestGateway,
} from '../support/gateway-harness';

// One gateway, no mix nodes: packets go straight to its mix port (one-hop routes), and a sink
// stands in for the next hop of what it forwards. Bad input and limits are dropped and counted;
// the gateway keeps working.
jest.setTimeout(30_000);

const bytes = (value: string): Uint8Array => new TextEncoder().encode(value);
let gateway: TestGateway;
let sink: Sink;
let client: TestClient;

async function dropped(reason: string): Promise<number> {
  return (await gateway.metrics.value('packets_dropped_total', { reason })) ?? 0;
}

async function toMixPort(...packets: Uint8Array[]): Promise<void> {
  const connection = await openConnection(gateway.gateway.mixAddress);
  for (const packet of packets) {
    await connection.write(encodeFrame(packet, { version: 'v8', keyRotation: KeyRotation.even }));
  }
  await connection.end();
}

/** A one-hop packet to `recipient` at the gateway; its SURB-ACK is a one-hop packet to the sink. */
function forClient(recipient: Uint8Array, content: string, ack = `ack ${content.length}`): Uint8Array {
  return packetWithSurbAck({
    route: [gateway.hop],
    recipient,
    message: bytes(content),
    delaysMs: [0],
    ackRoute: [{ address: sink.routingAddress, publicKey: sink.key.publicKey }],
    ackFirstHop: sink.address,
    ackRecipient: new Uint8Array(32).fill(1),
    ack: bytes(ack),
  });
}

beforeAll(async () => {
  sink = await startSink(PACKET_SUITE);
  gateway = await startTestGateway({
    options: {
      clients: { listenAddress: { host: '127.0.0.1', port: 0 }, rateLimit: { perSecond: 0.001, burst: 2 } },
    },
    inboxLimits: { maxMessagesPerClient: 1, maxBytesPerClient: 1024 * 1024 },
  });
  client = await connectClient(gateway);
});

afterAll(async () => {
  await client.connection.close();
  await gateway.stop();
  await sink.close();
});

describe('a gateway fed bad input and held to its limits', () => {
  it('drops packets that are not final hops, for unknown clients, malformed, or without a SURB-ACK', async () => {
    const onward = PACKET_SUITE.createForwardPacket({
      route: [gateway.hop, { address: sink.routingAddress, publicKey: sink.key.publicKey }],
      destination: client.identity.publicKey,
      delaysNanos: [0n, 0n],
      message: bytes('through the gateway?'),
    });
    const stranger = forClient(new Uint8Array(32).fill(7), 'for nobody here', 'never');
    const malformed = new Uint8Array(PACKET_SIZES.regular.totalSize).map((_, i) => (i * 31 + 5) & 0xff);
    const noAck = PACKET_SUITE.createForwardPacket({
      route: [gateway.hop],
      destination: client.identity.publicKey,
      delaysNanos: [0n],
      message: bytes('too short to hold a SURB-ACK'),
    });
    await toMixPort(onward, stranger, malformed, noAck);
    await waitUntil(async () => (await dropped('no_surb_ack')) === 1, 3000, 'the four drops');
    expect(await dropped('not_final_hop')).toBe(1);
    expect(await dropped('unknown_client')).toBe(1);
    expect(await dropped('unwrap_failed')).toBe(1);

    await toMixPort(forClient(client.identity.publicKey, 'still delivering', 'ack 1'));
    await client.waitForMessages(1);
    expect(new TextDecoder().decode(client.received[0])).toBe('still delivering');
    await sink.waitForDeliveries(1);
    expect(new TextDecoder().decode(sink.deliveries[0]!.payload)).toBe('ack 1');
  });

  it("does not acknowledge what an offline client's full inbox cannot take", async () => {
    await client.connection.close();
    await waitUntil(() => gateway.gateway.connectedClients().length === 0, 3000, 'the client to leave');
    await toMixPort(
      forClient(client.identity.publicKey, 'kept', 'ack 2'),
      forClient(client.identity.publicKey, 'no room', 'ack 3'),
    );
    await waitUntil(async () => (await dropped('inbox_full')) === 1, 3000, 'the inbox to refuse one');
    await sink.waitForDeliveries(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sink.deliveries.map((d) => new TextDecoder().decode(d.payload))).toEqual(['ack 1', 'ack 2']);
    client = await connectClient(gateway, client);
    await client.waitForMessages(2);
    expect(new TextDecoder().decode(client.received[1])).toBe('kept');
  });

  it("drops a client's packets beyond its rate limit", async () => {
    const before = sink.deliveries.length;
    for (let i = 0; i < 4; i++) {
      const packet = PACKET_SUITE.createForwardPacket({
        route: [{ address: sink.routingAddress, publicKey: sink.key.publicKey }],
        destination: new Uint8Array(32),
        delaysNanos: [0n],
        message: bytes(`client packet ${i}`),
      });
      await client.connection.forward(toLayerOne(sink.address, packet));
    }
    await waitUntil(async () => (await dropped('rate_limited')) === 2, 3000, 'two packets over the limit');
    await sink.waitForDeliveries(before + 2);
    expect(await gateway.metrics.value('client_packets_received_total')).toBe(4);
  });

  it('serves its description, health and metrics on the HTTP API', async () => {
    const base = `http://127.0.0.1:${gateway.gateway.httpAddress!.port}`;
    const description = (await (await fetch(`${base}/api/v1/description`)).json()) as Record<string, unknown>;
    expect(description).toMatchObject({
      role: 'gateway',
      mix_address: `127.0.0.1:${gateway.gateway.mixAddress.port}`,
      clients_address: gateway.url,
      client_protocol_version: 5,
      sphinx_keys: [{ rotation_id: 0, public_key: expect.any(String) }],
    });
    expect(await (await fetch(`${base}/api/v1/health`)).json()).toMatchObject({
      status: 'up',
      connected_clients: 1,
    });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('nym_gateway_packets_dropped_total{reason="not_final_hop"} 1');
    expect(metrics).toContain('nym_gateway_packets_dropped_total{reason="rate_limited"} 2');
    expect(metrics).toContain('nym_gateway_messages_stored_total 1');
    expect(metrics).toContain('nym_gateway_connected_clients 1');
    expect(encodeNodeAddress(gateway.gateway.mixAddress)).toEqual(gateway.hop.address);
  });
});
