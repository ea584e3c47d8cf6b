// The adapter from @nymts/sphinx to PacketProcessor: Sphinx's errors become `invalid` results
// with their code, so one bad packet never costs more than itself.
// Every unwrap worker loads this file: it takes only the processing step and the error class,
// not the whole package (packet creation, SURBs and the pure-JS primitives cost each worker
// about 0.2 s more to load, measured on a busy 2-core machine).
import { processPacket } from '@nymts/sphinx/src/process-packet';
import { SphinxError } from '@nymts/sphinx/src/errors';
import type { PacketProcessor, ProcessorModule } from './packet-processor';

export const sphinxProcessor: PacketProcessor = {
  process(packet, privateKey) {
    try {
      return processPacket(packet, privateKey);
    } catch (error) {
      if (error instanceof SphinxError) return { kind: 'invalid', code: error.code, message: error.message };
      throw error;
    }
  },
};

/** What worker threads load: this file's `sphinxProcessor`. */
export const SPHINX_PROCESSOR: ProcessorModule = { module: __filename, exportName: 'sphinxProcessor' };
