// Replay protection across key rotations: one filter per Sphinx key, opened from disk when the
// key is installed, flushed periodically and on stop (so a restart keeps the replay window shut),
// and deleted with the key when it retires (its packets can no longer be unwrapped anyway).
import { rename } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, Logger, Metrics, Timer } from '@nymts/node-common';
import { readReplayFile, removeReplayFile, writeReplayFile } from './replay-file';
import { ReplayFilter } from './replay-filter';

export interface ReplayProtectionOptions {
  /** Where filters live; without one they are kept in memory only (tests, tools). */
  directory?: string;
  falsePositiveRate: number;
  /** Tags a new filter is sized for: expected packets per second × key lifetime × multiplier. */
  initialCapacity: number;
  flushIntervalMs: number;
}

export type ReplayVerdict = 'fresh' | 'replay' | 'no_filter';

export interface ReplayProtection {
  open(rotationId: number): Promise<void>;
  check(rotationId: number, tag: Uint8Array): ReplayVerdict;
  purge(rotationId: number): Promise<void>;
  flush(): Promise<void>;
  /** Starts periodic flushing. */
  start(): void;
  /** Stops periodic flushing and writes every filter one last time. */
  close(): Promise<void>;
  readonly rotations: number[];
}

/** Nym's sizing: expected packets/s × seconds the key lives × a safety multiplier (nym-node defaults). */
export function replayCapacity(sizing: {
  packetsPerSecond: number;
  keyLifetimeSeconds: number;
  sizeMultiplier: number;
}): number {
  return Math.max(1, Math.round(sizing.packetsPerSecond * sizing.keyLifetimeSeconds * sizing.sizeMultiplier));
}

export function createReplayProtection(
  options: ReplayProtectionOptions,
  deps: { clock: Clock; logger: Logger; metrics: Metrics },
): ReplayProtection {
  const { clock, logger } = deps;
  const filters = new Map<number, ReplayFilter>();
  const pathOf = (rotationId: number): string | undefined =>
    options.directory === undefined ? undefined : join(options.directory, `rot-${rotationId}.bloom`);
  let timer: Timer | undefined;
  let flushing: Promise<void> = Promise.resolve();

  deps.metrics.gauge({
    name: 'replay_filter_items',
    help: 'Replay tags recorded across the open key rotations',
    read: () => [...filters.values()].reduce((sum, filter) => sum + filter.items, 0),
  });
  deps.metrics.gauge({
    name: 'replay_filter_bytes',
    help: 'Memory held by replay filter bitmaps',
    read: () => [...filters.values()].reduce((sum, filter) => sum + filter.bytes, 0),
  });
  const flushes = deps.metrics.counter({
    name: 'replay_filter_flushes_total',
    help: 'Replay filter writes to disk',
    labelNames: ['result'],
  });
  const loadFailures = deps.metrics.counter({
    name: 'replay_filter_load_failures_total',
    help: 'Replay filter files found damaged at start-up and set aside',
  });

  const load = async (rotationId: number, path: string): Promise<ReplayFilter | undefined> => {
    try {
      const { filter } = await readReplayFile(path);
      if (filter.rotationId !== rotationId) throw new Error(`file holds rotation ${filter.rotationId}`);
      logger.info({ rotationId, items: filter.items, path }, 'replay filter restored');
      return filter;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      // Kept for inspection, never deleted: the node starts with a fresh filter and says so loudly.
      const aside = `${path}.damaged-${Date.now()}`;
      await rename(path, aside);
      loadFailures.inc();
      logger.error(
        { err: error, rotationId, movedTo: aside },
        'replay filter file damaged; starting this rotation with an empty filter',
      );
      return undefined;
    }
  };

  const writeAll = async (): Promise<void> => {
    for (const filter of filters.values()) {
      const path = pathOf(filter.rotationId);
      if (path === undefined) continue;
      try {
        await writeReplayFile(path, filter, options.falsePositiveRate);
        flushes.inc({ result: 'ok' });
      } catch (error) {
        flushes.inc({ result: 'failed' });
        logger.error({ err: error, path }, 'replay filter flush failed');
      }
    }
  };

  const schedule = (): void => {
    timer = clock.setTimer(options.flushIntervalMs, () => {
      void api.flush().finally(() => {
        if (timer !== undefined) schedule();
      });
    });
  };

  const api: ReplayProtection = {
    async open(rotationId) {
      if (filters.has(rotationId)) return;
      const path = pathOf(rotationId);
      if (path !== undefined) mkdirSync(options.directory as string, { recursive: true, mode: 0o700 });
      const restored = path === undefined ? undefined : await load(rotationId, path);
      filters.set(
        rotationId,
        restored ??
          ReplayFilter.create(rotationId, {
            falsePositiveRate: options.falsePositiveRate,
            initialCapacity: options.initialCapacity,
          }),
      );
    },
    check(rotationId, tag) {
      const filter = filters.get(rotationId);
      if (filter === undefined) return 'no_filter';
      return filter.checkAndInsert(tag) ? 'replay' : 'fresh';
    },
    purge(rotationId) {
      filters.delete(rotationId);
      const path = pathOf(rotationId);
      // Behind any flush in progress, so a flush cannot write the file back after it is gone.
      flushing = flushing.then(() => (path === undefined ? undefined : removeReplayFile(path)));
      return flushing;
    },
    flush() {
      // Flushes run one after another: two writers of one file would race on its temporary.
      flushing = flushing.then(writeAll);
      return flushing;
    },
    start() {
      if (timer === undefined) schedule();
    },
    async close() {
      timer?.cancel();
      timer = undefined;
      await api.flush();
    },
    get rotations() {
      return [...filters.keys()];
    },
  };
  return api;
}
