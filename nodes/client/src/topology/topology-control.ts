import type { Logger } from 'pino';
import { ClientError } from '../errors';
import type { Clock, Timer } from '../runtime';
import { type Topology, type TopologyProvider, usableTopology } from './topology';

export interface TopologyOptions {
  /** Nym refreshes every 5 minutes. */
  refreshIntervalMs: number;
  /** Nodes below this performance (0…1) are not used; Nym drops those below 50 %. */
  minimumPerformance: number;
  /** First wait after a failed refresh; doubles up to the refresh interval. */
  retryDelayMs: number;
}

export const DEFAULT_TOPOLOGY: TopologyOptions = {
  refreshIntervalMs: 5 * 60_000,
  minimumPerformance: 0.5,
  retryDelayMs: 5_000,
};

export interface TopologyControl {
  /** Fetches once; throws if there is no topology at all. */
  start(signal?: AbortSignal): Promise<void>;
  /** The last good topology, usable nodes only. */
  current(): Topology;
  stop(): void;
}

/** Keeps the last good topology and refreshes it, retrying failures with backoff (Nym #476). */
export function createTopologyControl(
  options: TopologyOptions,
  deps: { provider: TopologyProvider; clock: Clock; logger: Logger },
): TopologyControl {
  let topology: Topology | undefined;
  let timer: Timer | undefined;
  let failures = 0;
  let stopped = false;
  const abort = new AbortController();

  const refresh = async (signal: AbortSignal) => {
    topology = usableTopology(await deps.provider.fetch(signal), options.minimumPerformance);
  };

  const schedule = (delayMs: number) => {
    timer = deps.clock.setTimer(delayMs, () => {
      refresh(abort.signal).then(
        () => {
          failures = 0;
          if (!stopped) schedule(options.refreshIntervalMs);
        },
        (error: unknown) => {
          failures += 1;
          deps.logger.warn({ err: error, failures }, 'topology refresh failed; keeping the last good one');
          if (!stopped)
            schedule(Math.min(options.retryDelayMs * 2 ** (failures - 1), options.refreshIntervalMs));
        },
      );
    });
  };

  return {
    async start(signal) {
      await refresh(signal ?? abort.signal);
      schedule(options.refreshIntervalMs);
    },
    current() {
      if (topology === undefined) throw new ClientError('not_running', 'the client has no topology yet');
      return topology;
    },
    stop() {
      stopped = true;
      timer?.cancel();
      abort.abort();
    },
  };
}
