// Interfaces shared with the wasm host.
export type { BranchableStore, KVStore, StoreBranch } from './store/types';
export type { GasMeter } from './gas/types';
export { OutOfGasError } from './gas/types';

// Running a chain.
export {
  createChain,
  startChain,
  createDevGenesis,
  DEFAULT_CHAIN_ID,
  DEFAULT_MINIMUM_GAS_PRICES,
} from './chain';
export type { Chain, ChainDeps, ChainOptions } from './chain';
export { initHome, loadHome, homePaths, parseAccountFlag, HomeError } from './config/home';
export type { InitHomeInput, InitHomeResult, StartOverrides } from './config/home';
export { parseNodeConfig, renderNodeConfig, parseDuration, parseListenAddress } from './config/node-config';
export type { NodeConfig } from './config/node-config';
export { buildGenesis, parseGenesis } from './config/genesis';
export type { Genesis, GenesisJson } from './config/genesis';
export { devAccounts, deriveAddress, DEV_MNEMONICS, COSMOS_HD_PATH } from './config/dev-accounts';
export type { DevAccount } from './config/dev-accounts';
export type { RpcServer, RpcServerOptions } from './rpc/server';
export { ChainNode } from './node/node';
export type { BlockMode, CommittedBlock } from './node/node';

// Building modules (the wasm module plugs in through these).
export type {
  AnyMessage,
  BlockInfo,
  BranchOptions,
  BranchResult,
  ChainModule,
  ExecMode,
  ModuleAccountSpec,
  MsgHandler,
  MsgRouter,
  QueryHandler,
  Timestamp,
  TxContext,
} from './modules/types';
export { defineMsg, ModuleRegistry } from './modules/registry';
export { EventManager } from './modules/events';
export type { ChainEvent, EventAttribute } from './modules/events';
export type { Account, AuthView } from './modules/auth/keeper';
export type { BankView } from './modules/bank/keeper';
export {
  formatCoins,
  fromCoinMessages,
  normalizeCoins,
  parseCoins,
  toCoinMessages,
  validateCoins,
} from './modules/bank/coins';
export type { Coin, CoinMessage } from './modules/bank/coins';
export { ChainError, registerError, sdkErrors, toAbciError } from './errors/chain-error';
export type { ErrorKind } from './errors/chain-error';
export { grpcInvalidArgument, grpcNotFound, decodeRequest } from './errors/grpc';
export { paginate } from './modules/pagination';
export { AddressCodec, addressFromSecp256k1, moduleAddress } from './crypto/address';
export { sha256 } from './crypto/hash';
export { createGasMeter, createInfiniteGasMeter } from './gas/meter';
export { DEFAULT_KV_GAS_CONFIG } from './gas/config';
export type { KVGasConfig } from './gas/config';
export { GasKVStore } from './store/gas-kv';
export { PrefixStore } from './store/prefix';
export { CacheStore, MemoryStore } from './store/cache';
export {
  verifySecp256k1,
  isCanonicalSignature,
  isValidCompressedPublicKey,
  hasLibsecp256k1,
  DEFAULT_SECP256K1_BACKEND,
} from './crypto/secp256k1';
export type { Secp256k1Backend } from './crypto/secp256k1';

// CosmWasm: validation, metering, the VM host and the wasm module (enabled by default).
export {
  createWasmModule,
  WasmKeeper,
  DEFAULT_CAPABILITIES,
  DEFAULT_SIMULATION_GAS_LIMIT,
  WASM_MODULE_ACCOUNT,
  WASM_STORE,
  wasmErrors,
  redactError,
  classicContractAddress,
  predictableContractAddress,
  checkWasm,
  WasmValidationError,
  WASM_LIMITS,
  DEFAULT_WASM_GAS,
  ContractModuleCache,
} from './wasm';
export type { WasmModule, WasmKeeperOptions, InstanceMode, WasmGasConfig, WasmRule } from './wasm';
