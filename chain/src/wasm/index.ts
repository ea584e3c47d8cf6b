export { WasmKeeper, DEFAULT_CAPABILITIES } from './keeper/keeper';
export type { WasmKeeperOptions, WasmKeeperDeps, WasmQueryContext, Reply } from './keeper/keeper';
export type {
  BlockInfo,
  ClearAdminMsg,
  Coin,
  EventAttribute,
  ExecuteMsg,
  Instantiate2Msg,
  InstantiateMsg,
  MigrateMsg,
  MsgOutcome,
  StoreCodeMsg,
  UpdateAdminMsg,
  WasmAccounts,
  WasmBank,
  WasmBankContext,
  WasmContext,
  WasmEvent,
} from './keeper/types';
export { WasmKeeperError, WASM_ERROR, redactError } from './keeper/errors';
export type { Page, PageRequest } from './keeper/pagination';
export { classicContractAddress, predictableContractAddress } from './keeper/addresses';
export { createGasMeter, GasKVStore, PrefixStore } from './keeper/stores';
export { checkWasm, WasmValidationError, WASM_LIMITS } from './validate/check-wasm';
export type { WasmRule, CheckedWasm } from './validate/check-wasm';
export { instrumentGas, GAS_LEFT_EXPORT, INSTRUMENTATION_VERSION } from './gas/instrument';
export { DEFAULT_WASM_GAS, DEFAULT_KV_GAS, HOST_COSTS } from './gas/costs';
export type { WasmGasConfig, KVGasConfig } from './gas/costs';
export { ContractModuleCache } from './cache/module-cache';
export { callContract } from './vm/host';
export type { InstanceMode, VmEnvironment, VmCallResult } from './vm/host';
export { VmError, VmOutOfGasError } from './vm/errors';
export { AddressCodec } from './vm/address';
export { parseModule } from './binary/module';
