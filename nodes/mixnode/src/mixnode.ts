// The mix node: the mix port (frames in → unwrap → replay check) → delay queue → frames out over
// pooled connections. Each step drops what it cannot pass on and counts it by reason; nothing a
// peer sends can stop the node.
import {
  componentLogger,
  createApiServer,
  decodeNodeAddress,
  encodeKey,
  formatSocketAddress,
  tcpTransport,
  type ApiServer,
  type Clock,
  type ConnectionPoolOptions,
  type FrameHeader,
  type FrameVersion,
  type HealthStatus,
  type Logger,
  type Metrics,
  type Rng,
  type SocketAddress,
  type Transport,
} from '@nymts/node-common';
import { DelayQueue } from './delay/delay-queue';
import { createForwarder } from './forwarder';
import { DROP_REASONS, createDropCounter } from './metrics';
import { createMixPort, type MixPortOptions, type SphinxKeyControl, type UnwrappedPacket } from './mix-port';
import type { ProcessorSource } from './processing/packet-processor';

export interface MixnodeOptions extends MixPortOptions {
  id: string;
  /** What other nodes dial, published in the description; the listen address when omitted. */
  announceAddress?: SocketAddress;
  /** The HTTP API (description, health, /metrics); none when omitted. */
  httpAddress?: SocketAddress;
  identityPublicKey?: Uint8Array;
  /** Longer per-hop delays are cut to this (Nym's maximum_forward_packet_delay). */
  maxPacketDelayMs: number;
  delayQueueCapacity: number;
  outboundFrameVersion: FrameVersion;
  outbound: ConnectionPoolOptions;
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

export interface Mixnode extends SphinxKeyControl {
  start(signal?: AbortSignal): Promise<void>;
  stop(): Promise<void>;
  readonly mixAddress: SocketAddress;
  readonly httpAddress: SocketAddress | undefined;
  describe(): NodeDescription;
}

interface Outgoing {
  address: SocketAddress;
  frame: Uint8Array;
}

const NANOS_PER_MS = 1_000_000n;
const VERSION: string = (require('../package.json') as { version: string }).version;

export function createMixnode(options: MixnodeOptions, deps: MixnodeDeps): Mixnode {
  const { clock, metrics: registry } = deps;
  const transport = deps.transport ?? tcpTransport;
  const logger = deps.logger.child({ node: options.id });
  const log = (component: string): Logger => componentLogger(logger, component);

  let status: HealthStatus = 'starting';
  let startedAt = 0;
  let mixAddress: SocketAddress | undefined;
  let httpAddress: SocketAddress | undefined;

  const drop = createDropCounter(registry, DROP_REASONS);
  const delaysCapped = registry.counter({
    name: 'delays_capped_total',
    help: 'Packets whose delay exceeded the maximum and was cut to it',
  });
  registry.gauge({
    name: 'delay_queue_packets',
    help: 'Packets waiting out their delay',
    read: () => delayQueue.size,
  });

  const forwarder = createForwarder(
    { frameVersion: options.outboundFrameVersion, outbound: options.outbound },
    { transport, clock, logger: log('outbound'), metrics: registry, drop },
  );
  const forward = (outgoing: Outgoing): void => forwarder.send(outgoing.address, outgoing.frame);
  const delayQueue = new DelayQueue<Outgoing>(clock, options.delayQueueCapacity, forward);

  const schedule = (result: Extract<UnwrappedPacket, { kind: 'forward' }>, header: FrameHeader): void => {
    let address: SocketAddress;
    try {
      address = decodeNodeAddress(result.nextHop);
    } catch {
      drop('invalid_next_hop');
      return;
    }
    const frame = forwarder.encode(result.packet, header);
    if (frame === undefined) return;
    let delayMs = Number(result.delayNanos / NANOS_PER_MS) + Number(result.delayNanos % NANOS_PER_MS) / 1e6;
    if (delayMs > options.maxPacketDelayMs) {
      delayMs = options.maxPacketDelayMs;
      delaysCapped.inc();
    }
    if (delayMs <= 0) forward({ address, frame });
    else if (!delayQueue.push({ address, frame }, delayMs)) drop('delay_queue_full');
  };

  const mixPort = createMixPort(options, {
    transport,
    clock,
    logger,
    metrics: registry,
    processor: deps.processor,
    drop,
    onPacket: (result, header) => {
      // A final hop belongs to a gateway; a mix node has no one to deliver it to.
      if (result.kind === 'final') drop('final_hop');
      else schedule(result, header);
    },
  });

  const describe = (): NodeDescription => ({
    role: 'mixnode',
    id: options.id,
    version: VERSION,
    identity_key: options.identityPublicKey === undefined ? null : encodeKey(options.identityPublicKey),
    sphinx_keys: mixPort.keys.map((key) => ({
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
              inbound_connections: mixPort.connections,
              delay_queue_packets: delayQueue.size,
            }),
          },
        );

  return {
    async start(signal) {
      mixAddress = await mixPort.start(signal);
      httpAddress = await api?.start(signal);
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
      await mixPort.close();
      drop('shutdown', delayQueue.clear().length);
      await forwarder.close();
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
    ...mixPort.keyControl,
  };
}
