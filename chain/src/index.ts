export type { BranchableStore, KVStore, StoreBranch } from './store/types';
export type { GasMeter } from './gas/types';
export { OutOfGasError } from './gas/types';

// CosmWasm: VM host, validation, metering and the wasm keeper (see src/wasm/README.md)
export {
  WasmKeeper,
  DEFAULT_CAPABILITIES,
  WasmKeeperError,
  WASM_ERROR,
  redactError,
  classicContractAddress,
  predictableContractAddress,
  createGasMeter,
  checkWasm,
  WasmValidationError,
  WASM_LIMITS,
  DEFAULT_WASM_GAS,
  DEFAULT_KV_GAS,
  ContractModuleCache,
  AddressCodec,
} from './wasm';
export type {
  WasmKeeperOptions,
  WasmKeeperDeps,
  WasmQueryContext,
  BlockInfo,
  Coin,
  EventAttribute,
  WasmEvent,
  WasmContext,
  WasmBank,
  WasmBankContext,
  WasmAccounts,
  StoreCodeMsg,
  InstantiateMsg,
  Instantiate2Msg,
  ExecuteMsg,
  MigrateMsg,
  UpdateAdminMsg,
  ClearAdminMsg,
  MsgOutcome,
  Page,
  PageRequest,
  InstanceMode,
  WasmGasConfig,
  KVGasConfig,
  WasmRule,
} from './wasm';
