import { gunzipSync } from 'node:zlib';
import { MsgSendResponse } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import {
  MsgClearAdminResponse,
  MsgExecuteContractResponse,
  MsgInstantiateContract2Response,
  MsgInstantiateContractResponse,
  MsgMigrateContractResponse,
  MsgUpdateAdminResponse,
} from 'cosmjs-types/cosmwasm/wasm/v1/tx';
import {
  type CodeInfo,
  type ContractCodeHistoryEntry,
  type ContractInfo,
  ContractCodeHistoryOperationType,
} from 'cosmjs-types/cosmwasm/wasm/v1/types';
import { OutOfGasError, type GasMeter } from '../../gas/types';
import { type BranchableStore, type KVStore } from '../../store/types';
import { ContractModuleCache } from '../cache/module-cache';
import {
  DEFAULT_KV_GAS,
  DEFAULT_SMART_QUERY_GAS_LIMIT,
  DEFAULT_WASM_GAS,
  MAX_QUERY_STACK_SIZE,
  type KVGasConfig,
  type WasmGasConfig,
} from '../gas/costs';
import { WASM_LIMITS, WasmValidationError } from '../validate/check-wasm';
import { AddressCodec } from '../vm/address';
import { type CompiledContract, type EntryPoint } from '../vm/contract-code';
import { VmError, VmOutOfGasError } from '../vm/errors';
import { callContract, type InstanceMode, type VmEnvironment } from '../vm/host';
import { classicContractAddress, predictableContractAddress } from './addresses';
import { validateCoins } from './coins';
import {
  base64,
  decodeBase64Field,
  envJson,
  infoJson,
  parseQueryResult,
  parseResponseResult,
  toJsonBytes,
  type ContractResponse,
  type SubMsg,
} from './contract-json';
import { redactError, unauthorized, WASM_ERROR, wasmError, WasmKeeperError } from './errors';
import { CONTRACT_ADDRESS_KEY, contractEvents, event, eventCosts } from './events';
import { paginate, type Page, type PageRequest } from './pagination';
import { answerChainQuery } from './querier';
import { positionBytes, PREFIX as STATE_PREFIX, WasmState } from './state';
import { concatBytes, createGasMeter, GasKVStore, MeteredPrefixStore, PrefixStore } from './stores';
import {
  AccessType,
  type AccessConfig,
  type BlockInfo,
  type ClearAdminMsg,
  type Coin,
  type ExecuteMsg,
  type Instantiate2Msg,
  type InstantiateMsg,
  type MigrateMsg,
  type MsgOutcome,
  type StoreCodeMsg,
  type UpdateAdminMsg,
  type WasmAccounts,
  type WasmBank,
  type WasmBankContext,
  type WasmContext,
  type WasmEvent,
} from './types';

/** Capabilities the host offers (`requires_*` exports are checked against these). */
export const DEFAULT_CAPABILITIES: readonly string[] = [
  'iterator',
  'staking',
  'stargate',
  'cosmwasm_1_1',
  'cosmwasm_1_2',
  'cosmwasm_1_3',
  'cosmwasm_1_4',
  'cosmwasm_2_0',
  'cosmwasm_2_1',
  'cosmwasm_2_2',
];

export interface WasmKeeperOptions {
  bech32Prefix: string;
  capabilities?: readonly string[];
  /** Directory for instrumented modules (survives restarts); memory only when absent. */
  cacheDirectory?: string;
  gas?: Partial<WasmGasConfig>;
  /** SDK KV gas charged for the module's store access; set all to 0 if the store meters itself. */
  kvGas?: KVGasConfig;
  /** Where the module keeps its records inside the store it is given. */
  keyPrefix?: Uint8Array;
  smartQueryGasLimit?: number;
  uploadAccess?: AccessConfig;
  instantiateDefaultPermission?: AccessType;
  /** 'restored' (default) recycles instances reset to their fresh state; 'new' instantiates anew. */
  instanceMode?: InstanceMode;
}

export interface WasmKeeperDeps {
  bank: WasmBank;
  accounts?: WasmAccounts;
  /** Receives the contracts' `debug` output. */
  debug?(contract: string, message: string): void;
}

/** Read-only view for ABCI queries. */
export interface WasmQueryContext {
  store: KVStore;
  block: BlockInfo;
}

export interface Reply {
  id: number;
  payload: string;
  gasUsed: number;
  result:
    { ok: { events: WasmEvent[]; data: string | null; msg_responses: MsgResponse[] } } | { error: string };
}

interface MsgResponse {
  type_url: string;
  value: string;
}

interface DispatchResult {
  data: Uint8Array | null;
  msgResponses: MsgResponse[];
}

/** A call in progress: the branch, gas meter and event sink of the current (sub)message. */
interface Frame {
  store: BranchableStore;
  gas: GasMeter;
  block: BlockInfo;
  txIndex: number | undefined;
  events: WasmEvent[];
  queryDepth: number;
}

type AddressRule = { kind: 'classic' } | { kind: 'predictable'; salt: Uint8Array; fixMsg: boolean };

const DEFAULT_KEY_PREFIX = new TextEncoder().encode('wasm/');
const MAX_LABEL_LENGTH = 128;
const MAX_SALT_LENGTH = 64;

