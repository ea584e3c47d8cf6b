import { performance } from 'node:perf_hooks';
import { KeyRotation, encodeFrame, type FrameVersion } from '@nymts/node-common';
import { PACKET_SIZES } from '@nymts/sphinx';
import { PACKET_SUITE } from '../support/packet-suite';
import {
  dropped,
  newSphinxKey,
  openConnection,
  sendAndClose,
  startSink,
  startTestNode,
  waitUntil,
  type Sink,
  type TestNode,
} from '../support/harness';

// Worker threads compile their TypeScript on start: seconds on a busy 2-core machine.
jest.setTimeout(30_000);

const suite = PACKET_SUITE;
const DELAYS_MS = [40, 25, 35];
const nanos = (ms: number): bigint => BigInt(ms) * 1_000_000n;

function frame(packet: Uint8Array, version: FrameVersion = 'v8'): Buffer {
  return encodeFrame(packet, {
    version,
    keyRotation: version === 'v8' ? KeyRotation.even : KeyRotation.unknown,
  });
}

function routeThrough(
  nodes: TestNode[],
  sink: Sink,
  message: string,
  delaysMs = nodes.map(() => 0),
): Uint8Array {
  return suite.createForwardPacket({
    route: [
      ...nodes.map((node) => ({ address: node.routingAddress, publicKey: node.key.publicKey })),
      { address: sink.routingAddress, publicKey: sink.key.publicKey },
    ],
    destination: new Uint8Array(32).fill(9),
    delaysNanos: [...delaysMs.map(nanos), 0n],
    message: Buffer.from(message),
  });
}

/** What node `index` of the route forwards, computed by unwrapping the layers in front of it. */
function layerAt(packet: Uint8Array, nodes: TestNode[], index: number): Uint8Array {
  let current = packet;
  for (let i = 0; i < index; i++) {
    const result = suite.processPacket(current, (nodes[i] as TestNode).key.privateKey);
    if (result.kind !== 'forward') throw new Error(`layer ${i} did not forward`);
    current = result.packet;
  }
  return current;
}

describe(`three mix nodes on 127.0.0.1 (${suite.name})`, () => {
  let nodes: TestNode[];
  let sink: Sink;

  beforeAll(async () => {
    sink = await startSink(suite);
    // The middle node unwraps on a worker thread, the others inline: the chain covers both.
    nodes = [
      await startTestNode(suite),
      await startTestNode(suite, { unwrapWorkers: 1 }),
      await startTestNode(suite),
    ];
  });

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.node.stop()));
    await sink.close();
  });

  it('carries a packet to the sink with its payload, no sooner than the sum of its delays', async () => {
    const packet = routeThrough(nodes, sink, 'through three mixes', DELAYS_MS);
    const sentAt = performance.now();
    await sendAndClose(nodes[0]!.address, frame(packet));
    await sink.waitForDeliveries(1);
    const delivery = sink.deliveries[0]!;
    expect(Buffer.from(delivery.payload).toString()).toBe('through three mixes');
    expect(delivery.at - sentAt).toBeGreaterThanOrEqual(DELAYS_MS.reduce((a, b) => a + b));
    for (const node of nodes) {
      expect(await node.metrics.value('packets_received_total')).toBe(1);
      expect(await node.metrics.value('packets_forwarded_total')).toBe(1);
      expect(await node.metrics.value('unwrap_duration_seconds')).toBe(1);
    }
  });

  it('accepts every frame form Nym nodes send: legacy, v7 and v8', async () => {
    const before = sink.deliveries.length;
    for (const version of ['legacy', 'v7', 'v8'] as const) {
      await sendAndClose(nodes[0]!.address, frame(routeThrough(nodes, sink, `framed ${version}`), version));
    }
    await sink.waitForDeliveries(before + 3);
    const payloads = sink.deliveries.slice(before).map((d) => Buffer.from(d.payload).toString());
    expect(payloads.sort()).toEqual(['framed legacy', 'framed v7', 'framed v8']);
  });

  it('drops a replayed packet at every node that saw it, also after each node restarts', async () => {
    const packet = routeThrough(nodes, sink, 'only once');
    const before = sink.deliveries.length;
    await sendAndClose(nodes[0]!.address, frame(packet));
    await sink.waitForDeliveries(before + 1);

    const layers = nodes.map((_, index) => layerAt(packet, nodes, index));
    for (const [index, node] of nodes.entries()) {
      const replaysBefore = await dropped(node, 'replay');
      await sendAndClose(node.address, frame(layers[index] as Uint8Array));
      await waitUntil(
        async () => (await dropped(node, 'replay')) === replaysBefore + 1,
        3000,
        `node ${index} to drop the replay`,
      );
    }

    // Stop every node (filters flushed), start them again on the same ports and data.
    await Promise.all(nodes.map((node) => node.node.stop()));
    nodes = await Promise.all(
      nodes.map((node, index) => startTestNode(suite, index === 1 ? { unwrapWorkers: 1 } : {}, node)),
    );
    for (const [index, node] of nodes.entries()) {
      await sendAndClose(node.address, frame(layers[index] as Uint8Array));
      await waitUntil(
        async () => (await dropped(node, 'replay')) === 1,
        3000,
        `restarted node ${index} to drop the replay`,
      );
      expect(await node.metrics.value('packets_forwarded_total')).toBe(0);
    }

    // The restarted chain still forwards fresh packets.
    await sendAndClose(nodes[0]!.address, frame(routeThrough(nodes, sink, 'after restart')));
    await sink.waitForDeliveries(before + 2);
    expect(Buffer.from(sink.deliveries.at(-1)!.payload).toString()).toBe('after restart');
    expect(sink.deliveries.filter((d) => Buffer.from(d.payload).toString() === 'only once')).toHaveLength(1);
  });
});

