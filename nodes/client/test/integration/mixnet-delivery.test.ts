// Done-when tests on one real network (3 layers × 2 mix nodes, 2 gateways, 2 clients on
// 127.0.0.1): delivery exactly once from 1 byte to 1 MiB, replies through SURBs, the trace of one
// link, and a mix node killed in the middle of a run. The kill comes last: the dead node stays in
// the topology, as a crashed node does until the network drops it.
import { PACKET_SIZES } from '@nymts/sphinx';
import { type ReceivedMessage } from '../../src/client';
import { type SendReceipt } from '../../src/reliability/outgoing';
import { cryptoRng } from '../../src/runtime';
import { startRealNetwork, type NetworkClient, type RealNetwork } from '../support/real-network';

// Generous: on a loaded 2-core machine every node of the network shares one busy event loop.
jest.setTimeout(300_000);

const text = (value: string) => new TextEncoder().encode(value);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const allDelivered = async (receipts: SendReceipt[]) =>
  expect(await Promise.all(receipts.map((receipt) => receipt.outcome))).toEqual(
    receipts.map(() => ({ kind: 'delivered' })),
  );

/** The payloads received since `from`, as hex, sorted: compared as multisets. */
const payloadsSince = (client: NetworkClient, from: number) =>
  client.received
    .slice(from)
    .map((message: ReceivedMessage) => hex(message.data))
    .sort();

describe('a real mixnet: 3 layers × 2 mix nodes, 2 gateways, 2 clients', () => {
  let network: RealNetwork;
  let alice: NetworkClient;
  let bob: NetworkClient;

  beforeAll(async () => {
    network = await startRealNetwork({ perLayer: 2, gateways: 2, tapLayerOne: true });
    alice = await network.startClient(0);
    bob = await network.startClient(1);
  });
  afterAll(async () => {
    await network.stop();
  });

  it('delivers messages of 1 byte to 1 MiB exactly once, each acknowledged to the sender', async () => {
    const sizes = [1, 1000, 5000, 64 * 1024, 1024 * 1024];
    const messages = sizes.map((size) => cryptoRng.randomBytes(size));
    const from = bob.received.length;
    const receipts = messages.map((data) => alice.client.send(bob.client.address, data));
    await bob.waitForMessages(from + messages.length);
    await allDelivered(receipts);
    // Retransmissions whose acks were late come in after delivery: they must not surface again.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(payloadsSince(bob, from)).toEqual(messages.map(hex).sort());
    expect(bob.received.slice(from).every((message) => message.kind === 'plain')).toBe(true);
  });

  it('answers anonymous senders through their SURBs, asking for more when a reply needs them', async () => {
    const from = { alice: alice.received.length, bob: bob.received.length };
    alice.client.sendAnonymous(bob.client.addressString, text('how long is a long reply?'), {
      replySurbs: 2,
    });
    await bob.waitForMessages(from.bob + 1);
    const question = bob.received[from.bob] as ReceivedMessage;
    expect(question.kind).toBe('repliable');
    if (question.kind !== 'repliable') return;
    expect(hex(question.data)).toBe(hex(text('how long is a long reply?')));
    // 10 fragments need 10 SURBs and bob holds 2: he asks alice for more, through a SURB.
    const long = cryptoRng.randomBytes(15_000);
    const receipt = bob.client.reply(question.senderTag, long);
    await alice.waitForMessages(from.alice + 1);
    expect(alice.received.slice(from.alice)).toEqual([{ kind: 'reply', data: long }]);
    await expect(receipt.outcome).resolves.toEqual({ kind: 'delivered' });
    expect(bob.client.stats().surb_requests_sent).toBeGreaterThan(0);
  });

  it('shows an observer of one link real and cover packets of one size, and acks of another', async () => {
    const tap = network.tap;
    if (tap === undefined) throw new Error('the network has no tap');
    const start = tap.frames.length;
    const before = { alice: alice.client.stats(), bob: bob.client.stats() };
    const from = bob.received.length;
    const receipts = Array.from({ length: 5 }, (_, i) =>
      alice.client.send(bob.client.address, text(`m${i}`)),
    );
    await bob.waitForMessages(from + 5);
    await allDelivered(receipts);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const trace = tap.frames.slice(start);
    const after = { alice: alice.client.stats(), bob: bob.client.stats() };
    // Both kinds of traffic crossed the network while the trace ran...
    expect(after.alice.real_packets_sent).toBeGreaterThan(before.alice.real_packets_sent);
    expect(after.alice.cover_packets_sent + after.bob.cover_packets_sent).toBeGreaterThan(
      before.alice.cover_packets_sent + before.bob.cover_packets_sent,
    );
    // ...and on the wire there are exactly two sizes: every packet, real or cover, is a regular
    // Sphinx packet, and every acknowledgement an ack-size one.
    const sizes = new Map<string, Set<number>>();
    for (const frame of trace)
      sizes.set(frame.packetSize, (sizes.get(frame.packetSize) ?? new Set()).add(frame.bytes));
    expect([...sizes.keys()].sort()).toEqual(['ack', 'regular']);
    expect([...(sizes.get('regular') as Set<number>)]).toEqual([PACKET_SIZES.regular.totalSize]);
    expect([...(sizes.get('ack') as Set<number>)]).toEqual([PACKET_SIZES.ack.totalSize]);
    expect(trace.filter((frame) => frame.packetSize === 'regular').length).toBeGreaterThan(5);
  });

  it('still delivers every message, exactly once, when a mix node dies in the middle of a run', async () => {
    const messages = Array.from({ length: 12 }, () => cryptoRng.randomBytes(2000));
    const from = bob.received.length;
    const retransmissionsBefore = alice.client.stats().retransmissions;
    const receipts = messages.map((data) => alice.client.send(bob.client.address, data));
    await bob.waitForMessages(from + 1);
    await network.killMixnode(1, 0);
    await bob.waitForMessages(from + messages.length, 240_000);
    await allDelivered(receipts);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(payloadsSince(bob, from)).toEqual(messages.map(hex).sort());
    expect(alice.client.stats().retransmissions).toBeGreaterThan(retransmissionsBefore);
  });
});