const readOnly = (store: KVStore): BranchableStore => ({
  get: (key) => store.get(key),
  set: () => {
    throw new Error('the query store is read-only');
  },
  delete: () => {
    throw new Error('the query store is read-only');
  },
  iterator: (start, end, order) => store.iterator(start, end, order),
  branch: () => {
    throw new Error('the query store cannot branch');
  },
});

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const anyOf = (typeUrl: string, value: Uint8Array): MsgResponse => ({
  type_url: typeUrl,
  value: base64(value),
});

/**
 * The wasm module: code storage, contract lifecycle, execution of contract responses (bank and
 * wasm messages, submessages with replies and per-submessage rollback), contract queries and
 * events as wasmd produces them. Every message method is all-or-nothing on `ctx.store`.
 */
export class WasmKeeper {
  readonly addresses: AddressCodec;
  readonly cache: ContractModuleCache;
  private readonly gasConfig: WasmGasConfig;
  private readonly kvGas: KVGasConfig;
  private readonly keyPrefix: Uint8Array;
  private readonly smartQueryGasLimit: number;
  private readonly uploadAccess: AccessConfig;
  private readonly instantiateDefault: AccessType;
  private readonly instanceMode: InstanceMode;

  constructor(
    options: WasmKeeperOptions,
    private readonly deps: WasmKeeperDeps,
  ) {
    this.addresses = new AddressCodec(options.bech32Prefix);
    this.cache = new ContractModuleCache({
      directory: options.cacheDirectory,
      capabilities: new Set(options.capabilities ?? DEFAULT_CAPABILITIES),
    });
    this.gasConfig = { ...DEFAULT_WASM_GAS, ...options.gas };
    this.kvGas = options.kvGas ?? DEFAULT_KV_GAS;
    this.keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.smartQueryGasLimit = options.smartQueryGasLimit ?? DEFAULT_SMART_QUERY_GAS_LIMIT;
    this.uploadAccess = options.uploadAccess ?? {
      permission: AccessType.ACCESS_TYPE_EVERYBODY,
      addresses: [],
    };
    this.instantiateDefault = options.instantiateDefaultPermission ?? AccessType.ACCESS_TYPE_EVERYBODY;
    this.instanceMode = options.instanceMode ?? 'restored';
  }

  // ---- messages -------------------------------------------------------------------------

  storeCode(ctx: WasmContext, msg: StoreCodeMsg): MsgOutcome<{ codeId: bigint; checksum: Uint8Array }> {
    return this.run(ctx, (frame) => {
      this.requireAddress(msg.sender, 'sender');
      if (!this.permits(this.uploadAccess, msg.sender)) throw unauthorized('can not create code');
      const wasm = uncompress(msg.wasmByteCode);
      const permission = msg.instantiatePermission ?? {
        permission: this.instantiateDefault,
        addresses: [],
      };
      this.validateAccessConfig(permission);
      frame.gas.consume(this.gasConfig.compileCost * wasm.length, 'Compiling wasm bytecode');
      let compiled: CompiledContract;
      try {
        compiled = this.cache.prepare(wasm);
      } catch (error) {
        if (error instanceof WasmValidationError) {
          throw wasmError(WASM_ERROR.createFailed, error.message);
        }
        throw error;
      }
      const state = this.state(frame);
      const codeId = state.nextCodeId();
      this.rawState(frame).setWasm(compiled.checksum, wasm);
      state.setCodeInfo(codeId, {
        codeHash: compiled.checksum,
        creator: msg.sender,
        instantiateConfig: permission,
      });
      frame.events.push(
        event('store_code', [
          ['code_checksum', hex(compiled.checksum)],
          ['code_id', codeId.toString()],
        ]),
      );
      return { codeId, checksum: compiled.checksum };
    });
  }

  instantiate(ctx: WasmContext, msg: InstantiateMsg): MsgOutcome<{ address: string; data: Uint8Array }> {
    return this.run(ctx, (frame) => {
      this.validateInstantiate(msg);
      return this.instantiateContract(frame, msg, { kind: 'classic' });
    });
  }

  instantiate2(ctx: WasmContext, msg: Instantiate2Msg): MsgOutcome<{ address: string; data: Uint8Array }> {
    return this.run(ctx, (frame) => {
      this.validateInstantiate(msg);
      validateSalt(msg.salt);
      return this.instantiateContract(frame, msg, {
        kind: 'predictable',
        salt: msg.salt,
        fixMsg: msg.fixMsg,
      });
    });
  }

  execute(ctx: WasmContext, msg: ExecuteMsg): MsgOutcome<{ data: Uint8Array }> {
    return this.run(ctx, (frame) => {
      this.requireAddress(msg.sender, 'sender');
      this.requireAddress(msg.contract, 'contract');
      const funds = validateCoins(msg.funds);
      return {
        data: this.executeContract(frame, msg.sender, msg.contract, msg.msg, funds) ?? new Uint8Array(),
      };
    });
  }

  migrate(ctx: WasmContext, msg: MigrateMsg): MsgOutcome<{ data: Uint8Array }> {
    return this.run(ctx, (frame) => {
      this.requireAddress(msg.sender, 'sender');
      this.requireAddress(msg.contract, 'contract');
      const data = this.migrateContract(frame, msg.sender, msg.contract, msg.codeId, msg.msg);
      return { data: data ?? new Uint8Array() };
    });
  }

  updateAdmin(ctx: WasmContext, msg: UpdateAdminMsg): MsgOutcome<Record<string, never>> {
    return this.run(ctx, (frame) => {
      this.requireAddress(msg.sender, 'sender');
      this.requireAddress(msg.newAdmin, 'new admin');
      this.setAdmin(frame, msg.sender, msg.contract, msg.newAdmin);
      return {};
    });
  }

