// The adapter from @nymts/sphinx to PacketProcessor. @nymts/sphinx is written on its own branch
// and merged after this package; until then it is loaded at run time, so this package builds
// without it and `nymts mixnode run` says clearly that Sphinx is missing. Once both are merged
// this can become a static import with no other change.
import { join } from 'node:path';
import { NodeError } from '@nymts/node-common';
import type { PacketProcessor, ProcessResult, ProcessorModule } from './packet-processor';

interface SphinxPackage {
  processPacket(packet: Uint8Array, privateKey: Uint8Array): Exclude<ProcessResult, { kind: 'invalid' }>;
  SphinxError: abstract new (...args: never[]) => Error & { code: string };
}

let sphinx: SphinxPackage | undefined;

function loadSphinx(): SphinxPackage {
  if (sphinx !== undefined) return sphinx;
  try {
    sphinx = require('@nymts/sphinx') as SphinxPackage;
  } catch (error) {
    throw new NodeError('sphinx_unavailable', 'the @nymts/sphinx package is not installed in this build', {
      action: 'reject',
      cause: error,
    });
  }
  return sphinx;
}

export const sphinxProcessor: PacketProcessor = {
  process(packet, privateKey) {
    const { processPacket, SphinxError } = loadSphinx();
    try {
      return processPacket(packet, privateKey);
    } catch (error) {
      if (error instanceof SphinxError) return { kind: 'invalid', code: error.code, message: error.message };
      throw error;
    }
  },
};

/** Fails fast at start-up rather than on the first packet. */
export function checkSphinxAvailable(): void {
  loadSphinx();
}

export const SPHINX_PROCESSOR: ProcessorModule = {
  module: join(__dirname, 'sphinx-processor.ts'),
  exportName: 'sphinxProcessor',
};
