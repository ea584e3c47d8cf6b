// Unwrapping on worker threads, so Sphinx's public-key work runs on every core while the main
// thread keeps the sockets. Packets are batched per event-loop turn: one message carries up to
// 64 of them in one buffer, and the answers come back the same way (worker-protocol.ts). A
// worker that dies fails only its own batches and is replaced.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@nymts/node-common';
import type { ProcessorModule } from './packet-processor';
import type { UnwrapKey, UnwrapOutcome, Unwrapper } from './unwrapper';
import {
  packJobs,
  unpackOutcomes,
  type FromWorker,
  type ToWorker,
  type UnwrapJob,
  type WorkerData,
} from './worker-protocol';

const WORKER_ENTRY = join(__dirname, 'worker-entry.js');
const MAX_BATCH = 64;

type Done = (outcome: UnwrapOutcome) => void;

interface Slot {
  worker: Worker;
  queuedJobs: UnwrapJob[];
  queuedDone: Done[];
  /** Callbacks of batches sent and not yet answered, oldest first; workers answer in order. */
  sent: Done[][];
  inFlight: number;
  /** Set once the processor loaded; a worker that never got there is not replaced. */
  ready: boolean;
  /** Exited and not replaced: packets sent its way fail at once. */
  dead: boolean;
}

function failed(code: string, message: string): UnwrapOutcome {
  return { result: { kind: 'invalid', code, message }, durationNs: 0 };
}

export function createWorkerUnwrapper(
  options: { workers: number; processor: ProcessorModule },
  deps: { logger: Logger },
): Unwrapper {
  if (!Number.isInteger(options.workers) || options.workers < 1) {
    throw new RangeError(`a worker unwrapper needs at least one worker, got ${options.workers}`);
  }
  const slots: Slot[] = [];
  let keys: UnwrapKey[] = [];
  let closing = false;
  let flushScheduled = false;
  let inFlight = 0;

  const settle = (callbacks: Done[], outcome: UnwrapOutcome): void => {
    inFlight -= callbacks.length;
    for (const done of callbacks) done(outcome);
  };

  const flush = (): void => {
    flushScheduled = false;
    for (const slot of slots) {
      // A worker still loading gets its batches once ready, after its keys.
      while (slot.ready && slot.queuedJobs.length > 0) {
        const jobs = slot.queuedJobs.splice(0, MAX_BATCH);
        const callbacks = slot.queuedDone.splice(0, MAX_BATCH);
        const packed = packJobs(jobs);
        slot.sent.push(callbacks);
        slot.worker.postMessage({ kind: 'batch', jobs: packed } satisfies ToWorker, [packed]);
      }
    }
  };

  const spawn = (index: number): Promise<void> => {
    const worker = new Worker(WORKER_ENTRY, {
      workerData: { processor: options.processor } satisfies WorkerData,
    });
    const slot: Slot = {
      worker,
      queuedJobs: [],
      queuedDone: [],
      sent: [],
      inFlight: 0,
      ready: false,
      dead: false,
    };
    slots[index] = slot;
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        switch (message.kind) {
          case 'ready':
            slot.ready = true;
            worker.postMessage({ kind: 'keys', keys } satisfies ToWorker);
            flush();
            resolve();
            return;
          case 'load_failed':
            reject(new Error(message.message));
            return;
          case 'results': {
            const callbacks = slot.sent.shift() ?? [];
            const outcomes = unpackOutcomes(message.outcomes, message.invalid);
            slot.inFlight -= callbacks.length;
            inFlight -= callbacks.length;
            callbacks.forEach((done, i) => done(outcomes[i] ?? failed('worker_protocol', 'missing outcome')));
          }
        }
      });
      worker.on('error', (error) => {
        deps.logger.error({ err: error, worker: index }, 'unwrap worker failed');
        reject(error);
      });
      worker.on('exit', (code) => {
        if (slots[index] !== slot) return;
        const lost = [...slot.sent.flat(), ...slot.queuedDone];
        const pendingJobs = slot.queuedJobs;
        slot.sent = [];
        slot.queuedJobs = [];
        slot.queuedDone = [];
        slot.inFlight = 0;
        if (closing || !slot.ready) {
          slot.dead = true;
          settle(
            lost,
            closing
              ? failed('shutdown', 'the node is stopping')
              : failed('worker_failed', `unwrap worker exited with code ${code}`),
          );
          return;
        }
        deps.logger.error(
          { worker: index, exitCode: code, lostPackets: lost.length - pendingJobs.length },
          'unwrap worker exited; replacing it',
        );
        // Packets not yet sent to the dead worker still have a chance on its replacement.
        const unsent = lost.splice(lost.length - pendingJobs.length);
        settle(lost, failed('worker_failed', `unwrap worker exited with code ${code}`));
        inFlight -= unsent.length;
        spawn(index).then(
          () => pendingJobs.forEach((job, i) => api.unwrap(job.packet, job.rotationId, unsent[i] as Done)),
          (error: unknown) => {
            deps.logger.error({ err: error, worker: index }, 'replacement unwrap worker failed to start');
            for (const done of unsent) done(failed('worker_failed', 'no unwrap worker available'));
          },
        );
      });
    });
  };

  const api: Unwrapper = {
    async start() {
      await Promise.all(Array.from({ length: options.workers }, (_, index) => spawn(index)));
    },
    setKeys(next) {
      keys = next.map((key) => ({ rotationId: key.rotationId, privateKey: new Uint8Array(key.privateKey) }));
      for (const slot of slots) slot.worker.postMessage({ kind: 'keys', keys } satisfies ToWorker);
    },
    unwrap(packet, rotationId, done) {
      if (closing) {
        done(failed('shutdown', 'the node is stopping'));
        return;
      }
      // Prefer workers that are up, then the least busy; a worker still starting may queue.
      const rank = (candidate: Slot): number => (candidate.dead ? 2 : candidate.ready ? 0 : 1);
      let slot = slots[0] as Slot;
      for (const candidate of slots) {
        if (
          rank(candidate) < rank(slot) ||
          (rank(candidate) === rank(slot) && candidate.inFlight < slot.inFlight)
        ) {
          slot = candidate;
        }
      }
      if (slot.dead) {
        done(failed('worker_failed', 'no unwrap worker available'));
        return;
      }
      slot.queuedJobs.push({ packet, rotationId });
      slot.queuedDone.push(done);
      slot.inFlight += 1;
      inFlight += 1;
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    },
    get inFlight() {
      return inFlight;
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
  return api;
}
