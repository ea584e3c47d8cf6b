import pino from 'pino';
import { createClient, type MixnetClient } from '../src/client';
import type { GatewayConnection } from '../src/gateway/connection';
import { generateClientKeys } from '../src/keys';
import { openSqliteClientStore } from '../src/storage/client-store';
import type { TrafficTiming } from '../src/traffic/timing';
import { createManualClock, flush } from './support/manual-clock';
import { createSeededRng } from '@nymts/node-common';
import { TestNetwork } from './support/test-network';

interface Send {
  atMs: number;
  /** real packets the client had sent before this one */
  realBefore: number;
  coverBefore: number;
}

/** A client whose gateway only records what it is given (nothing comes back). */
async function recordedClient(timing: Partial<TrafficTiming>, maxRetransmissions?: number) {
  const clock = createManualClock();
  const rng = createSeededRng('traffic');
  const network = new TestNetwork(clock, rng);
  const sends: Send[] = [];
  const connection: GatewayConnection = {
    send: async () => {
      const stats = client.stats();
      sends.push({
        atMs: clock.now(),
        realBefore: stats.real_packets_sent,
        coverBefore: stats.cover_packets_sent,
      });
    },
    messages: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => {}) }) }),
    close: async () => {},
  };
  const store = openSqliteClientStore(':memory:');
  const client: MixnetClient = createClient(
    {
      keys: generateClientKeys(rng.randomBytes),
      gateway: network.gateway(0).identity,
      timing,
      ...(maxRetransmissions === undefined ? {} : { retransmission: { maxRetransmissions } }),
    },
    {
      topology: network.provider,
      connectGateway: async () => connection,
      store,
      clock,
      rng,
      logger: pino({ level: 'silent' }),
    },
  );
  await client.start();
  return { clock, client, sends, store };
}

describe('the streams of a running client', () => {
  it('sends at each tick of the real-or-cover stream: queued real packets first, loop cover otherwise', async () => {
    // No acks come back here: no retransmissions, so every later send is cover.
    const { clock, client, sends, store } = await recordedClient({ disableLoopCoverStream: true }, 0);
    const receipt = client.send(client.address, new Uint8Array(12 * 1604 - 2));
    expect(receipt.fragments).toBe(12);
    clock.advance(10_000);
    await flush();
    const stats = client.stats();
    expect(stats.real_packets_sent).toBe(12);
    expect(sends).toHaveLength(stats.real_packets_sent + stats.cover_packets_sent);
    // The k-th send is real while real packets wait, then cover; and nothing else sends.
    sends.slice(0, 12).forEach((send, k) => expect(send).toMatchObject({ realBefore: k, coverBefore: 0 }));
    sends.slice(12).forEach((send, k) => expect(send).toMatchObject({ realBefore: 12, coverBefore: k }));
    // λ = 1 / 20 ms: 500 sends expected in 10 s, σ ≈ 22.
    expect(Math.abs(sends.length - 500)).toBeLessThan(5 * 22);
    const gaps = sends.slice(1).map((send, i) => send.atMs - sends[i]!.atMs);
    expect(gaps.filter((gap) => gap > 60).length / gaps.length).toBeCloseTo(Math.exp(-3), 1);
    await client.stop();
    store.close();
  }, 60_000);

  it('runs the loop-cover stream on its own at 1 / 200 ms', async () => {
    const { clock, client, sends, store } = await recordedClient({ disableMainPoissonStream: true });
    clock.advance(60_000);
    await flush();
    expect(client.stats().real_packets_sent).toBe(0);
    // 300 expected, σ ≈ 17.
    expect(Math.abs(sends.length - 300)).toBeLessThan(5 * 17);
    expect(client.stats().cover_packets_sent).toBe(sends.length);
    await client.stop();
    store.close();
  }, 60_000);

  it('without the Poisson stream sends real packets at once and no cover', async () => {
    const { clock, client, sends, store } = await recordedClient({
      disableMainPoissonStream: true,
      disableLoopCoverStream: true,
    });
    client.send(client.address, new Uint8Array(5_000));
    clock.advance(0);
    await flush();
    expect(sends.map((send) => send.atMs)).toEqual([0, 0, 0, 0]);
    clock.advance(10_000);
    await flush();
    expect(client.stats().cover_packets_sent).toBe(0);
    await client.stop();
    store.close();
  });

  it('refuses to send before start and after stop, and refuses bad settings', async () => {
    const { client, store } = await recordedClient({});
    expect(() => client.sendAnonymous(client.address, new Uint8Array(1), { replySurbs: 501 })).toThrow(
      /from 0 to 500/,
    );
    await client.stop();
    expect(() => client.send(client.address, new Uint8Array(1))).toThrow(/not running/);
    store.close();
    const rng = createSeededRng('settings');
    const deps = {
      topology: { fetch: async () => ({ mixnodes: [], gateways: [] }) },
      connectGateway: async () => {
        throw new Error('unused');
      },
      store: openSqliteClientStore(':memory:'),
    };
    const keys = generateClientKeys(rng.randomBytes);
    expect(() => createClient({ keys, gateway: 'not-base58-0' }, deps)).toThrow(/not base58/);
    expect(() => createClient({ keys, gateway: new Uint8Array(32) }, deps)).toThrow(/small-order/);
    const gateway = keys.identityPublicKey;
    expect(() => createClient({ keys, gateway, timing: { averagePacketDelayMs: Number.NaN } }, deps)).toThrow(
      /averagePacketDelayMs/,
    );
    expect(() => createClient({ keys, gateway, retransmission: { ackWaitMultiplier: 0.5 } }, deps)).toThrow(
      /ackWaitMultiplier/,
    );
    expect(() =>
      createClient({ keys, gateway, replies: { requestMin: 200, requestMax: 100 } }, deps),
    ).toThrow(/minimum is above/);
    deps.store.close();
  });
});
