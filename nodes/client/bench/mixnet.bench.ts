// The client over a real mixnet on 127.0.0.1 (3 layers × 2 mix nodes, 2 gateways, all in this
// process): end-to-end latency minus the Sphinx delays the client sampled, per hop, against the
// cost of one Sphinx unwrap measured in the same run; and messages per second for one client with
// cover traffic on.
//
// The delays are read back from the packets themselves: every packet the client hands its gateway
// is recorded, and after the run unwrapped offline with the nodes' keys, hop by hop.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { defineSuite, median, percentile, sampleDurations, type BenchContext } from '@nymts/bench';
import {
  createForwardPacket,
  DEFAULT_SPHINX_VERSION,
  PACKET_SIZES,
  processPacket,
  type RouteNode,
} from '@nymts/sphinx';
import { type OutboundMixPacket } from '../src/gateway/connection';
import { cryptoRng } from '../src/runtime';
import { startRealNetwork, type NetworkClient, type RealNetwork } from '../test/support/real-network';

const LATENCY_SAMPLES = 150;
const THROUGHPUT_MESSAGES = 400;
/** Nodes a message crosses: entry gateway, three mixes, exit gateway. */
const HOPS = 5;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
/** The recipient sends nothing of its own, so that what is measured is the sender's traffic. */
const TIMINGS_IDLE = { disableMainPoissonStream: true, disableLoopCoverStream: true };

interface Sample {
  sentAt: number;
  handedAt: number[];
  packets: OutboundMixPacket[];
  receivedAt: number;
}

function sphinxKeys(network: RealNetwork): Map<string, Uint8Array> {
  const keys = new Map<string, Uint8Array>();
  for (const node of network.mixnodes.flat()) keys.set(hex(node.routingAddress), node.key.privateKey);
  for (const gateway of network.gateways) keys.set(hex(gateway.hop.address), gateway.sphinxKey.privateKey);
  return keys;
}

/** The delays a packet carries, or undefined when it is not a packet for `destination`. */
function sampledDelaysMs(
  packet: OutboundMixPacket,
  keys: Map<string, Uint8Array>,
  destination: Uint8Array,
): number | undefined {
  let total = 0;
  let at = packet.firstHop;
  for (let current = packet.packet; ;) {
    const key = keys.get(hex(at));
    if (key === undefined) throw new Error(`no key for hop ${hex(at)}`);
    const hop = processPacket(current, key);
    if (hop.kind === 'final') return hex(hop.destination) === hex(destination) ? total : undefined;
    total += Number(hop.delayNanos) / 1e6;
    at = hop.nextHop;
    current = hop.packet;
  }
}

/** Returns the overhead per hop at p50 (ms). */
async function measureLatency(
  ctx: BenchContext,
  network: RealNetwork,
  keys: Map<string, Uint8Array>,
): Promise<number> {
  let current: Sample | undefined;
  const alice = await network.startClient(0, {
    // Real packets leave as soon as they are built; loop cover runs at Nym's rate.
    timing: {
      averagePacketDelayMs: 15,
      averageAckDelayMs: 15,
      messageSendingAverageDelayMs: 20,
      loopCoverTrafficAverageDelayMs: 200,
      disableMainPoissonStream: true,
    },
    onSend: (packet) => {
      current?.packets.push(packet);
      current?.handedAt.push(performance.now());
    },
  });
  const bob = await network.startClient(1, { timing: { ...TIMINGS_IDLE } });
  const samples: Sample[] = [];
  for (let i = 0; i < LATENCY_SAMPLES && !ctx.signal.aborted; i++) {
    ctx.progress(`latency sample ${i + 1}/${LATENCY_SAMPLES}`);
    const sample: Sample = { sentAt: performance.now(), handedAt: [], packets: [], receivedAt: 0 };
    current = sample;
    const arrived = new Promise<void>((resolve) => {
      bob.onReceived = () => resolve();
    });
    alice.client.send(bob.client.address, cryptoRng.randomBytes(32));
    await arrived;
    sample.receivedAt = performance.now();
    current = undefined;
    samples.push(sample);
  }
  await alice.stop();
  await bob.stop();
  return reportLatency(ctx, samples, keys, bob);
}

