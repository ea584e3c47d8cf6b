import {
  isProcessorModule,
  loadProcessor,
  processSafely,
  type ProcessResult,
  type ProcessorSource,
} from './packet-processor';

export interface UnwrapKey {
  rotationId: number;
  privateKey: Uint8Array;
}

export interface UnwrapOutcome {
  result: ProcessResult;
  /** Time spent in the processor alone, without queueing or thread hops. */
  durationNs: number;
}

/** Unwraps packets with the node's Sphinx keys, on this thread or on worker threads. */
export interface Unwrapper {
  start(): Promise<void>;
  setKeys(keys: readonly UnwrapKey[]): void;
  /** `done` runs exactly once per packet, also when a worker dies or the unwrapper closes. */
  unwrap(packet: Uint8Array, rotationId: number, done: (outcome: UnwrapOutcome) => void): void;
  readonly inFlight: number;
  close(): Promise<void>;
}

export function missingKeyOutcome(rotationId: number): UnwrapOutcome {
  return {
    result: { kind: 'invalid', code: 'no_key', message: `no Sphinx key for rotation ${rotationId}` },
    durationNs: 0,
  };
}

/** Unwraps synchronously on the calling thread: for tests, tools and single-core machines. */
export function createInlineUnwrapper(source: ProcessorSource): Unwrapper {
  const processor = isProcessorModule(source) ? loadProcessor(source) : source;
  const keys = new Map<number, Uint8Array>();
  return {
    start: async () => undefined,
    setKeys(next) {
      keys.clear();
      for (const key of next) keys.set(key.rotationId, key.privateKey);
    },
    unwrap(packet, rotationId, done) {
      const privateKey = keys.get(rotationId);
      if (privateKey === undefined) {
        done(missingKeyOutcome(rotationId));
        return;
      }
      const started = process.hrtime.bigint();
      const result = processSafely(processor, packet, privateKey);
      done({ result, durationNs: Number(process.hrtime.bigint() - started) });
    },
    inFlight: 0,
    close: async () => undefined,
  };
}
