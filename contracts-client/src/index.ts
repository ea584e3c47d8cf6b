export * from './generated';
export { formatNym, NYM_DECIMALS, parseAmount, toUnym, UINT128_MAX, UNYM_PER_NYM } from './amount';
export type { AmountUnit } from './amount';
export {
  BECH32_PREFIX,
  connectReader,
  connectSigner,
  DEFAULT_BROADCAST_TIMEOUT_MS,
  DEFAULT_GAS_MULTIPLIER,
  DEFAULT_GAS_PRICE,
  DEFAULT_POLL_INTERVAL_MS,
  GAS_DENOM,
  parseGasPrice,
  walletFromMnemonic,
} from './connect';
export type { ReadSession, SignerOptions, SigningSession } from './connect';
export {
  CONTRACT_ROLES,
  defaultDeploymentPath,
  DEPLOYMENT_FILE,
  deployedContract,
  emptyDeploymentRecord,
  readDeploymentRecord,
  recordContracts,
  writeDeploymentRecord,
} from './deployment';
export type { ChainDeployment, ContractDeployment, ContractRole, DeploymentRecord } from './deployment';
export { ContractsClientError } from './errors';
export {
  CW20_BASE_WASM,
  deployNymContracts,
  deployNymToken,
  deployVesting,
  NYM_TOKEN_INFO,
  uploadArtifact,
  VESTING_WASM,
} from './deploy';
export type { NymTokenOptions, UploadedCode, VestingOptions } from './deploy';
export { checkAddress } from './address';
export { explainChainError } from './chain-errors';
export {
  DEFAULT_EPOCH_SECONDS,
  DEFAULT_EPOCHS_IN_INTERVAL,
  DEFAULT_REWARDING_PARAMS,
  deployMixnet,
  deployPlatform,
  MIXNET_WASM,
  rewardPoolUnym,
} from './deploy-mixnet';
export type { MixnetOptions, PlatformDeployment, PlatformOptions } from './deploy-mixnet';
