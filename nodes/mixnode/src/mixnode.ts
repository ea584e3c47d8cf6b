// The mix node: frames in → unwrap (worker threads) → replay check for the key's rotation →
// delay queue → frames out over pooled connections. Each step drops what it cannot pass on and
// counts it by reason; nothing a peer sends can stop the node.
import {
  componentLogger,
  createApiServer,
  createConnectionPool,
  decodeNodeAddress,
  encodeFrame,
  encodeKey,
  formatSocketAddress,
  tcpTransport,
  type ApiServer,
  type Clock,
  type ConnectionPoolOptions,
  type Frame,
  type FrameHeader,
  type FrameVersion,
  type HealthStatus,
  type Logger,
  type Metrics,
  type OutboundDropReason,
  type Rng,
  type SocketAddress,
  type Transport,
} from '@nymts/node-common';
import { DelayQueue } from './delay/delay-queue';
import { createInbound, type Inbound, type InboundConnection } from './inbound';
import { KeyRing, type SphinxKey } from './keys/key-ring';
import { createMixnodeMetrics, type DropReason } from './metrics';
import { isProcessorModule, type ProcessResult, type ProcessorSource } from './processing/packet-processor';
import { createInlineUnwrapper, type UnwrapOutcome, type Unwrapper } from './processing/unwrapper';
import { createWorkerUnwrapper } from './processing/worker-unwrapper';
import {
  createReplayProtection,
  type ReplayProtection,
  type ReplayProtectionOptions,
} from './replay/replay-protection';

export interface MixnodeOptions {
  id: string;
  /** Where the mix port listens (port 0 picks a free one). */
  listenAddress: SocketAddress;
  /** What other nodes dial, published in the description; the listen address when omitted. */
  announceAddress?: SocketAddress;
  /** The HTTP API (description, health, /metrics); none when omitted. */
  httpAddress?: SocketAddress;
  identityPublicKey?: Uint8Array;
  sphinxKeys: SphinxKey[];
  maxConnections: number;
  maxInFlightPerConnection: number;
  maxInFlightTotal: number;
  /** Longer per-hop delays are cut to this (Nym's maximum_forward_packet_delay). */
  maxPacketDelayMs: number;
  delayQueueCapacity: number;
  outboundFrameVersion: FrameVersion;
  outbound: ConnectionPoolOptions;
  /** Worker threads that unwrap; 0 unwraps on the main thread. */
  unwrapWorkers: number;
  replay: ReplayProtectionOptions;
}

export interface MixnodeDeps {
  transport?: Transport;
  clock: Clock;
  /** For what the node decides at random itself; forwarding needs none today (delays come from senders). */
  rng: Rng;
  logger: Logger;
  metrics: Metrics;
  /** A processor object runs on the main thread; worker threads need it as a module reference. */
  processor: ProcessorSource;
}

export interface NodeDescription {
  role: 'mixnode';
  id: string;
  version: string;
  identity_key: string | null;
  sphinx_keys: Array<{ rotation_id: number; public_key: string }>;
  mix_address: string;
  frame_version: FrameVersion;
  max_packet_delay_ms: number;
}

export interface Mixnode {
  start(signal?: AbortSignal): Promise<void>;
  stop(): Promise<void>;
  readonly mixAddress: SocketAddress;
  readonly httpAddress: SocketAddress | undefined;
  describe(): NodeDescription;
  /** Installs the next rotation's key as primary; the key two rotations back retires with its filter. */
  rotateSphinxKey(key: SphinxKey): Promise<void>;
  /** Drops a non-primary key early, with its replay filter. */
  retireSphinxKey(rotationId: number): Promise<void>;
  flushReplayFilters(): Promise<void>;
}

interface Outgoing {
  address: SocketAddress;
  frame: Uint8Array;
}

const OUTBOUND_DROP: Record<OutboundDropReason, DropReason> = {
  buffer_full: 'outbound_buffer_full',
  unreachable: 'next_hop_unreachable',
  too_many_peers: 'too_many_next_hops',
  shutdown: 'shutdown',
};

