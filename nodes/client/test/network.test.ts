import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKET_SIZES } from '@nymts/sphinx';
import type { ReceivedMessage } from '../src/client';
import { openSqliteClientStore } from '../src/storage/client-store';
import { startTestClient, type TestClient, WITH_COVER } from './support/clients';
import { createManualClock, runFor, runUntil } from './support/manual-clock';
import { createSeededRng } from '@nymts/node-common';
import { TestNetwork } from './support/test-network';

const text = (value: string) => new TextEncoder().encode(value);

function setup(seed: string) {
  const clock = createManualClock();
  const network = new TestNetwork(clock, createSeededRng(seed));
  return { clock, network };
}

/** How many messages in `inbox` carry exactly these bytes. */
function copiesOf(inbox: ReceivedMessage[], data: Uint8Array): number {
  return inbox.filter((message) => Buffer.from(message.data).equals(Buffer.from(data))).length;
}

describe('client on an in-process mixnet (real Sphinx at every hop)', () => {
  let clients: TestClient[] = [];
  const started = async (...list: Promise<TestClient>[]) => {
    const ready = await Promise.all(list);
    clients.push(...ready);
    return ready;
  };

  afterEach(async () => {
    for (const { client } of clients) await client.stop();
    clients = [];
  });

  it('delivers messages of 1 byte to 1 MiB exactly once, and acknowledgements settle each', async () => {
    const { clock, network } = setup('sizes');
    const [alice, bob] = await started(
      startTestClient(network, clock, { seed: 'alice', gatewayIndex: 0 }),
      startTestClient(network, clock, { seed: 'bob', gatewayIndex: 1 }),
    );
    const rng = createSeededRng('payloads');
    // 1 byte, a full packet, a full set, one byte more (two linked sets), 1 MiB (three sets)
    const sizes = [1, 1602, 255 * 1604 - 2, 255 * 1604 - 1, 1024 * 1024];
    const payloads = sizes.map((size) => rng.randomBytes(size));
    const receipts = payloads.map((payload) => alice!.client.send(bob!.client.address, payload));
    await runUntil(clock, () => alice!.client.stats().messages_delivered === sizes.length, {
      limitMs: 60_000,
    });
    await runFor(clock, 5_000);
    for (const payload of payloads) expect(copiesOf(bob!.inbox, payload)).toBe(1);
    expect(bob!.inbox).toHaveLength(sizes.length);
    expect(bob!.inbox.every((message) => message.kind === 'plain')).toBe(true);
    for (const receipt of receipts) await expect(receipt.outcome).resolves.toEqual({ kind: 'delivered' });
    expect(receipts.map((receipt) => receipt.fragments)).toEqual([1, 1, 255, 256, 654]);
  }, 120_000);

  it('with cover traffic on, sends real and cover packets of one size and acknowledgements of another', async () => {
    const { clock, network } = setup('sizes-on-the-wire');
    const withCover = { timing: { ...WITH_COVER, averagePacketDelayMs: 15, averageAckDelayMs: 15 } };
    const [alice, bob] = await started(
      startTestClient(network, clock, { seed: 'alice', gatewayIndex: 0, options: withCover }),
      startTestClient(network, clock, { seed: 'bob', gatewayIndex: 1, options: withCover }),
    );
    const payloads = [text('real traffic among the cover'), createSeededRng('cover').randomBytes(30_000)];
    for (const payload of payloads) alice!.client.send(bob!.client.address, payload);
    await runFor(clock, 3_000);
    const sizes = new Set(network.links.map((link) => link.size));
    expect(sizes).toEqual(new Set([PACKET_SIZES.regular.totalSize, PACKET_SIZES.ack.totalSize]));
    const stats = alice!.client.stats();
    expect(stats.cover_packets_sent).toBeGreaterThan(50);
    expect(stats.cover_packets_received).toBeGreaterThan(40);
    // At λ = 50 packets/s the 20 real packets took about 0.4 s of the stream.
    expect(stats.real_packets_sent).toBeGreaterThanOrEqual(20);
    for (const payload of payloads) expect(copiesOf(bob!.inbox, payload)).toBe(1);
  }, 60_000);

  it('retransmits dropped packets until they arrive, and an ack stops retransmission', async () => {
    const { clock, network } = setup('drops');
    const [alice, bob] = await started(
      startTestClient(network, clock, { seed: 'alice', gatewayIndex: 0 }),
      startTestClient(network, clock, { seed: 'bob', gatewayIndex: 1 }),
    );
    // Every regular packet into layer 2 is lost for the first 4 simulated seconds.
    network.dropWhen(
      (to, size) => to.startsWith('mix-2') && size === PACKET_SIZES.regular.totalSize && clock.now() < 4_000,
    );
    const payload = createSeededRng('drop-payload').randomBytes(20_000);
    const receipt = alice!.client.send(bob!.client.address, payload);
    await runUntil(clock, () => alice!.client.stats().messages_delivered === 1, { limitMs: 60_000 });
    expect(alice!.client.stats().retransmissions).toBeGreaterThan(0);
    expect(network.dropped).toBeGreaterThan(0);
    await expect(receipt.outcome).resolves.toEqual({ kind: 'delivered' });

    const settled = alice!.client.stats();
    await runFor(clock, 30_000);
    expect(alice!.client.stats().retransmissions).toBe(settled.retransmissions);
    expect(alice!.client.stats().real_packets_sent).toBe(settled.real_packets_sent);
    expect(copiesOf(bob!.inbox, payload)).toBe(1);
  }, 120_000);

  it('suppresses the duplicates that lost acknowledgements cause', async () => {
    const { clock, network } = setup('lost-acks');
    const [alice, bob] = await started(
      startTestClient(network, clock, { seed: 'alice', gatewayIndex: 0 }),
      startTestClient(network, clock, { seed: 'bob', gatewayIndex: 1 }),
    );
    network.dropWhen((_to, size) => size === PACKET_SIZES.ack.totalSize && clock.now() < 3_000);
    const payload = createSeededRng('ack-payload').randomBytes(10_000);
    alice!.client.send(bob!.client.address, payload);
    await runUntil(clock, () => alice!.client.stats().messages_delivered === 1, { limitMs: 60_000 });
    await runFor(clock, 2_000);
    expect(alice!.client.stats().retransmissions).toBeGreaterThan(0);
    expect(bob!.client.stats().duplicate_fragments).toBeGreaterThan(0);
    expect(copiesOf(bob!.inbox, payload)).toBe(1);
  }, 120_000);

  it('delivers every message when a mix node dies in the middle of a run', async () => {
    const { clock, network } = setup('kill');
    const [alice, bob] = await started(
      startTestClient(network, clock, { seed: 'alice', gatewayIndex: 0 }),
      startTestClient(network, clock, { seed: 'bob', gatewayIndex: 1 }),
    );
    const rng = createSeededRng('kill-payloads');
    const payloads = [300, 5_000, 30_000, 60_000].map((size) => rng.randomBytes(size));
    alice!.client.send(bob!.client.address, payloads[0]!);
    alice!.client.send(bob!.client.address, payloads[2]!);
    await runFor(clock, 8);
    // Packets are in flight through layer 2 when one of its two nodes dies; the rest go after.
    network.kill(network.mix(2, 1).address);
    alice!.client.send(bob!.client.address, payloads[1]!);
    alice!.client.send(bob!.client.address, payloads[3]!);
    await runUntil(clock, () => alice!.client.stats().messages_delivered === payloads.length, {
      limitMs: 600_000,
      stepMs: 5,
    });
    expect(network.dropped).toBeGreaterThan(0);
    expect(alice!.client.stats().retransmissions).toBeGreaterThan(0);
    for (const payload of payloads) expect(copiesOf(bob!.inbox, payload)).toBe(1);
  }, 120_000);

  it('replies through SURBs without the replier learning the sender, and replenishes SURBs', async () => {
    const { clock, network } = setup('replies');
    const [alice, bob] = await started(
      startTestClient(network, clock, { seed: 'alice', gatewayIndex: 0 }),
      startTestClient(network, clock, { seed: 'bob', gatewayIndex: 1 }),
    );
    alice!.client.sendAnonymous(bob!.client.address, text('who am I?'), { replySurbs: 5 });
    await runUntil(clock, () => bob!.inbox.length === 1);
    const question = bob!.inbox[0]!;
    expect(question.kind).toBe('repliable');
    if (question.kind !== 'repliable') return;
    expect(Object.keys(question).sort()).toEqual(['data', 'kind', 'senderTag']);
    expect(bob!.client.availableReplySurbs(question.senderTag)).toBe(5);

    // Needs 12 SURBs (11 fragments and one held back): bob must ask alice for more first.
    const long = createSeededRng('long-reply').randomBytes(11 * 1600);
    const receipts = [
      bob!.client.reply(question.senderTag, text('a short answer')),
      bob!.client.reply(question.senderTag, long),
    ];
    await runUntil(clock, () => alice!.inbox.length === 2, { limitMs: 60_000 });
    expect(bob!.client.stats().surb_requests_sent).toBeGreaterThanOrEqual(1);
    expect(alice!.client.stats().surbs_sent).toBeGreaterThan(5);
    expect(alice!.inbox.map((message) => message.kind)).toEqual(['reply', 'reply']);
    expect(copiesOf(alice!.inbox, text('a short answer'))).toBe(1);
    expect(copiesOf(alice!.inbox, long)).toBe(1);
    await runUntil(clock, () => bob!.client.stats().messages_delivered === 2);
    for (const receipt of receipts) await expect(receipt.outcome).resolves.toEqual({ kind: 'delivered' });
  }, 120_000);

  it('refuses a reply to an unknown sender tag and fails a reply whose SURBs never come', async () => {
    const { clock, network } = setup('no-surbs');
    const [alice, bob] = await started(
      startTestClient(network, clock, { seed: 'alice', gatewayIndex: 0 }),
      startTestClient(network, clock, {
        seed: 'bob',
        gatewayIndex: 1,
        options: { replies: { pendingReplyTimeoutMs: 20_000 } },
      }),
    );
    expect(() => bob!.client.reply(new Uint8Array(16).fill(7), text('anyone?'))).toThrow(/no reply SURBs/);
    alice!.client.sendAnonymous(bob!.client.address, text('one SURB only'), { replySurbs: 1 });
    await runUntil(clock, () => bob!.inbox.length === 1);
    const tag = (bob!.inbox[0] as Extract<ReceivedMessage, { kind: 'repliable' }>).senderTag;
    // Alice goes away: the one SURB carries a request for more, and nobody answers it.
    await alice!.client.stop();
    const receipt = bob!.client.reply(tag, text('too late'));
    let outcome: unknown;
    void receipt.outcome.then((value) => (outcome = value));
    await runUntil(clock, () => outcome !== undefined, { limitMs: 60_000 });
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'no_reply_surbs' });
  }, 120_000);

  it('keeps messages for an offline recipient at its gateway and delivers them when it returns', async () => {
    const { clock, network } = setup('offline');
    const dir = mkdtempSync(join(tmpdir(), 'nymts-client-'));
    try {
      const [alice, bob] = await started(
        startTestClient(network, clock, { seed: 'alice', gatewayIndex: 0 }),
        startTestClient(network, clock, {
          seed: 'bob',
          gatewayIndex: 1,
          store: openSqliteClientStore(join(dir, 'bob.sqlite')),
        }),
      );
      await bob!.client.stop();
      bob!.store.close();
      const payload = createSeededRng('offline').randomBytes(40_000);
      alice!.client.send(bob!.client.address, payload);
      await runUntil(clock, () => alice!.client.stats().messages_delivered === 1, { limitMs: 60_000 });
      expect(network.isConnected(bob!.keys.identityPublicKey)).toBe(false);

      const [bobAgain] = await started(
        startTestClient(network, clock, {
          seed: 'bob-again',
          gatewayIndex: 1,
          keys: bob!.keys,
          store: openSqliteClientStore(join(dir, 'bob.sqlite')),
        }),
      );
      await runUntil(clock, () => bobAgain!.inbox.length === 1);
      expect(copiesOf(bobAgain!.inbox, payload)).toBe(1);
      await bobAgain!.client.stop();
      bobAgain!.store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('keeps reply keys and SURBs on disk: both sides can restart between question and answer', async () => {
    const { clock, network } = setup('restart');
    const dir = mkdtempSync(join(tmpdir(), 'nymts-client-'));
    const open = (name: string) => openSqliteClientStore(join(dir, `${name}.sqlite`));
    try {
      const [alice, bob] = await started(
        startTestClient(network, clock, { seed: 'alice', gatewayIndex: 0, store: open('alice') }),
        startTestClient(network, clock, { seed: 'bob', gatewayIndex: 1, store: open('bob') }),
      );
      alice!.client.sendAnonymous(bob!.client.address, text('answer me after a restart'), { replySurbs: 4 });
      await runUntil(clock, () => bob!.inbox.length === 1 && alice!.client.stats().messages_delivered === 1);
      const tag = (bob!.inbox[0] as Extract<ReceivedMessage, { kind: 'repliable' }>).senderTag;
      for (const side of [alice!, bob!]) {
        await side.client.stop();
        side.store.close();
      }

      const [alice2, bob2] = await started(
        startTestClient(network, clock, {
          seed: 'alice-2',
          gatewayIndex: 0,
          keys: alice!.keys,
          store: open('alice'),
        }),
        startTestClient(network, clock, {
          seed: 'bob-2',
          gatewayIndex: 1,
          keys: bob!.keys,
          store: open('bob'),
        }),
      );
      expect(bob2!.client.availableReplySurbs(tag)).toBe(4);
      bob2!.client.reply(tag, text('here you are'));
      await runUntil(clock, () => alice2!.inbox.length === 1);
      expect(alice2!.inbox[0]).toEqual({ kind: 'reply', data: text('here you are') });
      for (const side of [alice2!, bob2!]) await side.client.stop();
      clients = [];
      alice2!.store.close();
      bob2!.store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