  clearAdmin(ctx: WasmContext, msg: ClearAdminMsg): MsgOutcome<Record<string, never>> {
    return this.run(ctx, (frame) => {
      this.requireAddress(msg.sender, 'sender');
      this.setAdmin(frame, msg.sender, msg.contract, '');
      return {};
    });
  }

  /** Privileged call from another module (no sender, no funds). */
  sudo(ctx: WasmContext, contract: string, msg: Uint8Array): MsgOutcome<{ data: Uint8Array }> {
    return this.run(ctx, (frame) => {
      const info = this.contractInfo(frame, contract);
      frame.gas.consume(this.setupCost(msg.length), 'Loading CosmWasm module: sudo');
      const env = envJson(frame.block, contract, frame.txIndex);
      const response = this.callForResponse(
        frame,
        contract,
        info.codeId,
        'sudo',
        [env, msg],
        WASM_ERROR.executeFailed,
      );
      frame.events.push(event('sudo', [[CONTRACT_ADDRESS_KEY, contract]]));
      return { data: this.handleResponse(frame, contract, response) ?? new Uint8Array() };
    });
  }

  // ---- queries (ABCI) -------------------------------------------------------------------

  /** SmartContractState: runs the contract's `query` with the smart-query gas limit. */
  querySmart(q: WasmQueryContext, contract: string, msg: Uint8Array): Uint8Array {
    const frame = this.queryFrame(q, createGasMeter(this.smartQueryGasLimit));
    return this.smartQuery(frame, contract, msg);
  }

  /** RawContractState: the stored value, or an empty array when the key is absent. */
  queryRaw(q: WasmQueryContext, contract: string, key: Uint8Array): Uint8Array {
    const frame = this.queryFrame(q, createGasMeter(Number.MAX_SAFE_INTEGER));
    this.contractInfo(frame, contract);
    return (
      this.rawState(frame).contractStore(this.addresses.mustCanonicalize(contract)).get(key) ??
      new Uint8Array()
    );
  }

  allContractState(
    q: WasmQueryContext,
    contract: string,
    page?: PageRequest,
  ): Page<{ key: Uint8Array; value: Uint8Array }> {
    const frame = this.queryFrame(q, createGasMeter(Number.MAX_SAFE_INTEGER));
    this.contractInfo(frame, contract);
    const store = this.rawState(frame).contractStore(this.addresses.mustCanonicalize(contract));
    const entries = [...store.iterator(undefined, undefined, 'ascending')].map(
      ([key, value]) => [key, { key, value }] as [Uint8Array, { key: Uint8Array; value: Uint8Array }],
    );
    return paginate(entries, page);
  }

  getContractInfo(store: KVStore, contract: string): ContractInfo | undefined {
    const canonical = this.addresses.canonicalize(contract);
    if ('error' in canonical) return undefined;
    return this.plainState(store).getContractInfo(canonical.ok);
  }

  getContractHistory(store: KVStore, contract: string, page?: PageRequest): Page<ContractCodeHistoryEntry> {
    const canonical = this.addresses.canonicalize(contract);
    if ('error' in canonical) return { items: [], nextKey: undefined };
    const entries = [...this.plainState(store).history(canonical.ok)].map(
      (entry, i) => [u64Key(i), entry] as [Uint8Array, ContractCodeHistoryEntry],
    );
    return paginate(entries, page);
  }

  contractsByCode(store: KVStore, codeId: bigint, page?: PageRequest): Page<string> {
    const entries = [...this.plainState(store).contractsByCode(codeId)].map(
      (address, i) => [u64Key(i), this.human(address)] as [Uint8Array, string],
    );
    return paginate(entries, page);
  }

  contractsByCreator(store: KVStore, creator: string, page?: PageRequest): Page<string> {
    const canonical = this.addresses.canonicalize(creator);
    if ('error' in canonical) return { items: [], nextKey: undefined };
    const entries = [...this.plainState(store).contractsByCreator(canonical.ok)].map(
      (address, i) => [u64Key(i), this.human(address)] as [Uint8Array, string],
    );
    return paginate(entries, page);
  }

  getCodeInfo(store: KVStore, codeId: bigint): CodeInfo | undefined {
    return this.plainState(store).getCodeInfo(codeId);
  }

  /** Code: its info and the original (uploaded, uncompressed) bytecode. */
  getCode(store: KVStore, codeId: bigint): { info: CodeInfo; wasm: Uint8Array } | undefined {
    const state = this.plainState(store);
    const info = state.getCodeInfo(codeId);
    const wasm = info && state.getWasm(info.codeHash);
    return info && wasm ? { info, wasm } : undefined;
  }

  codes(store: KVStore, page?: PageRequest): Page<{ codeId: bigint; info: CodeInfo }> {
    const entries = [...this.plainState(store).codeInfos()].map(
      ([codeId, info]) =>
        [u64Key(Number(codeId)), { codeId, info }] as [Uint8Array, { codeId: bigint; info: CodeInfo }],
    );
    return paginate(entries, page);
  }

  /** Codes kept pinned in memory; this host keeps every compiled code cached, so none is pinned. */
  pinnedCodes(): bigint[] {
    return [];
  }

  params(): { codeUploadAccess: AccessConfig; instantiateDefaultPermission: AccessType } {
    return { codeUploadAccess: this.uploadAccess, instantiateDefaultPermission: this.instantiateDefault };
  }

