// The mix node's view of Sphinx: one call that unwraps a packet with a private key. The result
// mirrors @nymts/sphinx's ProcessedPacket, plus `invalid` for a packet the processor refused (its
// SphinxError code kept), so the pipeline never depends on how a processor reports bad input.
// Worker threads load this file: import only the error class, not the whole node-common
// package (its logger and metrics cost a worker seconds to load on a busy machine).
import { NodeError } from '@nymts/node-common/src/errors';

export type ProcessResult =
  | {
      kind: 'forward';
      /** A 32-byte Nym node address. */
      nextHop: Uint8Array;
      delayNanos: bigint;
      packet: Uint8Array;
      replayTag: Uint8Array;
      version: number;
    }
  | {
      kind: 'final';
      destination: Uint8Array;
      surbId: Uint8Array;
      payload: Uint8Array;
      replayTag: Uint8Array;
      version: number;
    }
  | { kind: 'invalid'; code: string; message: string };

export interface PacketProcessor {
  /** Must not throw for bad packets: it answers `invalid` with a stable code instead. */
  process(packet: Uint8Array, privateKey: Uint8Array): ProcessResult;
}

/**
 * Where a worker thread finds a processor: a module file and the name of its export. Functions
 * cannot cross threads, so workers load the processor themselves from this.
 */
export interface ProcessorModule {
  module: string;
  exportName: string;
}

export type ProcessorSource = PacketProcessor | ProcessorModule;

export function isProcessorModule(source: ProcessorSource): source is ProcessorModule {
  return 'module' in source && typeof source.module === 'string';
}

export function loadProcessor(source: ProcessorModule): PacketProcessor {
  let loaded: Record<string, unknown>;
  try {
    loaded = require(source.module) as Record<string, unknown>;
  } catch (error) {
    throw new NodeError(
      'processor_unavailable',
      `cannot load the packet processor module ${source.module}: ${(error as Error).message}`,
      {
        action: 'reject',
        details: { ...source },
        cause: error,
      },
    );
  }
  const processor = loaded[source.exportName] as Partial<PacketProcessor> | undefined;
  if (typeof processor?.process !== 'function') {
    throw new NodeError(
      'processor_unavailable',
      `${source.module} has no PacketProcessor export "${source.exportName}"`,
      {
        action: 'reject',
        details: { ...source },
      },
    );
  }
  return processor as PacketProcessor;
}

/** Runs a processor so that nothing it throws escapes: an unexpected throw becomes `invalid`. */
export function processSafely(
  processor: PacketProcessor,
  packet: Uint8Array,
  privateKey: Uint8Array,
): ProcessResult {
  try {
    return processor.process(packet, privateKey);
  } catch (error) {
    return {
      kind: 'invalid',
      code: 'processor_error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
