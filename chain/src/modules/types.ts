import type { AddressCodec } from '../crypto/address';
import type { GasMeter } from '../gas/types';
import type { KVStore } from '../store/types';
import type { AuthView } from './auth/keeper';
import type { BankView } from './bank/keeper';
import type { ChainEvent, EventManager } from './events';

/**
 * check: CheckTx (mempool admission, ante handler only); simulate: gas estimation (no signature
 * checks, infinite gas meter); deliver: execution in a block; query: ABCI queries (writes are
 * discarded); genesis: InitChain.
 */
export type ExecMode = 'check' | 'simulate' | 'deliver' | 'query' | 'genesis';

/** A protobuf timestamp: block times are exact, never floats. */
export interface Timestamp {
  seconds: bigint;
  nanos: number;
}

export interface BlockInfo {
  height: number;
  time: Timestamp;
}

/** A message's response, as it lands in TxMsgData.msgResponses. */
export interface AnyMessage {
  typeUrl: string;
  value: Uint8Array;
}

/** What a branch did: its value or error, the gas it cost this context, and (on success) its events. */
export type BranchResult<T> =
  | { kind: 'ok'; value: T; events: readonly ChainEvent[]; gasUsed: number }
  | { kind: 'error'; error: unknown; gasUsed: number };

export interface BranchOptions {
  /** The branch gets its own meter with this limit; running out is then an ordinary error. */
  gasLimit?: number;
  /** false: the branch's events stay out of this context (the caller picks what to emit). */
  emitEvents?: boolean;
}

/**
 * Everything a message handler (or the wasm host, through the wasm module) may touch while a tx
 * or query runs. All reads and writes go to the context's store branch, metered into its gas
 * meter; events go to its event manager.
 */
export interface TxContext {
  readonly mode: ExecMode;
  readonly chainId: string;
  readonly block: BlockInfo;
  /** The tx's position in its block (deliver; 0 in simulate), undefined outside txs. */
  readonly txIndex: number | undefined;
  readonly gasMeter: GasMeter;
  readonly events: EventManager;
  readonly addresses: AddressCodec;
  /** Accounts, bound to this context. */
  readonly auth: AuthView;
  /** Balances, transfers, mint and burn, bound to this context. */
  readonly bank: BankView;
  /** Message handlers, for modules that dispatch messages on behalf of someone (wasm). */
  readonly router: MsgRouter;
  /**
   * The store of a module (its store key, e.g. "bank", "wasm"), metered with the SDK's KV gas
   * schedule. Keys are relative to the module: a module cannot see another's data.
   */
  kvStore(storeKey: string): KVStore;
  /**
   * The same store without gas metering, for data the SDK keeps outside its metered state (the
   * wasm module's bytecode, which wasmd stores in wasmvm's cache directory).
   */
  unmeteredStore(storeKey: string): KVStore;
  /**
   * Runs `fn` on a nested branch: its writes (and, unless `emitEvents` is false, its events)
   * reach this context only if `fn` returns. With a gas limit, `fn` runs on its own meter
   * (running out is then an ordinary error result) and this context is charged what it used;
   * without one it shares this meter, and running out of gas aborts the whole tx. Other errors
   * are returned, never thrown.
   */
  runBranch<T>(fn: (ctx: TxContext) => T, options?: BranchOptions): BranchResult<T>;
}

/** The ante handler and the message handlers see the signers as addresses in bech32. */
export interface MsgHandler<M> {
  /** e.g. "/cosmos.bank.v1beta1.MsgSend". */
  readonly typeUrl: string;
  /** Protobuf decoding; throw on malformed input (the pipeline reports it as a tx parse error). */
  decode(value: Uint8Array): M;
  /** Addresses that must sign, in order; the first signer of the first message pays the fee. */
  signers(msg: M): readonly string[];
  /** Stateless checks (the SDK's ValidateBasic): run in CheckTx before any state is read. */
  validate(msg: M, addresses: AddressCodec): void;
  /** The legacy amino JSON form, needed to verify SIGN_MODE_LEGACY_AMINO_JSON signatures. */
  aminoJson?(msg: M): { type: string; value: unknown };
  /** Executes the message; throw a ChainError to fail the tx. */
  handle(ctx: TxContext, msg: M): AnyMessage;
}

export interface QueryHandler {
  /** The gRPC method path, e.g. "/cosmos.bank.v1beta1.Query/Balance". */
  readonly path: string;
  /** Protobuf request in, protobuf response out; `ctx.mode` is "query". */
  handle(ctx: TxContext, request: Uint8Array): Uint8Array;
}

export interface ModuleAccountSpec {
  name: string;
  permissions: readonly ('minter' | 'burner')[];
}

/**
 * A module plugs messages, queries and genesis into the chain without any change to the tx
 * pipeline: the chain is built from a list of these.
 */
export interface ChainModule {
  readonly name: string;
  readonly messages?: readonly MsgHandler<never>[];
  readonly queries?: readonly QueryHandler[];
  readonly moduleAccounts?: readonly ModuleAccountSpec[];
  /** Module accounts that must never receive funds through bank sends. */
  readonly blockedModuleAccounts?: readonly string[];
  /** InitChain: `state` is `app_state[name]` of the genesis file (undefined when absent). */
  initGenesis?(ctx: TxContext, state: unknown): void;
  beginBlock?(ctx: TxContext): void;
  endBlock?(ctx: TxContext): void;
}

/** Looks up message handlers by type URL. */
export interface MsgRouter {
  handler(typeUrl: string): MsgHandler<unknown> | undefined;
}