function reportLatency(
  ctx: BenchContext,
  samples: Sample[],
  keys: Map<string, Uint8Array>,
  bob: NetworkClient,
): number {
  const fromHandOff: number[] = [];
  const fromSend: number[] = [];
  let retransmitted = 0;
  for (const sample of samples) {
    const real = sample.packets
      .map((packet, index) => ({ delays: sampledDelaysMs(packet, keys, bob.client.address.identity), index }))
      .filter((entry) => entry.delays !== undefined);
    if (real.length !== 1) {
      retransmitted += 1;
      continue;
    }
    const { delays, index } = real[0] as { delays: number; index: number };
    fromHandOff.push(sample.receivedAt - (sample.handedAt[index] as number) - delays);
    fromSend.push(sample.receivedAt - sample.sentAt - delays);
  }
  fromHandOff.sort((a, b) => a - b);
  fromSend.sort((a, b) => a - b);
  const perHop = (value: number) => value / HOPS;
  ctx.report({ name: 'latency samples (single packet, one in flight)', value: fromHandOff.length, unit: '' });
  ctx.report({ name: 'samples left out (retransmitted)', value: retransmitted, unit: '' });
  ctx.report({
    name: 'end-to-end minus sampled delays, from hand-off to the gateway, p50',
    value: median(fromHandOff),
    unit: 'ms',
  });
  ctx.report({
    name: 'end-to-end minus sampled delays, from hand-off to the gateway, p99',
    value: percentile(fromHandOff, 99),
    unit: 'ms',
  });
  ctx.report({
    name: `overhead per hop (${HOPS} nodes), p50`,
    value: perHop(median(fromHandOff)),
    unit: 'ms',
  });
  ctx.report({
    name: `overhead per hop (${HOPS} nodes), p99`,
    value: perHop(percentile(fromHandOff, 99)),
    unit: 'ms',
  });
  ctx.report({
    name: 'end-to-end minus sampled delays, from send() (packet building included), p50',
    value: median(fromSend),
    unit: 'ms',
  });
  ctx.report({
    name: 'end-to-end minus sampled delays, from send() (packet building included), p99',
    value: percentile(fromSend, 99),
    unit: 'ms',
  });
  return perHop(median(fromHandOff));
}

/** The baseline: what one hop's Sphinx work costs on its own (build once, unwrap at each hop). */
async function measureSphinx(ctx: BenchContext, network: RealNetwork, perHopP50: number): Promise<void> {
  const route: RouteNode[] = [
    ...network.mixnodes.map((layer) => ({
      address: (layer[0] as (typeof layer)[number]).routingAddress,
      publicKey: (layer[0] as (typeof layer)[number]).key.publicKey,
    })),
    (network.gateways[1] as (typeof network.gateways)[number]).hop,
  ];
  const privateKeys = [
    ...network.mixnodes.map((layer) => (layer[0] as (typeof layer)[number]).key.privateKey),
    (network.gateways[1] as (typeof network.gateways)[number]).sphinxKey.privateKey,
  ];
  const build = () =>
    createForwardPacket({
      route,
      destination: cryptoRng.randomBytes(32),
      delaysNanos: route.map(() => 0n),
      message: cryptoRng.randomBytes(1000),
      packetSize: PACKET_SIZES.regular,
      version: DEFAULT_SPHINX_VERSION,
    });
  const packet = build();
  const unwrap = sampleDurations(() => processPacket(packet, privateKeys[0] as Uint8Array), {
    iterations: 500,
    warmupIterations: 50,
    signal: ctx.signal,
  });
  const unwrapMs = median((await unwrap).sort((a, b) => a - b));
  const buildMs = median(
    (await sampleDurations(build, { iterations: 200, warmupIterations: 20, signal: ctx.signal })).sort(
      (a, b) => a - b,
    ),
  );
  ctx.report({
    name: `Sphinx v${DEFAULT_SPHINX_VERSION} unwrap (one hop), median`,
    value: unwrapMs,
    unit: 'ms',
  });
  ctx.report({ name: 'Sphinx 4-hop packet build, median', value: buildMs, unit: 'ms' });
  ctx.compare({
    name: 'overhead per hop p50 vs one Sphinx unwrap',
    value: perHopP50,
    baseline: unwrapMs,
    unit: 'ms',
  });
}

async function measureThroughput(ctx: BenchContext, network: RealNetwork): Promise<void> {
  // λ high enough that the client's CPU, not the Poisson stream, sets the pace; both streams on.
  const alice = await network.startClient(0, {
    timing: {
      averagePacketDelayMs: 15,
      averageAckDelayMs: 15,
      messageSendingAverageDelayMs: 1,
      loopCoverTrafficAverageDelayMs: 200,
    },
  });
  const bob = await network.startClient(1, { timing: { ...TIMINGS_IDLE } });
  const before = alice.client.stats();
  const start = performance.now();
  const receipts = Array.from({ length: THROUGHPUT_MESSAGES }, () =>
    alice.client.send(bob.client.address, cryptoRng.randomBytes(100)),
  );
  await bob.waitForMessages(THROUGHPUT_MESSAGES);
  const elapsedS = (performance.now() - start) / 1000;
  await Promise.all(receipts.map((receipt) => receipt.outcome));
  const after = alice.client.stats();
  ctx.report({
    name: 'messages per second, one client, cover on (λ = 1/ms, μ = 15 ms)',
    value: THROUGHPUT_MESSAGES / elapsedS,
    unit: 'messages/s',
  });
  ctx.report({
    name: 'cover packets sent meanwhile',
    value: after.cover_packets_sent - before.cover_packets_sent,
    unit: 'packets',
  });
  ctx.report({
    name: 'retransmissions meanwhile',
    value: after.retransmissions - before.retransmissions,
    unit: 'packets',
  });
  await alice.stop();
  await bob.stop();
}

export default defineSuite({
  name: 'client-mixnet',
  async run(ctx) {
    const network = await startRealNetwork({ perLayer: 2, gateways: 2 });
    try {
      const keys = sphinxKeys(network);
      const perHopP50 = await measureLatency(ctx, network, keys);
      await measureSphinx(ctx, network, perHopP50);
      await measureThroughput(ctx, network);
      ctx.report({ name: 'load average (1 min) after', value: loadavg()[0] as number, unit: '' });
    } finally {
      await network.stop();
    }
  },
});
