// Messages between the unwrapper and its worker threads. A batch travels as one buffer each way,
// moved (transferred), not copied: packing 64 packets into one buffer costs a memcpy of each,
// far less than cloning 64 result objects and transferring 64 small buffers.
//
// jobs:     per job  rotation id (u32) ‖ length (u32) ‖ packet
// outcomes: per job  kind (u8) ‖ version (u16) ‖ duration ns (f64) ‖ then by kind
//             forward  replay tag (32) ‖ next hop (32) ‖ delay ns (u64) ‖ length (u32) ‖ packet
//             final    replay tag (32) ‖ destination (32) ‖ SURB id (16) ‖ length (u32) ‖ payload
//             invalid  nothing: its code and message are in `invalid`, keyed by job index
import type { ProcessorModule, ProcessResult } from './packet-processor';
import type { UnwrapKey, UnwrapOutcome } from './unwrapper';

export interface WorkerData {
  processor: ProcessorModule;
}

export interface UnwrapJob {
  packet: Uint8Array;
  rotationId: number;
}

export interface InvalidOutcome {
  index: number;
  code: string;
  message: string;
}

export type ToWorker = { kind: 'keys'; keys: UnwrapKey[] } | { kind: 'batch'; jobs: ArrayBuffer };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'load_failed'; message: string }
  | { kind: 'results'; outcomes: ArrayBuffer; invalid: InvalidOutcome[] };

const KIND = { forward: 0, final: 1, invalid: 2 } as const;
const TAG = 32;
const ADDRESS = 32;
const SURB_ID = 16;
const OUTCOME_HEAD = 1 + 2 + 8;

class Writer {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;

  constructor(length: number) {
    // Every byte gets written, so skip the zero fill; a buffer of its own, to be transferred.
    this.bytes = new Uint8Array(Buffer.allocUnsafeSlow(length).buffer, 0, length);
    this.view = new DataView(this.bytes.buffer);
  }

  u8(value: number): void {
    this.view.setUint8(this.at, value);
    this.at += 1;
  }

  u16(value: number): void {
    this.view.setUint16(this.at, value);
    this.at += 2;
  }

  u32(value: number): void {
    this.view.setUint32(this.at, value);
    this.at += 4;
  }

  u64(value: bigint): void {
    this.view.setBigUint64(this.at, value);
    this.at += 8;
  }

  f64(value: number): void {
    this.view.setFloat64(this.at, value);
    this.at += 8;
  }

  raw(bytes: Uint8Array): void {
    this.bytes.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** Length-prefixed bytes. */
  block(bytes: Uint8Array): void {
    this.u32(bytes.length);
    this.raw(bytes);
  }
}

class Reader {
  private readonly view: DataView;
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  u8(): number {
    return this.view.getUint8(this.at++);
  }

  u16(): number {
    const value = this.view.getUint16(this.at);
    this.at += 2;
    return value;
  }

  u32(): number {
    const value = this.view.getUint32(this.at);
    this.at += 4;
    return value;
  }

  u64(): bigint {
    const value = this.view.getBigUint64(this.at);
    this.at += 8;
    return value;
  }

  f64(): number {
    const value = this.view.getFloat64(this.at);
    this.at += 8;
    return value;
  }

  /** A view, not a copy: it lives as long as the batch's buffer. */
  raw(length: number): Uint8Array {
    const bytes = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return bytes;
  }

  block(): Uint8Array {
    return this.raw(this.u32());
  }
}

export function packJobs(jobs: readonly UnwrapJob[]): ArrayBuffer {
  const writer = new Writer(jobs.reduce((sum, job) => sum + 8 + job.packet.length, 0));
  for (const job of jobs) {
    writer.u32(job.rotationId);
    writer.block(job.packet);
  }
  return writer.bytes.buffer as ArrayBuffer;
}

export function unpackJobs(buffer: ArrayBuffer): UnwrapJob[] {
  const reader = new Reader(new Uint8Array(buffer));
  const jobs: UnwrapJob[] = [];
  while (!reader.done) {
    const rotationId = reader.u32();
    jobs.push({ rotationId, packet: reader.block() });
  }
  return jobs;
}

function packedLength(result: ProcessResult): number {
  switch (result.kind) {
    case 'forward':
      return OUTCOME_HEAD + TAG + ADDRESS + 8 + 4 + result.packet.length;
    case 'final':
      return OUTCOME_HEAD + TAG + ADDRESS + SURB_ID + 4 + result.payload.length;
    case 'invalid':
      return OUTCOME_HEAD;
  }
}

export function packOutcomes(outcomes: readonly UnwrapOutcome[]): {
  outcomes: ArrayBuffer;
  invalid: InvalidOutcome[];
} {
  const writer = new Writer(outcomes.reduce((sum, outcome) => sum + packedLength(outcome.result), 0));
  const invalid: InvalidOutcome[] = [];
  outcomes.forEach(({ result, durationNs }, index) => {
    writer.u8(KIND[result.kind]);
    writer.u16(result.kind === 'invalid' ? 0 : result.version);
    writer.f64(durationNs);
    switch (result.kind) {
      case 'forward':
        writer.raw(result.replayTag);
        writer.raw(result.nextHop);
        writer.u64(result.delayNanos);
        writer.block(result.packet);
        return;
      case 'final':
        writer.raw(result.replayTag);
        writer.raw(result.destination);
        writer.raw(result.surbId);
        writer.block(result.payload);
        return;
      case 'invalid':
        invalid.push({ index, code: result.code, message: result.message });
    }
  });
  return { outcomes: writer.bytes.buffer as ArrayBuffer, invalid };
}

export function unpackOutcomes(buffer: ArrayBuffer, invalid: readonly InvalidOutcome[]): UnwrapOutcome[] {
  const reader = new Reader(new Uint8Array(buffer));
  const errors = new Map(invalid.map((entry) => [entry.index, entry]));
  const outcomes: UnwrapOutcome[] = [];
  while (!reader.done) {
    const kind = reader.u8();
    const version = reader.u16();
    const durationNs = reader.f64();
    let result: ProcessResult;
    if (kind === KIND.forward) {
      const replayTag = reader.raw(TAG);
      const nextHop = reader.raw(ADDRESS);
      const delayNanos = reader.u64();
      result = { kind: 'forward', nextHop, delayNanos, packet: reader.block(), replayTag, version };
    } else if (kind === KIND.final) {
      const replayTag = reader.raw(TAG);
      const destination = reader.raw(ADDRESS);
      const surbId = reader.raw(SURB_ID);
      result = { kind: 'final', destination, surbId, payload: reader.block(), replayTag, version };
    } else {
      const error = errors.get(outcomes.length);
      result = {
        kind: 'invalid',
        code: error?.code ?? 'worker_protocol',
        message: error?.message ?? 'outcome without its error',
      };
    }
    outcomes.push({ result, durationNs });
  }
  return outcomes;
}