const NANOS_PER_MS = 1_000_000n;
const VERSION: string = (require('../package.json') as { version: string }).version;

export function createMixnode(options: MixnodeOptions, deps: MixnodeDeps): Mixnode {
  const { clock, metrics: registry } = deps;
  const transport = deps.transport ?? tcpTransport;
  const logger = deps.logger.child({ node: options.id });
  const log = (component: string): Logger => componentLogger(logger, component);
  const keyRing = new KeyRing(options.sphinxKeys);
  if (keyRing.primary === undefined) throw new RangeError('a mix node needs at least one Sphinx key');
  if (options.unwrapWorkers > 0 && !isProcessorModule(deps.processor)) {
    throw new TypeError('worker threads load the processor themselves: pass it as { module, exportName }');
  }

  let status: HealthStatus = 'starting';
  let startedAt = 0;
  let mixAddress: SocketAddress | undefined;
  let httpAddress: SocketAddress | undefined;

  const unwrapper: Unwrapper =
    options.unwrapWorkers > 0 && isProcessorModule(deps.processor)
      ? createWorkerUnwrapper(
          { workers: options.unwrapWorkers, processor: deps.processor },
          { logger: log('unwrap') },
        )
      : createInlineUnwrapper(deps.processor);
  const replay: ReplayProtection = createReplayProtection(options.replay, {
    clock,
    logger: log('replay'),
    metrics: registry,
  });

  // The gauges read `delayQueue` and `inbound`, declared further down, only when scraped.
  const metrics = createMixnodeMetrics(registry, {
    queueDepth: () => delayQueue.size,
    connections: () => inbound.connections,
    unwrapInFlight: () => unwrapper.inFlight,
  });
  const drop = (reason: DropReason, count = 1): void => metrics.dropped.inc({ reason }, count);

  const pool = createConnectionPool(options.outbound, {
    transport,
    clock,
    logger: log('outbound'),
    metrics: registry,
    events: {
      written: (count) => metrics.forwarded.inc(undefined, count),
      dropped: (reason, count) => drop(OUTBOUND_DROP[reason], count),
    },
  });

  const forward = (outgoing: Outgoing): void => {
    const outcome = pool.send(outgoing.address, outgoing.frame);
    if (outcome !== 'accepted') drop(OUTBOUND_DROP[outcome]);
  };
  const delayQueue = new DelayQueue<Outgoing>(clock, options.delayQueueCapacity, forward);

  const schedule = (result: Extract<ProcessResult, { kind: 'forward' }>, header: FrameHeader): void => {
    let address: SocketAddress;
    let frame: Uint8Array;
    try {
      address = decodeNodeAddress(result.nextHop);
    } catch {
      drop('invalid_next_hop');
      return;
    }
    try {
      frame = encodeFrame(result.packet, {
        version: options.outboundFrameVersion,
        packetType: header.packetType,
        keyRotation: header.keyRotation,
      });
    } catch (error) {
      drop('invalid_output');
      logger.error({ err: error }, 'the processor produced a packet of no known size');
      return;
    }
    let delayMs = Number(result.delayNanos / NANOS_PER_MS) + Number(result.delayNanos % NANOS_PER_MS) / 1e6;
    if (delayMs > options.maxPacketDelayMs) {
      delayMs = options.maxPacketDelayMs;
      metrics.delaysCapped.inc();
    }
    if (delayMs <= 0) forward({ address, frame });
    else if (!delayQueue.push({ address, frame }, delayMs)) drop('delay_queue_full');
  };

  const afterUnwrap = (outcome: UnwrapOutcome, header: FrameHeader, rotationId: number): void => {
    metrics.unwrapSeconds.observe(outcome.durationNs / 1e9);
    const { result } = outcome;
    if (result.kind === 'invalid') {
      drop(result.code === 'shutdown' ? 'shutdown' : 'unwrap_failed');
      metrics.unwrapErrors.inc({ code: result.code });
      return;
    }
    const verdict = replay.check(rotationId, result.replayTag);
    if (verdict === 'replay') {
      drop('replay');
      return;
    }
    if (verdict === 'no_filter') {
      // The key retired while this packet was being unwrapped.
      drop('no_key_for_rotation');
      return;
    }
    if (result.kind === 'final') {
      // A final hop belongs to a gateway; a mix node has no one to deliver it to.
      drop('final_hop');
      return;
    }
    schedule(result, header);
  };

  const onFrame = (connection: InboundConnection, frame: Frame): void => {
    metrics.received.inc();
    const key = keyRing.select(frame.header.keyRotation);
    if (key === undefined) {
      drop('no_key_for_rotation');
      inbound.packetDone(connection);
      return;
    }
    unwrapper.unwrap(frame.packet, key.rotationId, (outcome) => {
      inbound.packetDone(connection);
      if (status === 'stopping') {
        drop('shutdown');
        return;
      }
      afterUnwrap(outcome, frame.header, key.rotationId);
    });
  };

  const inbound: Inbound = createInbound(
    {
      maxConnections: options.maxConnections,
      maxInFlightPerConnection: options.maxInFlightPerConnection,
      maxInFlightTotal: options.maxInFlightTotal,
    },
    { transport, logger: log('inbound'), metrics, onFrame, drop },
  );

  const describe = (): NodeDescription => ({
    role: 'mixnode',
    id: options.id,
    version: VERSION,
    identity_key: options.identityPublicKey === undefined ? null : encodeKey(options.identityPublicKey),
    sphinx_keys: keyRing.live.map((key) => ({
      rotation_id: key.rotationId,
      public_key: encodeKey(key.publicKey),
    })),
    mix_address: formatSocketAddress(options.announceAddress ?? mixAddress ?? options.listenAddress),
    frame_version: options.outboundFrameVersion,
    max_packet_delay_ms: options.maxPacketDelayMs,
  });

  const api: ApiServer | undefined =
    options.httpAddress === undefined
      ? undefined
      : createApiServer(
          { address: options.httpAddress },
          {
            logger: log('http'),
            metrics: registry,
            describe,
            health: () => ({
              status,
              uptime_seconds: status === 'up' ? Math.round((clock.now() - startedAt) / 1000) : 0,
              inbound_connections: inbound.connections ?? 0,
              delay_queue_packets: delayQueue.size,
            }),
          },
        );

  const syncKeys = (): void =>
    unwrapper.setKeys(
      keyRing.live.map((key) => ({ rotationId: key.rotationId, privateKey: key.privateKey })),
    );

  return {
    async start(signal) {
      for (const key of keyRing.live) await replay.open(key.rotationId);
      await unwrapper.start();
      syncKeys();
      signal?.throwIfAborted();
      mixAddress = await inbound.listen(options.listenAddress);
      httpAddress = await api?.start(signal);
      replay.start();
      startedAt = clock.now();
      status = 'up';
      logger.info(
        { mixAddress: formatSocketAddress(mixAddress), workers: options.unwrapWorkers },
        'mix node up',
      );
    },
    async stop() {
      if (status === 'stopping') return;
      status = 'stopping';
      await inbound.close();
      drop('shutdown', delayQueue.clear().length);
      await unwrapper.close();
      await pool.close();
      await replay.close();
      await api?.stop();
      logger.info('mix node stopped');
    },
    get mixAddress() {
      if (mixAddress === undefined) throw new Error('the mix node has not started');
      return mixAddress;
    },
    get httpAddress() {
      return httpAddress;
    },
    describe,
    async rotateSphinxKey(key) {
      await replay.open(key.rotationId);
      const retired = keyRing.install(key);
      syncKeys();
      for (const old of retired) await replay.purge(old.rotationId);
      logger.info(
        { rotationId: key.rotationId, retired: retired.map((old) => old.rotationId) },
        'Sphinx key rotated',
      );
    },
    async retireSphinxKey(rotationId) {
      const retired = keyRing.retire(rotationId);
      if (retired === undefined) return;
      syncKeys();
      await replay.purge(rotationId);
    },
    flushReplayFilters: () => replay.flush(),
  };
}
