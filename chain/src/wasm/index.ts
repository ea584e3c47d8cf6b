// CosmWasm: static validation, gas instrumentation, the VM host, and the wasm module on the
// chain's pipeline (see the package README, "CosmWasm").
export { createWasmModule } from './module';
export type { WasmModule } from './module';
export {
  WasmKeeper,
  DEFAULT_CAPABILITIES,
  DEFAULT_SIMULATION_GAS_LIMIT,
  WASM_MODULE_ACCOUNT,
} from './keeper/keeper';
export type { WasmKeeperOptions, Reply } from './keeper/keeper';
export { wasmErrors, redactError } from './keeper/errors';
export { classicContractAddress, predictableContractAddress } from './keeper/addresses';
export { WASM_STORE } from './keeper/state';
export { checkWasm, WasmValidationError, WASM_LIMITS } from './validate/check-wasm';
export type { WasmRule, CheckedWasm } from './validate/check-wasm';
export { instrumentGas, GAS_LEFT_EXPORT, INSTRUMENTATION_VERSION } from './gas/instrument';
export { DEFAULT_WASM_GAS, HOST_COSTS } from './gas/costs';
export type { WasmGasConfig } from './gas/costs';
export { ContractModuleCache } from './cache/module-cache';
export { callContract } from './vm/host';
export type { InstanceMode, VmEnvironment, VmCallResult } from './vm/host';
export { VmError, VmOutOfGasError } from './vm/errors';
export { parseModule } from './binary/module';
