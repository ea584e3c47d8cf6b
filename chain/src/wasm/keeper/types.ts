import { type GasMeter } from '../../gas/types';
import { type BranchableStore, type KVStore } from '../../store/types';

export interface Coin {
  denom: string;
  amount: string;
}

export interface EventAttribute {
  key: string;
  value: string;
}

/** An ABCI event as wasmd emits it (the tx pipeline adds `msg_index` and `message` events). */
export interface WasmEvent {
  type: string;
  attributes: EventAttribute[];
}

/** What a contract sees of the block (cosmwasm `Env`). */
export interface BlockInfo {
  height: number;
  /** Block time in nanoseconds since the Unix epoch. */
  timeNanos: bigint;
  chainId: string;
}

/**
 * The state and gas one message runs against. The keeper branches `store` itself for every
 * message and submessage, so a failed call leaves `store` untouched; the caller still decides
 * whether the whole tx's branch is written.
 */
export interface WasmContext {
  store: BranchableStore;
  gas: GasMeter;
  block: BlockInfo;
  /** Index of the tx in its block (cosmwasm `Env.transaction.index`); absent in queries. */
  txIndex?: number;
}

/** The state a bank call runs against: always the keeper's current branch and gas meter. */
export interface WasmBankContext {
  store: KVStore;
  gas: GasMeter;
}

/**
 * The bank as the wasm module needs it. Methods run against the branch they are given so that a
 * rolled-back submessage rolls back its transfers too. `send` and `burn` throw on insufficient
 * funds (an error with `codespace`/`code`, e.g. sdk/5, is passed through) and return the events
 * the bank emits (`coin_spent`, `coin_received`, `transfer`, `burn`, …).
 */
export interface WasmBank {
  balance(ctx: WasmBankContext, address: string, denom: string): Coin;
  allBalances(ctx: WasmBankContext, address: string): Coin[];
  supply(ctx: WasmBankContext, denom: string): Coin;
  send(ctx: WasmBankContext, from: string, to: string, amount: Coin[]): WasmEvent[];
  burn(ctx: WasmBankContext, from: string, amount: Coin[]): WasmEvent[];
}

/** Optional: lets the auth module create a (module-like) account for each new contract. */
export interface WasmAccounts {
  ensureAccount(ctx: WasmBankContext, address: string): void;
}

export { AccessType, type AccessConfig } from 'cosmjs-types/cosmwasm/wasm/v1/types';
import { type AccessConfig } from 'cosmjs-types/cosmwasm/wasm/v1/types';

/** Fields as cosmjs-types decodes the cosmwasm.wasm.v1 messages, so decoded msgs pass through. */
export interface StoreCodeMsg {
  sender: string;
  wasmByteCode: Uint8Array;
  instantiatePermission?: AccessConfig;
}

export interface InstantiateMsg {
  sender: string;
  admin: string;
  codeId: bigint;
  label: string;
  msg: Uint8Array;
  funds: Coin[];
}

export interface Instantiate2Msg extends InstantiateMsg {
  salt: Uint8Array;
  fixMsg: boolean;
}

export interface ExecuteMsg {
  sender: string;
  contract: string;
  msg: Uint8Array;
  funds: Coin[];
}

export interface MigrateMsg {
  sender: string;
  contract: string;
  codeId: bigint;
  msg: Uint8Array;
}

export interface UpdateAdminMsg {
  sender: string;
  newAdmin: string;
  contract: string;
}

export interface ClearAdminMsg {
  sender: string;
  contract: string;
}

export interface MsgOutcome<T> {
  response: T;
  events: WasmEvent[];
}
