import type { ProcessorModule } from './packet-processor';
import type { UnwrapKey, UnwrapOutcome } from './unwrapper';

export interface WorkerData {
  processor: ProcessorModule;
}

export interface UnwrapJob {
  packet: Uint8Array;
  rotationId: number;
}

export type ToWorker = { kind: 'keys'; keys: UnwrapKey[] } | { kind: 'batch'; jobs: UnwrapJob[] };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'load_failed'; message: string }
  | { kind: 'results'; outcomes: UnwrapOutcome[] };

/** Buffers a typed array owns outright can move between threads instead of being copied. */
export function transferable(bytes: Uint8Array): ArrayBuffer | undefined {
  const buffer = bytes.buffer;
  if (!(buffer instanceof ArrayBuffer)) return undefined;
  return bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? buffer : undefined;
}