describe(`one mix node fed bad input (${suite.name})`, () => {
  let node: TestNode;
  let sink: Sink;

  beforeAll(async () => {
    sink = await startSink(suite);
    node = await startTestNode(suite, { httpAddress: { host: '127.0.0.1', port: 0 } });
  });

  afterAll(async () => {
    await node.node.stop();
    await sink.close();
  });

  const good = (message: string): Uint8Array => routeThrough([node], sink, message);

  it('drops and counts malformed, truncated, oversized and wrong-key packets, and keeps forwarding', async () => {
    const regular = PACKET_SIZES.regular.totalSize;
    const malformed = new Uint8Array(regular).map((_, i) => (i * 131 + 7) & 0xff);
    await sendAndClose(node.address, frame(malformed));
    await waitUntil(
      async () => (await dropped(node, 'unwrap_failed')) === 1,
      3000,
      'the malformed packet to be dropped',
    );

    const stranger = newSphinxKey();
    const wrongKey = suite.createForwardPacket({
      route: [
        { address: node.routingAddress, publicKey: stranger.publicKey },
        { address: sink.routingAddress, publicKey: sink.key.publicKey },
      ],
      destination: new Uint8Array(32),
      delaysNanos: [0n, 0n],
      message: Buffer.from('for someone else'),
    });
    await sendAndClose(node.address, frame(wrongKey));
    await waitUntil(
      async () => (await dropped(node, 'unwrap_failed')) === 2,
      3000,
      'the wrong-key packet to be dropped',
    );

    const truncated = frame(good('cut short')).subarray(0, 1500);
    await sendAndClose(node.address, truncated);
    await waitUntil(
      async () => (await dropped(node, 'truncated_frame')) === 1,
      3000,
      'the truncated frame to be counted',
    );

    // An oversized packet: an extended8 packet sent under a regular header. The node takes the
    // header's 2413 bytes as a packet. Its Sphinx header is intact, so the node unwraps and
    // forwards it (Sphinx payloads carry no MAC); the cut payload fails at the final hop, which
    // refuses it. Behind those bytes the node finds no valid frame header and closes the
    // connection. (The byte where it looks is set to 0, never a frame version, so that random
    // payload bytes cannot pass for a header.)
    const big = suite.createForwardPacket({
      route: [
        { address: node.routingAddress, publicKey: node.key.publicKey },
        { address: sink.routingAddress, publicKey: sink.key.publicKey },
      ],
      destination: new Uint8Array(32),
      delaysNanos: [0n, 0n],
      message: Buffer.from('too big'),
      packetSize: 'extended8',
    });
    const oversized = Buffer.concat([Uint8Array.of(8, 1, 0, 2), big]);
    oversized[4 + regular] = 0;
    const connection = await openConnection(node.address);
    await connection.write(oversized);
    await connection.closed;
    expect(await dropped(node, 'invalid_frame')).toBe(1);
    await waitUntil(() => sink.rejected === 1, 3000, 'the final hop to refuse the cut packet');
    expect(await dropped(node, 'unwrap_failed')).toBe(2);

    expect(sink.deliveries).toHaveLength(0);
    await sendAndClose(node.address, frame(good('still forwarding')));
    await sink.waitForDeliveries(1);
    expect(Buffer.from(sink.deliveries[0]!.payload).toString()).toBe('still forwarding');
    expect(await node.metrics.value('packets_forwarded_total')).toBe(2);
    expect(await node.metrics.value('unwrap_errors_total')).toBe(2);
  });

  it('closes the connection of a hostile frame header and counts it by code', async () => {
    for (const [bytes, code] of [
      [Uint8Array.of(9, 1, 0, 0), 'unknown_frame_version'],
      [Uint8Array.of(8, 6, 2, 0), 'unsupported_packet_size'],
      [Uint8Array.of(8, 1, 0, 7), 'unknown_key_rotation'],
    ] as const) {
      const before = (await node.metrics.value('frames_rejected_total', { code })) ?? 0;
      const connection = await openConnection(node.address);
      await connection.write(bytes);
      await connection.closed;
      expect(await node.metrics.value('frames_rejected_total', { code })).toBe(before + 1);
    }
  });

  it('drops a final-hop packet (mix nodes deliver to no one) and a packet for a key it lacks', async () => {
    const final = suite.createForwardPacket({
      route: [{ address: node.routingAddress, publicKey: node.key.publicKey }],
      destination: new Uint8Array(32),
      delaysNanos: [0n],
      message: Buffer.from('ends here'),
    });
    await sendAndClose(node.address, frame(final));
    await waitUntil(
      async () => (await dropped(node, 'final_hop')) === 1,
      3000,
      'the final-hop packet to be dropped',
    );

    // The node holds only rotation 0 (even); a v8 frame marked odd names a key it has not got.
    await sendAndClose(
      node.address,
      encodeFrame(good('odd rotation'), { version: 'v8', keyRotation: KeyRotation.odd }),
    );
    await waitUntil(
      async () => (await dropped(node, 'no_key_for_rotation')) === 1,
      3000,
      'the odd-rotation packet to be dropped',
    );
  });

  it('cuts delays beyond the maximum instead of holding packets for as long as a sender asks', async () => {
    const capped = await startTestNode(suite, { maxPacketDelayMs: 30 });
    const before = sink.deliveries.length;
    await sendAndClose(capped.address, frame(routeThrough([capped], sink, 'asked for an hour', [3_600_000])));
    await sink.waitForDeliveries(before + 1);
    expect(await capped.metrics.value('delays_capped_total')).toBe(1);
    await capped.node.stop();
  });

  it('serves its description, health and the counts above on the HTTP API', async () => {
    const base = `http://127.0.0.1:${node.node.httpAddress!.port}`;
    const description = (await (await fetch(`${base}/api/v1/description`)).json()) as Record<string, unknown>;
    expect(description).toMatchObject({
      role: 'mixnode',
      mix_address: `127.0.0.1:${node.address.port}`,
      frame_version: 'v8',
    });
    expect(description.sphinx_keys).toEqual([{ rotation_id: 0, public_key: expect.any(String) }]);
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('nym_mixnode_packets_dropped_total{reason="unwrap_failed"} 2');
    expect(text).toContain('nym_mixnode_packets_dropped_total{reason="truncated_frame"} 1');
    expect(text).toContain('nym_mixnode_delay_queue_packets 0');
    expect(text).toMatch(/nym_mixnode_unwrap_duration_seconds_count \d+/);
  });
});

describe('connection limit', () => {
  it('refuses connections beyond the limit and counts them', async () => {
    const node = await startTestNode(suite, { maxConnections: 2 });
    const first = await openConnection(node.address);
    const second = await openConnection(node.address);
    await waitUntil(
      async () => (await node.metrics.value('inbound_connections')) === 2,
      3000,
      'two connections',
    );
    const third = await openConnection(node.address);
    await third.closed;
    expect(await node.metrics.value('connections_rejected_total')).toBe(1);
    expect(first.socket.destroyed).toBe(false);
    await first.end();
    await second.end();
    await node.node.stop();
  });
});
