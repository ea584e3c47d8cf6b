export { createMixnode } from './mixnode';
export type { Mixnode, MixnodeDeps, MixnodeOptions, NodeDescription } from './mixnode';
export { DROP_REASONS, FORWARD_DROP_REASONS, MIX_PORT_DROP_REASONS, createDropCounter } from './metrics';
export type { DropCounter, DropReason, ForwardDropReason, MixPortDropReason } from './metrics';
export { createMixPort } from './mix-port';
export type { MixPort, MixPortDeps, MixPortOptions, SphinxKeyControl, UnwrappedPacket } from './mix-port';
export { createForwarder } from './forwarder';
export type { Forwarder, ForwarderOptions } from './forwarder';
export { isProcessorModule, loadProcessor } from './processing/packet-processor';
export type {
  PacketProcessor,
  ProcessResult,
  ProcessorModule,
  ProcessorSource,
} from './processing/packet-processor';
export { SPHINX_PROCESSOR, sphinxProcessor } from './processing/sphinx-processor';
export { createInlineUnwrapper } from './processing/unwrapper';
export type { UnwrapKey, UnwrapOutcome, Unwrapper } from './processing/unwrapper';
export { createWorkerUnwrapper } from './processing/worker-unwrapper';
export { DelayQueue } from './delay/delay-queue';
export { KeyRing } from './keys/key-ring';
export type { SphinxKey } from './keys/key-ring';
export { BloomFilter, bloomParameters } from './replay/bloom-filter';
export { ReplayFilter } from './replay/replay-filter';
export { createReplayProtection, replayCapacity } from './replay/replay-protection';
export type { ReplayProtection, ReplayProtectionOptions, ReplayVerdict } from './replay/replay-protection';
export { ReplayFileError, readReplayFile, writeReplayFile } from './replay/replay-file';
export {
  NODE_CONFIG_FILE,
  countSchema,
  defaultMixnodeHome,
  httpSection,
  inHome,
  keysSection,
  loggingSection,
  mixPortSection,
  mixnodeConfigSchema,
  nodePaths,
  nodeSection,
  replayProtectionSection,
  socketAddressSchema,
  unwrapSection,
} from './config/mixnode-config';
export type { MixnodeConfig, NodePaths } from './config/mixnode-config';
export { initMixnode, initialNodeSections, writeNodeHome } from './config/init';
export type { InitNodeOptions, InitNodeResult } from './config/init';
export {
  loadMixnodeFromHome,
  mixnodeOptionsFromConfig,
  nodeBasisFromConfig,
  nodeObservability,
  withOverrides,
} from './config/from-config';
export type {
  LoadedMixnode,
  MixPortConfig,
  NodeBasis,
  NodeOverrides,
  NodeRuntime,
} from './config/from-config';
export {
  announcedAddress,
  bondingMessage,
  bondMixnodeFromHome,
  DEFAULT_COST_PARAMS,
  descriptionKeys,
  nodeVersion,
  readMixnodeHome,
  readNodeKeys,
  signBondingMessage,
  submitBond,
} from './bonding';
export type {
  BondFunding,
  BondingContracts,
  BondingKind,
  BondResult,
  MixnodeBondOptions,
  MixnodeHome,
  NodeBond,
  NodeBondOptions,
  NodeKeys,
} from './bonding';
