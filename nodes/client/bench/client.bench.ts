import { ed25519 } from '@noble/curves/ed25519';
import { defineSuite, measureRate, median, percentile, sampleDurations } from '@nymts/bench';
import {
  createNoblePrimitives,
  DEFAULT_SPHINX_VERSION,
  createNodePrimitives,
  generateSphinxKeyPair,
  processPacket,
} from '@nymts/sphinx';
import { decodeFragment } from '../src/chunking/fragment';
import { Reassembler } from '../src/chunking/reassembler';
import { ACK_OVERHEAD } from '../src/constants';
import { type ClientCrypto, createClientCrypto } from '../src/crypto/primitives';
import { clientAddress, generateClientKeys } from '../src/keys';
import { fragmentMessage } from '../src/message/fragment-message';
import { decodeNymMessage } from '../src/message/nym-message';
import { unpadMessage } from '../src/message/padding';
import type { PacketContext } from '../src/packets/context';
import { prepareLoopCover, prepareRegularFragment, prepareReplyFragment } from '../src/packets/prepare';
import { openReceived } from '../src/packets/receive';
import { createReplySurbs } from '../src/replies/create-surbs';
import { cryptoRng } from '../src/runtime';
import { encodeNodeAddress } from '@nymts/node-common';
import type { Topology } from '../src/topology/topology';
import { TIMING_PRESETS } from '../src/traffic/timing';

// What a client costs in CPU, on one core: building packets (Sphinx, SURB-ACK, encryption),
// reading what arrives, fragmenting and reassembling. End-to-end latency over real mix nodes and
// gateways is measured once those are merged.

const hop = (port: number) => {
  const sphinx = generateSphinxKeyPair();
  return {
    privateKey: sphinx.privateKey,
    node: {
      identity: ed25519.getPublicKey(cryptoRng.randomBytes(32)),
      sphinxKey: sphinx.publicKey,
      host: '127.0.0.1',
      mixPort: port,
      address: encodeNodeAddress({ host: '127.0.0.1', port }),
      performance: 1,
    },
  };
};
const mixes = [1, 2, 3].map((layer) => ({ ...hop(2000 + layer), layer: layer as 1 | 2 | 3 }));
const gateway = hop(3000);
const topology: Topology = {
  mixnodes: mixes.map((mix) => ({ ...mix.node, layer: mix.layer })),
  gateways: [gateway.node],
};
const keys = generateClientKeys(cryptoRng.randomBytes);
const self = clientAddress(keys, gateway.node.identity);

function context(crypto: ClientCrypto): PacketContext {
  return {
    crypto,
    rng: cryptoRng,
    self,
    ackKey: keys.ackKey,
    topology,
    averagePacketDelayMs: TIMING_PRESETS.current.averagePacketDelayMs,
    averageAckDelayMs: TIMING_PRESETS.current.averageAckDelayMs,
    sphinxVersion: DEFAULT_SPHINX_VERSION,
  };
}

/** Calls per CPU-second of this process (the machine is shared), and by wall clock. */
async function rate(fn: () => unknown, signal: AbortSignal, ms: number) {
  const before = process.cpuUsage();
  const { iterations, opsPerSecond } = await measureRate(fn, {
    minDurationMs: ms,
    minIterations: 20,
    warmupIterations: 20,
    signal,
  });
  const cpu = process.cpuUsage(before);
  return { perCpuSecond: (iterations * 1e6) / (cpu.user + cpu.system), wall: opsPerSecond };
}

function finalPayload(packet: Uint8Array): Uint8Array {
  let current = packet;
  for (const mix of mixes) {
    const result = processPacket(current, mix.privateKey);
    if (result.kind !== 'forward') throw new Error('expected a forward hop');
    current = result.packet;
  }
  const last = processPacket(current, gateway.privateKey);
  if (last.kind !== 'final') throw new Error('expected the last hop');
  return last.payload.slice(ACK_OVERHEAD);
}

