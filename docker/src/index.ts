// The deploy step of docker-compose.yml, usable against any chain.
export { DEFAULT_FUND_UNYM, DEFAULT_FUND_UNYX, DEV_DEPLOYER_MNEMONIC, deployToChain } from './deploy';
export type { DeployDeps, DeployOptions, DeployOutcome, Deployment } from './deploy';

// The topology file for clients that read their network from a file.
export { recordedMixnet, writeTopologyOnce } from './topology-writer';
export type { TopologyWrite } from './topology-writer';

// The check of a compose file against the repository and the nymts command tree.
export { checkCompose } from './compose/check';
export type { ComposeCheckInput } from './compose/check';
export { readComposeFile } from './compose/compose-file';
export type { ComposeDocument } from './compose/compose-file';
export { checkNymtsCall, nymtsCallsInScript, shellWords } from './compose/nymts-commands';
export type { CommandNode } from './compose/nymts-commands';