  // ---- internals: contract lifecycle ----------------------------------------------------

  private run<T>(ctx: WasmContext, body: (frame: Frame) => T): MsgOutcome<T> {
    const branch = ctx.store.branch();
    const frame: Frame = {
      store: branch,
      gas: ctx.gas,
      block: ctx.block,
      txIndex: ctx.txIndex,
      events: [],
      queryDepth: 0,
    };
    const response = body(frame);
    branch.write();
    return { response, events: frame.events };
  }

  private queryFrame(q: WasmQueryContext, gas: GasMeter): Frame {
    return { store: readOnly(q.store), gas, block: q.block, txIndex: undefined, events: [], queryDepth: 0 };
  }

  private state(frame: Frame): WasmState {
    return new WasmState(new GasKVStore(new PrefixStore(frame.store, this.keyPrefix), frame.gas, this.kvGas));
  }

  /** Unmetered access, for bytecode (wasmd keeps it outside state) and read-only queries. */
  private rawState(frame: Frame): WasmState {
    return this.plainState(frame.store);
  }

  private plainState(store: KVStore): WasmState {
    return new WasmState(new PrefixStore(store, this.keyPrefix));
  }

  private bankContext(frame: Frame): WasmBankContext {
    return { store: frame.store, gas: frame.gas };
  }

  private human(canonical: Uint8Array): string {
    const result = this.addresses.humanize(canonical);
    if ('error' in result) throw new Error(`stored address does not humanize: ${result.error}`);
    return result.ok;
  }

  private requireAddress(address: string, field: string): Uint8Array {
    const error = this.addresses.validate(address);
    if (error !== undefined) throw wasmError(WASM_ERROR.invalid, `${field}: ${error}`);
    return this.addresses.mustCanonicalize(address);
  }

  private permits(config: AccessConfig, actor: string): boolean {
    switch (config.permission) {
      case AccessType.ACCESS_TYPE_EVERYBODY:
        return true;
      case AccessType.ACCESS_TYPE_ANY_OF_ADDRESSES:
        return config.addresses.includes(actor);
      default:
        return false;
    }
  }

  private validateAccessConfig(config: AccessConfig): void {
    const known = [
      AccessType.ACCESS_TYPE_NOBODY,
      AccessType.ACCESS_TYPE_EVERYBODY,
      AccessType.ACCESS_TYPE_ANY_OF_ADDRESSES,
    ];
    if (!known.includes(config.permission)) {
      throw wasmError(WASM_ERROR.invalid, `unknown instantiate permission ${config.permission}`);
    }
    if (config.permission === AccessType.ACCESS_TYPE_ANY_OF_ADDRESSES) {
      if (config.addresses.length === 0) throw wasmError(WASM_ERROR.empty, 'addresses');
      config.addresses.forEach((address) => this.requireAddress(address, 'permitted address'));
    } else if (config.addresses.length > 0) {
      throw wasmError(WASM_ERROR.invalid, 'addresses are only allowed with AnyOfAddresses');
    }
  }

  private validateInstantiate(msg: InstantiateMsg): void {
    this.requireAddress(msg.sender, 'sender');
    if (msg.admin !== '') this.requireAddress(msg.admin, 'admin');
    validateLabel(msg.label);
    if (msg.codeId === 0n) throw wasmError(WASM_ERROR.invalid, 'code id is required');
    validateCoins(msg.funds);
  }

  private setupCost(msgLength: number): number {
    return this.gasConfig.instanceCost + this.gasConfig.contractMessageDataCost * msgLength;
  }

  private contractInfo(frame: Frame, contract: string): ContractInfo {
    const canonical = this.addresses.canonicalize(contract);
    const info = 'ok' in canonical ? this.state(frame).getContractInfo(canonical.ok) : undefined;
    if (info === undefined) throw wasmError(WASM_ERROR.noSuchContract, `no such contract: ${contract}`);
    return info;
  }

  private codeInfo(frame: Frame, codeId: bigint): CodeInfo {
    const info = this.state(frame).getCodeInfo(codeId);
    if (info === undefined) throw wasmError(WASM_ERROR.noSuchCode, `code id ${codeId}`);
    return info;
  }

  private compiled(frame: Frame, checksum: Uint8Array): CompiledContract {
    return this.cache.get(checksum, () => {
      const wasm = this.rawState(frame).getWasm(checksum);
      if (wasm === undefined) throw new Error(`bytecode ${hex(checksum)} missing from state`);
      return wasm;
    });
  }

