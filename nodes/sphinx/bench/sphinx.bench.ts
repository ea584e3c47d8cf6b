import { defineSuite, measureRate, median, percentile, sampleDurations } from '@nymts/bench';
import {
  createForwardPacket,
  createNoblePrimitives,
  createNodePrimitives,
  generateSphinxKeyPair,
  PACKET_SIZES,
  processPacket,
  SPHINX_VERSIONS,
  type SphinxPrimitives,
} from '../src/index';

// One core, synchronous: unwraps per second (per CPU-second of this process, and wall clock) at the first of 3 hops (regular 2413-byte packets),
// and packet creations per second for 3-hop routes. A pool of distinct packets is cycled so that
// every unwrap imports a fresh α, as on a real node.

const POOL = 256;
const keyPairs = [0, 1, 2].map(() => generateSphinxKeyPair());
const route = keyPairs.map((pair, i) => ({
  address: new Uint8Array(32).fill(i + 1),
  publicKey: pair.publicKey,
}));
const message = new Uint8Array(2048).fill(0x5a);
const nodeKey = keyPairs[0]!.privateKey;

function makePackets(version: number, primitives: SphinxPrimitives): Uint8Array[] {
  return Array.from({ length: POOL }, () =>
    createForwardPacket({
      route,
      destination: new Uint8Array(32),
      delaysNanos: [0n, 0n, 0n],
      message,
      packetSize: PACKET_SIZES.regular,
      version,
      primitives,
    }),
  );
}

/**
 * Wall-clock rate, and the rate per CPU-second of this process (user + system): on a shared
 * machine the second is what one whole core would do.
 */
async function unwrapRate(
  packets: Uint8Array[],
  primitives: SphinxPrimitives,
  signal: AbortSignal,
  ms: number,
) {
  let i = 0;
  const cpuBefore = process.cpuUsage();
  const { opsPerSecond, iterations } = await measureRate(
    () => processPacket(packets[i++ % POOL] as Uint8Array, nodeKey, { primitives }),
    { minDurationMs: ms, minIterations: 20, warmupIterations: 0, signal },
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { wall: opsPerSecond, perCpuSecond: (iterations * 1e6) / (cpu.user + cpu.system) };
}

async function createRate(version: number, primitives: SphinxPrimitives, signal: AbortSignal, ms: number) {
  const cpuBefore = process.cpuUsage();
  const { iterations } = await measureRate(
    () =>
      createForwardPacket({
        route,
        destination: new Uint8Array(32),
        delaysNanos: [0n, 0n, 0n],
        message,
        packetSize: PACKET_SIZES.regular,
        version,
        primitives,
      }),
    { minDurationMs: ms, minIterations: 10, warmupIterations: 20, signal },
  );
  const cpu = process.cpuUsage(cpuBefore);
  return (iterations * 1e6) / (cpu.user + cpu.system);
}

export default defineSuite({
  name: 'sphinx',
  async run(ctx) {
    const node = createNodePrimitives();
    const noble = createNoblePrimitives();
    const current = SPHINX_VERSIONS.x25519ExplicitPayloadKeys;
    const legacy = SPHINX_VERSIONS.updatedLegacy;
    const seeds = SPHINX_VERSIONS.payloadKeySeeds;

    ctx.progress('building packets');
    const packets = {
      current: makePackets(current, node),
      legacy: makePackets(legacy, node),
      seeds: makePackets(seeds, node),
    };

    ctx.progress('unwrapping');
    const report = async (label: string, rate: Promise<{ wall: number; perCpuSecond: number }>) => {
      const { wall, perCpuSecond } = await rate;
      ctx.report({ name: `${label}, per CPU-second`, value: perCpuSecond, unit: 'packets/s' });
      ctx.report({ name: `${label}, wall clock`, value: wall, unit: 'packets/s' });
      return perCpuSecond;
    };
    // Warm both sets up before measuring.
    await unwrapRate(packets.current, node, ctx.signal, 300);
    await unwrapRate(packets.current, noble, ctx.signal, 300);
    const nobleUnwraps = await report(
      'unwrap v258, noble (pure JS)',
      unwrapRate(packets.current, noble, ctx.signal, 3000),
    );
    const nodeUnwraps = await report(
      'unwrap v258, node set (node:crypto + libsodium)',
      unwrapRate(packets.current, node, ctx.signal, 3000),
    );
    ctx.compare({
      name: 'unwrap v258, node vs noble, per CPU-second',
      value: nodeUnwraps,
      baseline: nobleUnwraps,
      unit: 'packets/s',
    });
    await report(
      'unwrap v259 (seed payload keys), node set',
      unwrapRate(packets.seeds, node, ctx.signal, 2000),
    );
    await report(
      'unwrap v257 (legacy unclamped blinding), node set',
      unwrapRate(packets.legacy, node, ctx.signal, 2000),
    );
    await report(
      'unwrap v257 (legacy unclamped blinding), noble',
      unwrapRate(packets.legacy, noble, ctx.signal, 2000),
    );

    // Per-call latency: on a shared machine the 10th percentile approximates an uncontended core.
    let j = 0;
    const latencies = await sampleDurations(
      () => processPacket(packets.current[j++ % POOL] as Uint8Array, nodeKey, { primitives: node }),
      { iterations: 3000, warmupIterations: 100, signal: ctx.signal },
    );
    const mean = latencies.reduce((sum, value) => sum + value, 0) / latencies.length;
    ctx.report({ name: 'unwrap v258 latency mean, node set', value: mean * 1000, unit: 'µs' });
    ctx.report({ name: 'unwrap v258 latency p50, node set', value: median(latencies) * 1000, unit: 'µs' });
    ctx.report({
      name: 'unwrap v258 latency p10, node set',
      value: percentile(latencies, 10) * 1000,
      unit: 'µs',
    });

    ctx.progress('creating');
    const nobleCreates = await createRate(current, noble, ctx.signal, 3000);
    ctx.report({
      name: 'create 3-hop v258 regular packet, noble, per CPU-second',
      value: nobleCreates,
      unit: 'packets/s',
    });
    ctx.compare({
      name: 'create 3-hop v258 regular packet, node set, per CPU-second',
      value: await createRate(current, node, ctx.signal, 3000),
      baseline: nobleCreates,
      unit: 'packets/s',
    });
  },
});
