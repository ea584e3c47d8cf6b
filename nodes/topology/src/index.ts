// From the mixnet contract.
export { createMixnetTopologyProvider } from './mixnet-provider';
export type {
  ContractReader,
  MixnetTopologyDeps,
  MixnetTopologyOptions,
  MixnetTopologyProvider,
} from './mixnet-provider';
export { resolveHost } from './resolve-host';
export type { HostResolver } from './resolve-host';
export { parsePerformance } from './performance';
export type { SkippedNode } from './errors';

// From a file: the client's reader, and the writer for the same format.
export { createJsonFileTopologyProvider, parseTopologyDocument } from '@nymts/client';
export { topologyDocument, writeTopologyFile } from './document';