  private instantiateContract(
    frame: Frame,
    msg: InstantiateMsg,
    rule: AddressRule,
  ): { address: string; data: Uint8Array } {
    const funds = validateCoins(msg.funds);
    frame.gas.consume(this.setupCost(msg.msg.length), 'Loading CosmWasm module: instantiate');
    const codeInfo = this.codeInfo(frame, msg.codeId);
    if (!this.permits(codeInfo.instantiateConfig, msg.sender)) {
      throw unauthorized('can not instantiate');
    }
    const state = this.state(frame);
    const canonical =
      rule.kind === 'classic'
        ? classicContractAddress(msg.codeId, state.nextInstanceId())
        : predictableContractAddress(
            codeInfo.codeHash,
            this.addresses.mustCanonicalize(msg.sender),
            rule.salt,
            rule.fixMsg ? msg.msg : new Uint8Array(),
          );
    const address = this.human(canonical);
    if (state.getContractInfo(canonical) !== undefined) {
      throw wasmError(
        WASM_ERROR.duplicate,
        rule.kind === 'classic'
          ? 'instance with this code id, sender and label exists'
          : 'contract address already exists, try a different combination of creator, checksum and salt',
      );
    }
    this.deps.accounts?.ensureAccount(this.bankContext(frame), address);
    if (funds.length > 0) {
      frame.events.push(...this.deps.bank.send(this.bankContext(frame), msg.sender, address, funds));
    }
    const env = envJson(frame.block, address, frame.txIndex);
    const response = this.callForResponse(
      frame,
      address,
      msg.codeId,
      'instantiate',
      [env, infoJson(msg.sender, funds), msg.msg],
      WASM_ERROR.instantiateFailed,
    );
    const position = positionBytes(BigInt(frame.block.height), BigInt(frame.txIndex ?? 0));
    const created = { blockHeight: BigInt(frame.block.height), txIndex: BigInt(frame.txIndex ?? 0) };
    state.addContractToCode(msg.codeId, position, canonical);
    state.addContractToCreator(this.addresses.mustCanonicalize(msg.sender), position, canonical);
    state.appendHistory(canonical, {
      operation: ContractCodeHistoryOperationType.CONTRACT_CODE_HISTORY_OPERATION_TYPE_INIT,
      codeId: msg.codeId,
      updated: created,
      msg: msg.msg,
    });
    state.setContractInfo(canonical, {
      codeId: msg.codeId,
      creator: msg.sender,
      admin: msg.admin,
      label: msg.label,
      created,
      ibcPortId: '',
      ibc2PortId: '',
    } as ContractInfo);
    frame.events.push(
      event('instantiate', [
        [CONTRACT_ADDRESS_KEY, address],
        ['code_id', msg.codeId.toString()],
      ]),
    );
    const data = this.handleResponse(frame, address, response);
    return { address, data: data ?? new Uint8Array() };
  }

  private executeContract(
    frame: Frame,
    sender: string,
    contract: string,
    msg: Uint8Array,
    funds: Coin[],
  ): Uint8Array | null {
    const info = this.contractInfo(frame, contract);
    frame.gas.consume(this.setupCost(msg.length), 'Loading CosmWasm module: execute');
    if (funds.length > 0) {
      frame.events.push(...this.deps.bank.send(this.bankContext(frame), sender, contract, funds));
    }
    const env = envJson(frame.block, contract, frame.txIndex);
    const response = this.callForResponse(
      frame,
      contract,
      info.codeId,
      'execute',
      [env, infoJson(sender, funds), msg],
      WASM_ERROR.executeFailed,
    );
    frame.events.push(event('execute', [[CONTRACT_ADDRESS_KEY, contract]]));
    return this.handleResponse(frame, contract, response);
  }

  private migrateContract(
    frame: Frame,
    sender: string,
    contract: string,
    newCodeId: bigint,
    msg: Uint8Array,
  ): Uint8Array | null {
    frame.gas.consume(this.setupCost(msg.length), 'Loading CosmWasm module: migrate');
    const info = this.contractInfo(frame, contract);
    if (info.admin !== sender) throw unauthorized('can not migrate');
    const newCode = this.codeInfo(frame, newCodeId);
    if (!this.permits(newCode.instantiateConfig, sender)) throw unauthorized('to use new code');
    const compiled = this.compiled(frame, newCode.codeHash);
    const env = envJson(frame.block, contract, frame.txIndex);
    const args = [env, msg];
    if (compiled.migrateArity === 3) {
      args.push(toJsonBytes({ sender, old_migrate_version: null }));
    }
    const response = this.callForResponse(
      frame,
      contract,
      newCodeId,
      'migrate',
      args,
      WASM_ERROR.migrationFailed,
    );
    const state = this.state(frame);
    const canonical = this.addresses.mustCanonicalize(contract);
    const created = info.created ?? { blockHeight: 0n, txIndex: 0n };
    state.removeContractFromCode(info.codeId, positionBytes(created.blockHeight, created.txIndex), canonical);
    const updated = { blockHeight: BigInt(frame.block.height), txIndex: BigInt(frame.txIndex ?? 0) };
    state.addContractToCode(newCodeId, positionBytes(updated.blockHeight, updated.txIndex), canonical);
    state.appendHistory(canonical, {
      operation: ContractCodeHistoryOperationType.CONTRACT_CODE_HISTORY_OPERATION_TYPE_MIGRATE,
      codeId: newCodeId,
      updated,
      msg,
    });
    state.setContractInfo(canonical, { ...info, codeId: newCodeId, created: updated });
    frame.events.push(
      event('migrate', [
        ['code_id', newCodeId.toString()],
        [CONTRACT_ADDRESS_KEY, contract],
      ]),
    );
    return this.handleResponse(frame, contract, response);
  }

  private setAdmin(frame: Frame, sender: string, contract: string, newAdmin: string): void {
    const info = this.contractInfo(frame, contract);
    if (info.admin !== sender) throw unauthorized('can not modify contract');
    this.state(frame).setContractInfo(this.addresses.mustCanonicalize(contract), {
      ...info,
      admin: newAdmin,
    });
    frame.events.push(
      event('update_contract_admin', [
        [CONTRACT_ADDRESS_KEY, contract],
        ['new_admin_address', newAdmin],
      ]),
    );
  }

