// The mix port, what a mix node and a gateway share: frames in → unwrap (worker threads) →
// replay check for the key's rotation → the owner's handler. Each step drops what it cannot
// pass on and counts it by reason; nothing a peer sends can stop the node.
import {
  componentLogger,
  type Clock,
  type Frame,
  type FrameHeader,
  type Logger,
  type Metrics,
  type SocketAddress,
  type Transport,
} from '@nymts/node-common';
import { createInbound, type InboundConnection } from './inbound';
import { KeyRing, type SphinxKey } from './keys/key-ring';
import { createMixPortMetrics, type DropCounter, type MixPortDropReason } from './metrics';
import { isProcessorModule, type ProcessResult, type ProcessorSource } from './processing/packet-processor';
import { createInlineUnwrapper, type UnwrapOutcome, type Unwrapper } from './processing/unwrapper';
import { createWorkerUnwrapper } from './processing/worker-unwrapper';
import { createReplayProtection, type ReplayProtectionOptions } from './replay/replay-protection';

export interface MixPortOptions {
  /** Where the mix port listens (port 0 picks a free one). */
  listenAddress: SocketAddress;
  sphinxKeys: SphinxKey[];
  maxConnections: number;
  maxInFlightPerConnection: number;
  maxInFlightTotal: number;
  /** Worker threads that unwrap; 0 unwraps on the main thread. */
  unwrapWorkers: number;
  replay: ReplayProtectionOptions;
}

/** A packet that unwrapped and is no replay, with the frame header it came in. */
export type UnwrappedPacket = Exclude<ProcessResult, { kind: 'invalid' }>;

export interface MixPortDeps {
  transport: Transport;
  clock: Clock;
  logger: Logger;
  /** The node's registry: the port adds its counters and gauges to it. */
  metrics: Metrics;
  /** A processor object runs on the main thread; worker threads need it as a module reference. */
  processor: ProcessorSource;
  drop: DropCounter<MixPortDropReason>;
  /** Called once per packet that unwrapped and passed the replay filter. */
  onPacket(result: UnwrappedPacket, header: FrameHeader): void;
}

/** Key rotation of a node's mix port, which a mix node and a gateway both offer. */
export interface SphinxKeyControl {
  /** Installs the next rotation's key as primary; the key two rotations back retires with its filter. */
  rotateSphinxKey(key: SphinxKey): Promise<void>;
  /** Drops a non-primary key early, with its replay filter. */
  retireSphinxKey(rotationId: number): Promise<void>;
  flushReplayFilters(): Promise<void>;
}

export interface MixPort {
  /** Opens the replay filters, starts the unwrappers and listens; resolves with the bound address. */
  start(signal?: AbortSignal): Promise<SocketAddress>;
  /** Stops reading, fails what is still being unwrapped (counted as `shutdown`), flushes filters. */
  close(): Promise<void>;
  readonly connections: number;
  readonly unwrapInFlight: number;
  /** The Sphinx keys in use, oldest first; the last is the primary. */
  readonly keys: readonly SphinxKey[];
  readonly keyControl: SphinxKeyControl;
}

export function createMixPort(options: MixPortOptions, deps: MixPortDeps): MixPort {
  const { drop } = deps;
  const log = (component: string): Logger => componentLogger(deps.logger, component);
  const keyRing = new KeyRing(options.sphinxKeys);
  if (keyRing.primary === undefined) throw new RangeError('a mix port needs at least one Sphinx key');
  if (options.unwrapWorkers > 0 && !isProcessorModule(deps.processor)) {
    throw new TypeError('worker threads load the processor themselves: pass it as { module, exportName }');
  }
  let closing = false;

  const unwrapper: Unwrapper =
    options.unwrapWorkers > 0 && isProcessorModule(deps.processor)
      ? createWorkerUnwrapper(
          { workers: options.unwrapWorkers, processor: deps.processor },
          { logger: log('unwrap') },
        )
      : createInlineUnwrapper(deps.processor);
  const replay = createReplayProtection(options.replay, {
    clock: deps.clock,
    logger: log('replay'),
    metrics: deps.metrics,
  });
  // The gauges read `inbound`, declared further down, only when scraped.
  const metrics = createMixPortMetrics(deps.metrics, {
    connections: () => inbound.connections,
    unwrapInFlight: () => unwrapper.inFlight,
  });

  const afterUnwrap = (outcome: UnwrapOutcome, header: FrameHeader, rotationId: number): void => {
    metrics.unwrapSeconds.observe(outcome.durationNs / 1e9);
    const { result } = outcome;
    if (result.kind === 'invalid') {
      drop(result.code === 'shutdown' ? 'shutdown' : 'unwrap_failed');
      metrics.unwrapErrors.inc({ code: result.code });
      return;
    }
    metrics.unwrapped.inc({ version: String(result.version) });
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
    deps.onPacket(result, header);
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
      if (closing) {
        drop('shutdown');
        return;
      }
      afterUnwrap(outcome, frame.header, key.rotationId);
    });
  };

  const inbound = createInbound(
    {
      maxConnections: options.maxConnections,
      maxInFlightPerConnection: options.maxInFlightPerConnection,
      maxInFlightTotal: options.maxInFlightTotal,
    },
    { transport: deps.transport, logger: log('inbound'), metrics, onFrame, drop },
  );

  const syncKeys = (): void =>
    unwrapper.setKeys(
      keyRing.live.map((key) => ({ rotationId: key.rotationId, privateKey: key.privateKey })),
    );

  const keyControl: SphinxKeyControl = {
    async rotateSphinxKey(key) {
      await replay.open(key.rotationId);
      const retired = keyRing.install(key);
      syncKeys();
      for (const old of retired) await replay.purge(old.rotationId);
      deps.logger.info(
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

  return {
    async start(signal) {
      for (const key of keyRing.live) await replay.open(key.rotationId);
      await unwrapper.start();
      syncKeys();
      signal?.throwIfAborted();
      const address = await inbound.listen(options.listenAddress);
      replay.start();
      return address;
    },
    async close() {
      if (closing) return;
      closing = true;
      await inbound.close();
      await unwrapper.close();
      await replay.close();
    },
    get connections() {
      return inbound.connections;
    },
    get unwrapInFlight() {
      return unwrapper.inFlight;
    },
    get keys() {
      return keyRing.live;
    },
    keyControl,
  };
}
