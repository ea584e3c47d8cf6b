// TEST ONLY: a processor that kills its worker thread on a packet starting with 0xde, to test
// that the node survives losing a worker; otherwise it is the Sphinx processor.
import { sphinxProcessor, type PacketProcessor } from '../../src';

export const crashingProcessor: PacketProcessor = {
  process(packet, privateKey) {
    if (packet[0] === 0xde) process.exit(3);
    return sphinxProcessor.process(packet, privateKey);
  },
};

export const CRASHING_PROCESSOR = { module: __filename, exportName: 'crashingProcessor' };