  private callReply(frame: Frame, contract: string, reply: Reply): Uint8Array | null {
    const info = this.contractInfo(frame, contract);
    frame.gas.consume(this.replyCosts(reply), 'Loading CosmWasm module: reply');
    const env = envJson(frame.block, contract, frame.txIndex);
    const json = toJsonBytes({
      id: reply.id,
      payload: reply.payload,
      gas_used: reply.gasUsed,
      result: reply.result,
    });
    const response = this.callForResponse(
      frame,
      contract,
      info.codeId,
      'reply',
      [env, json],
      WASM_ERROR.executeFailed,
    );
    frame.events.push(event('reply', [[CONTRACT_ADDRESS_KEY, contract]]));
    return this.handleResponse(frame, contract, response);
  }

  /** wasmd `ReplyCosts`: instance setup plus event costs of the result, free tier applied once. */
  private replyCosts(reply: Reply): number {
    if ('error' in reply.result) return this.setupCost(reply.result.error.length);
    const ok = reply.result.ok;
    const dataLength = ok.data === null ? 0 : Buffer.from(ok.data, 'base64').length;
    let gas = 0;
    for (const sub of ok.events) gas += Buffer.byteLength(sub.type) * this.gasConfig.eventAttributeDataCost;
    gas += eventCosts(
      this.gasConfig,
      ok.events.flatMap((sub) => sub.attributes),
      [],
    );
    return gas + this.setupCost(dataLength);
  }

  // ---- internals: VM calls ---------------------------------------------------------------

  /** The contract's storage, metered as wasmd meters it. */
  private contractStorage(frame: Frame, contract: string): KVStore {
    const canonical = this.addresses.mustCanonicalize(contract);
    const prefix = concatBytes(this.keyPrefix, new Uint8Array([STATE_PREFIX.contractStore]), canonical);
    return new MeteredPrefixStore(frame.store, prefix, this.keyPrefix.length, frame.gas, this.kvGas);
  }

  private vmEnvironment(frame: Frame, contract: string, readonly: boolean): VmEnvironment {
    return {
      storage: this.contractStorage(frame, contract),
      readonly,
      addresses: this.addresses,
      query: (request) =>
        answerChainQuery(request, {
          depthExceeded: frame.queryDepth + 1 >= MAX_QUERY_STACK_SIZE,
          keeper: this.querierFor({ ...frame, queryDepth: frame.queryDepth + 1 }),
        }),
      sdkGas: frame.gas,
      gasConfig: this.gasConfig,
      debug: this.deps.debug ? (message) => this.deps.debug!(contract, message) : undefined,
    };
  }

  /** Runs an entry point with the frame's remaining gas; charges VM gas to the SDK meter. */
  private callVm(
    frame: Frame,
    contract: string,
    codeId: bigint,
    entryPoint: EntryPoint,
    args: Uint8Array[],
    readonly: boolean,
  ): Uint8Array {
    const code = this.compiled(frame, this.codeInfo(frame, codeId).codeHash);
    const multiplier = this.gasConfig.gasMultiplier;
    const gasLimit = BigInt(frame.gas.remaining()) * multiplier;
    const env = this.vmEnvironment(frame, contract, readonly);
    let result;
    try {
      result = callContract(code, entryPoint, args, env, gasLimit, this.instanceMode);
    } catch (error) {
      if (error instanceof VmOutOfGasError) {
        frame.gas.consume(frame.gas.remaining() + 1, 'Wasmer function execution');
      }
      if (error instanceof VmError) throw wasmError(WASM_ERROR.vmError, error.message);
      throw error;
    }
    // wasmvm charges 1 CosmWasm gas per byte for deserialising the result
    const used = result.gasUsedInternally + BigInt(result.result.length);
    frame.gas.consume(Number(used / multiplier), 'wasm contract');
    return result.result;
  }

  private callForResponse(
    frame: Frame,
    contract: string,
    codeId: bigint,
    entryPoint: EntryPoint,
    args: Uint8Array[],
    failureCode: number,
  ): ContractResponse {
    const raw = this.callVm(frame, contract, codeId, entryPoint, args, false);
    let result;
    try {
      result = parseResponseResult(raw);
    } catch (error) {
      if (error instanceof VmError) throw wasmError(WASM_ERROR.vmError, error.message);
      throw error;
    }
    if ('error' in result) throw wasmError(failureCode, result.error);
    return result.ok;
  }

  private smartQuery(frame: Frame, contract: string, msg: Uint8Array): Uint8Array {
    const info = this.contractInfo(frame, contract);
    frame.gas.consume(this.setupCost(msg.length), 'Loading CosmWasm module: query');
    const env = envJson(frame.block, contract, undefined);
    const raw = this.callVm(frame, contract, info.codeId, 'query', [env, msg], true);
    let result;
    try {
      result = parseQueryResult(raw);
    } catch (error) {
      if (error instanceof VmError) throw wasmError(WASM_ERROR.vmError, error.message);
      throw error;
    }
    if ('error' in result) throw wasmError(WASM_ERROR.queryFailed, result.error);
    return result.ok;
  }

  private querierFor(frame: Frame) {
    const bank = this.deps.bank;
    return {
      balance: (address: string, denom: string) => bank.balance(this.bankContext(frame), address, denom),
      allBalances: (address: string) => bank.allBalances(this.bankContext(frame), address),
      supply: (denom: string) => bank.supply(this.bankContext(frame), denom),
      smart: (contract: string, msg: Uint8Array) => this.smartQuery(frame, contract, msg),
      raw: (contract: string, key: Uint8Array) => {
        this.contractInfo(frame, contract);
        return this.contractStorage(frame, contract).get(key);
      },
      contractInfo: (contract: string) => {
        const canonical = this.addresses.canonicalize(contract);
        return 'ok' in canonical ? this.state(frame).getContractInfo(canonical.ok) : undefined;
      },
      codeInfo: (codeId: bigint) => this.state(frame).getCodeInfo(codeId),
    };
  }