export default defineSuite({
  name: 'client',
  async run(ctx) {
    const node = context(createClientCrypto(createNodePrimitives()));
    const noble = context(createClientCrypto(createNoblePrimitives()));
    const fragment = fragmentMessage(
      { kind: 'plain', data: new Uint8Array(1500) },
      cryptoRng.randomBytes,
      () => false,
    )[0]!;

    ctx.progress('preparing packets');
    const real = await rate(
      () => prepareRegularFragment(node, self, fragment.id, fragment.bytes),
      ctx.signal,
      3000,
    );
    ctx.report({
      name: 'real packet (Sphinx + SURB-ACK + encryption), per CPU-second',
      value: real.perCpuSecond,
      unit: 'packets/s',
    });
    ctx.report({ name: 'real packet, wall clock', value: real.wall, unit: 'packets/s' });
    const realNoble = await rate(
      () => prepareRegularFragment(noble, self, fragment.id, fragment.bytes),
      ctx.signal,
      2000,
    );
    ctx.compare({
      name: 'real packet, node:crypto vs noble, per CPU-second',
      value: real.perCpuSecond,
      baseline: realNoble.perCpuSecond,
      unit: 'packets/s',
    });
    const latencies = await sampleDurations(
      () => prepareRegularFragment(node, self, fragment.id, fragment.bytes),
      {
        iterations: 1000,
        warmupIterations: 20,
        signal: ctx.signal,
      },
    );
    ctx.report({ name: 'real packet latency p50', value: median(latencies) * 1000, unit: 'µs' });
    ctx.report({ name: 'real packet latency p99', value: percentile(latencies, 99) * 1000, unit: 'µs' });

    const cover = await rate(() => prepareLoopCover(node), ctx.signal, 2000);
    ctx.report({ name: 'loop cover packet, per CPU-second', value: cover.perCpuSecond, unit: 'packets/s' });
    const defaults = TIMING_PRESETS.current;
    const idlePacketsPerSecond =
      1000 / defaults.messageSendingAverageDelayMs + 1000 / defaults.loopCoverTrafficAverageDelayMs;
    ctx.report({
      name: `idle client at Nym's rates (${idlePacketsPerSecond} cover packets/s), share of one core to build them`,
      value: (100 * idlePacketsPerSecond) / cover.perCpuSecond,
      unit: '%',
    });

    const surbs = createReplySurbs(node, 2000);
    let s = 0;
    const reply = await rate(
      () => prepareReplyFragment(node, surbs[s++ % surbs.length]!, fragment.id, fragment.bytes),
      ctx.signal,
      2000,
    );
    ctx.report({
      name: 'reply packet through a SURB, per CPU-second',
      value: reply.perCpuSecond,
      unit: 'packets/s',
    });
    const surbRate = await rate(() => createReplySurbs(node, 1), ctx.signal, 1500);
    ctx.report({
      name: 'reply SURB creation, per CPU-second',
      value: surbRate.perCpuSecond,
      unit: 'SURBs/s',
    });

    ctx.progress('receiving');
    const arrived = Array.from({ length: 64 }, () =>
      finalPayload(prepareRegularFragment(node, self, fragment.id, fragment.bytes).packet),
    );
    const receiveKeys = {
      crypto: node.crypto,
      ackKey: keys.ackKey,
      encryptionPrivateKey: keys.encryptionPrivateKey,
      takeReplyKey: () => undefined,
    };
    let r = 0;
    const opened = await rate(
      () => openReceived(receiveKeys, arrived[r++ % arrived.length]!),
      ctx.signal,
      2000,
    );
    ctx.report({
      name: 'received packet opened (DH, HKDF, AES, fragment), per CPU-second',
      value: opened.perCpuSecond,
      unit: 'packets/s',
    });

    ctx.progress('fragmenting and reassembling 1 MiB');
    const mebibyte = cryptoRng.randomBytes(1024 * 1024);
    const split = await rate(
      () => fragmentMessage({ kind: 'plain', data: mebibyte }, cryptoRng.randomBytes, () => false),
      ctx.signal,
      2000,
    );
    ctx.report({
      name: 'fragmentation of 1 MiB messages, per CPU-second',
      value: split.perCpuSecond,
      unit: 'MiB/s',
    });
    const fragments = fragmentMessage(
      { kind: 'plain', data: mebibyte },
      cryptoRng.randomBytes,
      () => false,
    ).map((f) => decodeFragment(f.bytes));
    const joined = await rate(
      () => {
        const reassembler = new Reassembler(
          { incompleteTimeoutMs: 1e9, completedRetentionMs: 0, maxBufferedBytes: 1e9 },
          () => 0,
        );
        for (let i = fragments.length - 1; i >= 0; i--) {
          const result = reassembler.insert(fragments[i]!);
          if (result.kind === 'complete') return decodeNymMessage(unpadMessage(result.message));
        }
        throw new Error('incomplete');
      },
      ctx.signal,
      2000,
    );
    ctx.report({
      name: 'reassembly of 1 MiB messages (reverse order), per CPU-second',
      value: joined.perCpuSecond,
      unit: 'MiB/s',
    });
  },
});
