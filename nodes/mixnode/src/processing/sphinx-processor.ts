// The adapter from @nymts/sphinx to PacketProcessor: Sphinx's errors become `invalid` results
// with their code, so one bad packet never costs more than itself.
import { processPacket, SphinxError } from '@nymts/sphinx';
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