  // ---- internals: responses and submessages ---------------------------------------------

  /** Emits the contract's events and dispatches its messages; returns the resulting data. */
  private handleResponse(frame: Frame, contract: string, response: ContractResponse): Uint8Array | null {
    frame.gas.consume(
      eventCosts(this.gasConfig, response.attributes, response.events),
      'Custom contract event attributes',
    );
    frame.events.push(...contractEvents(contract, response.attributes, response.events));
    let data = response.data === null ? null : decodeBase64Field(response.data, 'Response.data');
    for (const sub of response.messages) {
      const replyData = this.dispatchSubmessage(frame, contract, sub);
      if (replyData !== null) data = replyData;
    }
    return data;
  }

  private dispatchSubmessage(frame: Frame, contract: string, sub: SubMsg): Uint8Array | null {
    const branch = frame.store.branch();
    const gasBefore = frame.gas.consumed();
    const limited = sub.gasLimit !== undefined && sub.gasLimit < frame.gas.remaining();
    const subGas = limited ? createGasMeter(sub.gasLimit!) : frame.gas;
    const subFrame: Frame = { ...frame, store: branch, gas: subGas, events: [] };
    let outcome: { ok: DispatchResult } | { error: unknown };
    try {
      outcome = { ok: this.dispatchMessage(subFrame, contract, sub.msg) };
    } catch (error) {
      // out of gas on the caller's own meter ends the whole call, as a panic does in wasmd
      if (error instanceof OutOfGasError && !limited) throw error;
      if (!isMessageFailure(error)) throw error;
      outcome = { error };
    }
    if (limited) {
      frame.gas.consume(Math.min(subGas.consumed(), subGas.limit), 'submessage');
    }
    const succeeded = 'ok' in outcome;
    if (succeeded) {
      branch.write();
      frame.events.push(...subFrame.events);
    }
    if (!succeeded && (sub.replyOn === 'success' || sub.replyOn === 'never')) {
      throw (outcome as { error: unknown }).error;
    }
    if (sub.replyOn === 'never' || (sub.replyOn === 'error' && succeeded)) return null;
    const gasUsed = limited ? subGas.consumed() : frame.gas.consumed() - gasBefore;
    const reply: Reply = {
      id: sub.id,
      payload: sub.payload ?? '',
      gasUsed,
      result:
        'ok' in outcome
          ? {
              ok: {
                events: 'wasm' in sub.msg ? subFrame.events.filter((e) => e.type !== 'message') : [],
                data:
                  outcome.ok.data === null || outcome.ok.data.length === 0 ? null : base64(outcome.ok.data),
                msg_responses: outcome.ok.msgResponses,
              },
            }
          : { error: redactError(outcome.error) },
    };
    return this.callReply(frame, contract, reply);
  }

  /** Executes one CosmosMsg a contract returned, as `contract`. */
  private dispatchMessage(frame: Frame, contract: string, msg: Record<string, unknown>): DispatchResult {
    const [kind, body] = singleVariant(msg, 'CosmosMsg');
    if (kind === 'bank') return this.dispatchBank(frame, contract, body);
    if (kind === 'wasm') return this.dispatchWasm(frame, contract, body);
    throw wasmError(WASM_ERROR.unknownMsg, `${kind} messages are not supported by this chain`);
  }

  private dispatchBank(frame: Frame, contract: string, msg: Record<string, unknown>): DispatchResult {
    const [kind, body] = singleVariant(msg, 'BankMsg');
    const bank = this.deps.bank;
    if (kind === 'send') {
      const to = String(body.to_address);
      this.requireAddress(to, 'to_address');
      const amount = validateCoins(body.amount as Coin[]);
      frame.events.push(...bank.send(this.bankContext(frame), contract, to, amount));
      const response = MsgSendResponse.encode({}).finish();
      return { data: response, msgResponses: [anyOf('/cosmos.bank.v1beta1.MsgSendResponse', response)] };
    }
    if (kind === 'burn') {
      const amount = validateCoins(body.amount as Coin[]);
      frame.events.push(...bank.burn(this.bankContext(frame), contract, amount));
      return { data: null, msgResponses: [] };
    }
    throw wasmError(WASM_ERROR.unknownMsg, `BankMsg::${kind} is not supported`);
  }

