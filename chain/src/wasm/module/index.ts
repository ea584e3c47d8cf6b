import type { ChainModule } from '../../modules/types';
import { WASM_MODULE_ACCOUNT, WasmKeeper, type WasmKeeperOptions } from '../keeper/keeper';
import { WASM_STORE } from '../keeper/state';
import { wasmMessages } from './messages';
import { wasmQueries } from './queries';

export interface WasmModule extends ChainModule {
  readonly keeper: WasmKeeper;
}

/** The wasm module: the cosmwasm.wasm.v1 Msg and Query services on the chain's pipeline. */
export function createWasmModule(options: WasmKeeperOptions = {}): WasmModule {
  const keeper = new WasmKeeper(options);
  return {
    name: WASM_STORE,
    keeper,
    messages: wasmMessages(keeper),
    queries: wasmQueries(keeper),
    moduleAccounts: [WASM_MODULE_ACCOUNT],
    blockedModuleAccounts: [WASM_MODULE_ACCOUNT.name],
  };
}
