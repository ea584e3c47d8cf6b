// A worker thread's body: load the processor, then unwrap each batch it is sent, in order, and
// answer each with one packed buffer.
import { parentPort, workerData } from 'node:worker_threads';
import { loadProcessor, processSafely, type PacketProcessor } from './packet-processor';
import { missingKeyOutcome, type UnwrapOutcome } from './unwrapper';
import { packOutcomes, unpackJobs, type FromWorker, type ToWorker, type WorkerData } from './worker-protocol';

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

function run(): void {
  let processor: PacketProcessor;
  try {
    processor = loadProcessor((workerData as WorkerData).processor);
  } catch (error) {
    post({ kind: 'load_failed', message: (error as Error).message });
    return;
  }
  const keys = new Map<number, Uint8Array>();
  parentPort?.on('message', (message: ToWorker) => {
    if (message.kind === 'keys') {
      keys.clear();
      for (const key of message.keys) keys.set(key.rotationId, key.privateKey);
      return;
    }
    const outcomes: UnwrapOutcome[] = [];
    for (const job of unpackJobs(message.jobs)) {
      const privateKey = keys.get(job.rotationId);
      if (privateKey === undefined) {
        outcomes.push(missingKeyOutcome(job.rotationId));
        continue;
      }
      const started = process.hrtime.bigint();
      const result = processSafely(processor, job.packet, privateKey);
      outcomes.push({ result, durationNs: Number(process.hrtime.bigint() - started) });
    }
    const packed = packOutcomes(outcomes);
    post({ kind: 'results', ...packed }, [packed.outcomes]);
  });
  post({ kind: 'ready' });
}

run();