  private dispatchWasm(frame: Frame, contract: string, msg: Record<string, unknown>): DispatchResult {
    const [kind, body] = singleVariant(msg, 'WasmMsg');
    const bytes = (field: string) => decodeWasmField(body[field], field);
    switch (kind) {
      case 'execute': {
        const target = String(body.contract_addr);
        this.requireAddress(target, 'contract_addr');
        const funds = validateCoins((body.funds ?? []) as Coin[]);
        const data = this.executeContract(frame, contract, target, bytes('msg'), funds);
        const response = MsgExecuteContractResponse.encode({ data: data ?? new Uint8Array() }).finish();
        return {
          data: response,
          msgResponses: [anyOf('/cosmwasm.wasm.v1.MsgExecuteContractResponse', response)],
        };
      }
      case 'instantiate':
      case 'instantiate2': {
        const instantiate: InstantiateMsg = {
          sender: contract,
          admin: body.admin === null || body.admin === undefined ? '' : String(body.admin),
          codeId: toCodeId(body.code_id),
          label: String(body.label ?? ''),
          msg: bytes('msg'),
          funds: (body.funds ?? []) as Coin[],
        };
        this.validateInstantiate(instantiate);
        const rule: AddressRule =
          kind === 'instantiate'
            ? { kind: 'classic' }
            : { kind: 'predictable', salt: validateSalt(bytes('salt')), fixMsg: false };
        const result = this.instantiateContract(frame, instantiate, rule);
        const encoded =
          kind === 'instantiate'
            ? MsgInstantiateContractResponse.encode(result).finish()
            : MsgInstantiateContract2Response.encode(result).finish();
        const typeUrl =
          kind === 'instantiate'
            ? '/cosmwasm.wasm.v1.MsgInstantiateContractResponse'
            : '/cosmwasm.wasm.v1.MsgInstantiateContract2Response';
        return { data: encoded, msgResponses: [anyOf(typeUrl, encoded)] };
      }
      case 'migrate': {
        const target = String(body.contract_addr);
        this.requireAddress(target, 'contract_addr');
        const data = this.migrateContract(frame, contract, target, toCodeId(body.new_code_id), bytes('msg'));
        const response = MsgMigrateContractResponse.encode({ data: data ?? new Uint8Array() }).finish();
        return {
          data: response,
          msgResponses: [anyOf('/cosmwasm.wasm.v1.MsgMigrateContractResponse', response)],
        };
      }
      case 'update_admin': {
        const target = String(body.contract_addr);
        const admin = String(body.admin);
        this.requireAddress(admin, 'admin');
        this.setAdmin(frame, contract, target, admin);
        const response = MsgUpdateAdminResponse.encode({}).finish();
        return {
          data: response,
          msgResponses: [anyOf('/cosmwasm.wasm.v1.MsgUpdateAdminResponse', response)],
        };
      }
      case 'clear_admin': {
        this.setAdmin(frame, contract, String(body.contract_addr), '');
        const response = MsgClearAdminResponse.encode({}).finish();
        return { data: response, msgResponses: [anyOf('/cosmwasm.wasm.v1.MsgClearAdminResponse', response)] };
      }
      default:
        throw wasmError(WASM_ERROR.unknownMsg, `WasmMsg::${kind} is not supported`);
    }
  }
}

/** Errors that fail a message (and so can be replied to), as opposed to bugs in the node. */
function isMessageFailure(error: unknown): boolean {
  return (
    error instanceof WasmKeeperError ||
    error instanceof OutOfGasError ||
    (typeof error === 'object' &&
      error !== null &&
      typeof (error as { codespace?: unknown }).codespace === 'string' &&
      typeof (error as { code?: unknown }).code === 'number')
  );
}

function singleVariant(value: Record<string, unknown>, type: string): [string, Record<string, unknown>] {
  const keys = Object.keys(value);
  const body = value[keys[0]!];
  if (keys.length !== 1 || typeof body !== 'object' || body === null) {
    throw wasmError(WASM_ERROR.invalidMsg, `malformed ${type}`);
  }
  return [keys[0]!, body as Record<string, unknown>];
}

function decodeWasmField(value: unknown, field: string): Uint8Array {
  try {
    return decodeBase64Field(value, field);
  } catch {
    throw wasmError(WASM_ERROR.invalidMsg, `${field} must be base64`);
  }
}

function toCodeId(value: unknown): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return BigInt(value);
  if (typeof value === 'string' && /^[1-9][0-9]{0,19}$/.test(value)) return BigInt(value);
  throw wasmError(WASM_ERROR.invalidMsg, 'code_id must be a positive integer');
}

function validateLabel(label: string): void {
  if (label.trim().length === 0) throw wasmError(WASM_ERROR.empty, 'label is required');
  if (label.length > MAX_LABEL_LENGTH) {
    throw wasmError(WASM_ERROR.limit, `label cannot be longer than ${MAX_LABEL_LENGTH} characters`);
  }
  if (label.trim() !== label)
    throw wasmError(WASM_ERROR.invalid, 'label must not start or end with whitespace');
}

function validateSalt(salt: Uint8Array): Uint8Array {
  if (salt.length === 0) throw wasmError(WASM_ERROR.empty, 'salt is required');
  if (salt.length > MAX_SALT_LENGTH) {
    throw wasmError(WASM_ERROR.limit, `salt cannot be longer than ${MAX_SALT_LENGTH} bytes`);
  }
  return salt;
}

function u64Key(n: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), false);
  return out;
}

/** MsgStoreCode bytecode may be gzip-compressed (cosmjs `upload` compresses it). */
function uncompress(wasm: Uint8Array): Uint8Array {
  if (wasm.length === 0) throw wasmError(WASM_ERROR.empty, 'wasm byte code is required');
  const isGzip = wasm.length >= 3 && wasm[0] === 0x1f && wasm[1] === 0x8b && wasm[2] === 0x08;
  if (!isGzip) return wasm;
  try {
    return new Uint8Array(gunzipSync(wasm, { maxOutputLength: WASM_LIMITS.maxWasmBytes }));
  } catch (error) {
    throw wasmError(WASM_ERROR.createFailed, `uncompressing wasm failed: ${(error as Error).message}`);
  }
}
