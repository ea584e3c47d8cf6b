import { gunzipSync } from 'node:zlib';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import {
  MsgClearAdminResponse,
  MsgExecuteContractResponse,
  MsgInstantiateContract2Response,
  MsgInstantiateContractResponse,
  MsgMigrateContractResponse,
  MsgUpdateAdminResponse,
  type MsgExecuteContract,
  type MsgInstantiateContract,
  type MsgInstantiateContract2,
  type MsgMigrateContract,
  type MsgStoreCode,
} from 'cosmjs-types/cosmwasm/wasm/v1/tx';
import {
  AccessType,
  ContractCodeHistoryOperationType,
  type AccessConfig,
  type CodeInfo,
  type ContractInfo,
} from 'cosmjs-types/cosmwasm/wasm/v1/types';
import { fromBase64, toBase64, toHex } from '../../encoding/bytes';
import { sdkErrors } from '../../errors/chain-error';
import { toCoinMessages, type Coin, type CoinMessage } from '../../modules/bank/coins';
import type { ChainEvent } from '../../modules/events';
import type { AnyMessage, ModuleAccountSpec, TxContext } from '../../modules/types';
import { PrefixStore } from '../../store/prefix';
import type { KVStore } from '../../store/types';
import { ContractModuleCache } from '../cache/module-cache';
import {
  DEFAULT_SMART_QUERY_GAS_LIMIT,
  DEFAULT_WASM_GAS,
  MAX_QUERY_STACK_SIZE,
  type WasmGasConfig,
} from '../gas/costs';
import { WASM_LIMITS, WasmValidationError } from '../validate/check-wasm';
import { type CompiledContract, type EntryPoint } from '../vm/contract-code';
import { VmError, VmOutOfGasError } from '../vm/errors';
import { callContract, type InstanceMode, type VmEnvironment } from '../vm/host';
import { classicContractAddress, predictableContractAddress } from './addresses';
import {
  decodeBase64Field,
  envJson,
  infoJson,
  parseQueryResult,
  parseResponseResult,
  toJsonBytes,
  type ContractResponse,
  type SubMsg,
} from './contract-json';
import { isMessageFailure, redactError, wasmErrors } from './errors';
import { CONTRACT_ADDRESS_KEY, contractEvents, eventCosts } from './events';
import { validateInstantiate, validateSalt, validFunds } from './msg-validation';
import { answerChainQuery, type ChainQuerier } from './querier';
import { positionBytes, PREFIX, WASM_STORE, WasmState } from './state';

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

/**
 * wasmd's LimitSimulationGasDecorator bounds simulation, which otherwise runs on an infinite
 * meter: without a bound, simulating a contract that loops would never end.
 */
export const DEFAULT_SIMULATION_GAS_LIMIT = 30_000_000;

/** The wasm module's account: it burns the coins of BankMsg::Burn (wasmd's maccPerms). */
export const WASM_MODULE_ACCOUNT: ModuleAccountSpec = { name: WASM_STORE, permissions: ['burner'] };

export interface WasmKeeperOptions {
  capabilities?: readonly string[];
  /** Directory for instrumented modules (survives restarts); memory only when absent. */
  cacheDirectory?: string;
  gas?: Partial<WasmGasConfig>;
  smartQueryGasLimit?: number;
  simulationGasLimit?: number;
  uploadAccess?: AccessConfig;
  instantiateDefaultPermission?: AccessType;
  /** 'restored' (default) recycles instances reset to their fresh state; 'new' instantiates anew. */
  instanceMode?: InstanceMode;
  /** Receives the contracts' `debug` output. */
  debug?(contract: string, message: string): void;
}

export interface Reply {
  id: number;
  payload: string;
  gasUsed: number;
  result:
    | {
        ok: {
          events: { type: string; attributes: { key: string; value: string }[] }[];
          data: string | null;
          msg_responses: MsgResponse[];
        };
      }
    | { error: string };
}

interface MsgResponse {
  type_url: string;
  value: string;
}

interface DispatchResult {
  data: Uint8Array | null;
  msgResponses: MsgResponse[];
}

/** A call in progress: the (sub)message's context, and how deep contract queries are nested. */
interface Frame {
  ctx: TxContext;
  queryDepth: number;
}

type AddressRule = { kind: 'classic' } | { kind: 'predictable'; salt: Uint8Array; fixMsg: boolean };

const toMsgResponse = (response: AnyMessage): MsgResponse => ({
  type_url: response.typeUrl,
  value: toBase64(response.value),
});

/**
 * The wasm module's keeper: code storage, contract lifecycle, execution of contract responses
 * (bank and wasm messages, submessages with replies and per-submessage rollback through the
 * context's branches), contract queries and events as wasmd produces them. State lives in the
 * context's "wasm" store, metered by the node as wasmd's is by the SDK; VM gas is charged to the
 * same meter.
 */
export class WasmKeeper {
  readonly cache: ContractModuleCache;
  private readonly gasConfig: WasmGasConfig;
  private readonly smartQueryGasLimit: number;
  private readonly simulationGasLimit: number;
  private readonly uploadAccess: AccessConfig;
  private readonly instantiateDefault: AccessType;
  private readonly instanceMode: InstanceMode;

  constructor(private readonly options: WasmKeeperOptions = {}) {
    this.cache = new ContractModuleCache({
      directory: options.cacheDirectory,
      capabilities: new Set(options.capabilities ?? DEFAULT_CAPABILITIES),
    });
    this.gasConfig = { ...DEFAULT_WASM_GAS, ...options.gas };
    this.smartQueryGasLimit = options.smartQueryGasLimit ?? DEFAULT_SMART_QUERY_GAS_LIMIT;
    this.simulationGasLimit = options.simulationGasLimit ?? DEFAULT_SIMULATION_GAS_LIMIT;
    this.uploadAccess = options.uploadAccess ?? {
      permission: AccessType.ACCESS_TYPE_EVERYBODY,
      addresses: [],
    };
    this.instantiateDefault = options.instantiateDefaultPermission ?? AccessType.ACCESS_TYPE_EVERYBODY;
    this.instanceMode = options.instanceMode ?? 'restored';
  }

  // ---- messages (validated statelessly before they get here) ----------------------------

  storeCode(ctx: TxContext, msg: MsgStoreCode): { codeId: bigint; checksum: Uint8Array } {
    if (!this.permits(this.uploadAccess, msg.sender))
      throw sdkErrors.unauthorized.wrap('can not create code');
    const wasm = uncompress(msg.wasmByteCode);
    const permission = msg.instantiatePermission ?? { permission: this.instantiateDefault, addresses: [] };
    ctx.gasMeter.consume(this.gasConfig.compileCost * wasm.length, 'Compiling wasm bytecode');
    let compiled: CompiledContract;
    try {
      compiled = this.cache.prepare(wasm);
    } catch (error) {
      if (error instanceof WasmValidationError) throw wasmErrors.createFailed.wrap(error.message);
      throw error;
    }
    const state = this.state(ctx);
    const codeId = state.nextCodeId();
    this.bytecode(ctx).setWasm(compiled.checksum, wasm);
    state.setCodeInfo(codeId, {
      codeHash: compiled.checksum,
      creator: msg.sender,
      instantiateConfig: permission,
    });
    ctx.events.emit(
      'store_code',
      ['code_checksum', toHex(compiled.checksum)],
      ['code_id', codeId.toString()],
    );
    return { codeId, checksum: compiled.checksum };
  }

  instantiate(ctx: TxContext, msg: MsgInstantiateContract): { address: string; data: Uint8Array } {
    return this.instantiateContract({ ctx, queryDepth: 0 }, msg, { kind: 'classic' });
  }

  instantiate2(ctx: TxContext, msg: MsgInstantiateContract2): { address: string; data: Uint8Array } {
    return this.instantiateContract({ ctx, queryDepth: 0 }, msg, {
      kind: 'predictable',
      salt: msg.salt,
      fixMsg: msg.fixMsg,
    });
  }

  execute(ctx: TxContext, msg: MsgExecuteContract): Uint8Array {
    const funds = validFunds(msg.funds);
    return (
      this.executeContract({ ctx, queryDepth: 0 }, msg.sender, msg.contract, msg.msg, funds) ??
      new Uint8Array()
    );
  }

  migrate(ctx: TxContext, msg: MsgMigrateContract): Uint8Array {
    return (
      this.migrateContract({ ctx, queryDepth: 0 }, msg.sender, msg.contract, msg.codeId, msg.msg) ??
      new Uint8Array()
    );
  }

  /** MsgUpdateAdmin ("" as the new admin: MsgClearAdmin). */
  setAdmin(ctx: TxContext, sender: string, contract: string, newAdmin: string): void {
    const info = this.contractInfo(ctx, contract);
    if (info.admin !== sender) throw sdkErrors.unauthorized.wrap('can not modify contract');
    this.state(ctx).setContractInfo(ctx.addresses.decode(contract), { ...info, admin: newAdmin });
    ctx.events.emit(
      'update_contract_admin',
      [CONTRACT_ADDRESS_KEY, contract],
      ['new_admin_address', newAdmin],
    );
  }

  /** Privileged call from another module (no sender, no funds). */
  sudo(ctx: TxContext, contract: string, msg: Uint8Array): Uint8Array {
    const info = this.contractInfo(ctx, contract);
    ctx.gasMeter.consume(this.setupCost(msg.length), 'Loading CosmWasm module: sudo');
    const args = [envJson(ctx, contract), msg];
    return this.call({ ctx, queryDepth: 0 }, contract, info.codeId, 'sudo', args) ?? new Uint8Array();
  }

  // ---- queries --------------------------------------------------------------------------

  /** SmartContractState: runs the contract's `query` with the smart-query gas limit. */
  querySmart(ctx: TxContext, contract: string, msg: Uint8Array): Uint8Array {
    const result = ctx.runBranch((branch) => this.smartQuery({ ctx: branch, queryDepth: 0 }, contract, msg), {
      gasLimit: this.smartQueryGasLimit,
    });
    if (result.kind === 'error') throw result.error;
    return result.value;
  }

  /** RawContractState: the stored value, or an empty array when the key is absent. */
  queryRaw(ctx: TxContext, contract: string, key: Uint8Array): Uint8Array {
    this.contractInfo(ctx, contract);
    return this.contractStorage(ctx, contract).get(key) ?? new Uint8Array();
  }

  getContractInfo(ctx: TxContext, contract: string): ContractInfo | undefined {
    return this.state(ctx).getContractInfo(ctx.addresses.decode(contract));
  }

  getCodeInfo(ctx: TxContext, codeId: bigint): CodeInfo | undefined {
    return this.state(ctx).getCodeInfo(codeId);
  }

  /** The original (uploaded, uncompressed) bytecode of a code. */
  getWasm(ctx: TxContext, info: CodeInfo): Uint8Array | undefined {
    return this.bytecode(ctx).getWasm(info.codeHash);
  }

  /** Codes kept pinned in memory; this host keeps every compiled code cached, so none is pinned. */
  pinnedCodes(): bigint[] {
    return [];
  }

  params(): { codeUploadAccess: AccessConfig; instantiateDefaultPermission: AccessType } {
    return { codeUploadAccess: this.uploadAccess, instantiateDefaultPermission: this.instantiateDefault };
  }

  // ---- internals: contract lifecycle ----------------------------------------------------

  private state(ctx: TxContext): WasmState {
    return new WasmState(ctx.kvStore(WASM_STORE));
  }

  /** Bytecode is read and written unmetered: wasmd keeps it outside its metered state. */
  private bytecode(ctx: TxContext): WasmState {
    return new WasmState(ctx.unmeteredStore(WASM_STORE));
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

  private setupCost(msgLength: number): number {
    return this.gasConfig.instanceCost + this.gasConfig.contractMessageDataCost * msgLength;
  }

  private contractInfo(ctx: TxContext, contract: string): ContractInfo {
    const info = this.state(ctx).getContractInfo(ctx.addresses.decode(contract, 'contract'));
    if (info === undefined) throw wasmErrors.noSuchContract.wrap(`no such contract: ${contract}`);
    return info;
  }

  private codeInfo(ctx: TxContext, codeId: bigint): CodeInfo {
    const info = this.state(ctx).getCodeInfo(codeId);
    if (info === undefined) throw wasmErrors.noSuchCode.wrap(`code id ${codeId}`);
    return info;
  }

  private compiled(ctx: TxContext, checksum: Uint8Array): CompiledContract {
    return this.cache.get(checksum, () => {
      const wasm = this.bytecode(ctx).getWasm(checksum);
      if (wasm === undefined) throw new Error(`bytecode ${toHex(checksum)} missing from state`);
      return wasm;
    });
  }

  /**
   * Moves funds as wasmd's CoinTransferrer does: refused to blocked module accounts, and the
   * bank's `message` event is dropped (the keeper talks to the bank directly).
   */
  private transferCoins(ctx: TxContext, from: string, to: string, coins: Coin[]): void {
    if (coins.length === 0) return;
    const recipient = ctx.addresses.decode(to);
    if (ctx.bank.isBlocked(recipient))
      throw sdkErrors.unauthorized.wrap(`${to} is not allowed to receive funds`);
    const sent = ctx.runBranch(
      (branch) => branch.bank.send(branch.addresses.decode(from), recipient, coins),
      {
        emitEvents: false,
      },
    );
    if (sent.kind === 'error') throw sent.error;
    ctx.events.append(withoutMessageEvents(sent.events));
  }

  /**
   * wasmd creates a plain account for a new contract; an address already claimed by a key (it
   * has signed) or by a module cannot become a contract. A base account someone merely sent
   * funds to is kept, balance and all (instantiate2 addresses can be funded in advance).
   */
  private claimContractAccount(ctx: TxContext, address: Uint8Array): void {
    const existing = ctx.auth.account(address);
    if (existing === undefined) {
      ctx.auth.newAccount(address);
      return;
    }
    if (existing.publicKey !== undefined || existing.sequence !== 0n || existing.module !== undefined) {
      throw wasmErrors.accountExists.wrap('address is claimed by external account');
    }
  }

  private instantiateContract(
    frame: Frame,
    msg: MsgInstantiateContract | MsgInstantiateContract2,
    rule: AddressRule,
  ): { address: string; data: Uint8Array } {
    const { ctx } = frame;
    const funds = validFunds(msg.funds);
    ctx.gasMeter.consume(this.setupCost(msg.msg.length), 'Loading CosmWasm module: instantiate');
    const codeInfo = this.codeInfo(ctx, msg.codeId);
    if (!this.permits(codeInfo.instantiateConfig, msg.sender)) {
      throw sdkErrors.unauthorized.wrap('can not instantiate');
    }
    const state = this.state(ctx);
    const creator = ctx.addresses.decode(msg.sender);
    const canonical =
      rule.kind === 'classic'
        ? classicContractAddress(msg.codeId, state.nextInstanceId())
        : predictableContractAddress(
            codeInfo.codeHash,
            creator,
            rule.salt,
            rule.fixMsg ? msg.msg : new Uint8Array(),
          );
    const address = ctx.addresses.encode(canonical);
    if (state.getContractInfo(canonical) !== undefined) {
      throw wasmErrors.duplicate.wrap(
        rule.kind === 'classic'
          ? 'instance with this code id, sender and label exists'
          : 'contract address already exists, try a different combination of creator, checksum and salt',
      );
    }
    this.claimContractAccount(ctx, canonical);
    this.transferCoins(ctx, msg.sender, address, funds);
    const response = this.callForResponse(
      frame,
      address,
      msg.codeId,
      'instantiate',
      [envJson(ctx, address), infoJson(msg.sender, toCoinMessages(funds)), msg.msg],
      wasmErrors.instantiateFailed,
    );
    const created = { blockHeight: BigInt(ctx.block.height), txIndex: BigInt(ctx.txIndex ?? 0) };
    const position = positionBytes(created.blockHeight, created.txIndex);
    state.addContractToCode(msg.codeId, position, canonical);
    state.addContractToCreator(creator, position, canonical);
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
    ctx.events.emit('instantiate', [CONTRACT_ADDRESS_KEY, address], ['code_id', msg.codeId.toString()]);
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
    const { ctx } = frame;
    const info = this.contractInfo(ctx, contract);
    ctx.gasMeter.consume(this.setupCost(msg.length), 'Loading CosmWasm module: execute');
    this.transferCoins(ctx, sender, contract, funds);
    const args = [envJson(ctx, contract), infoJson(sender, toCoinMessages(funds)), msg];
    return this.call(frame, contract, info.codeId, 'execute', args);
  }

  /**
   * Runs an entry point whose only record is its event (execute, sudo, reply): the call, the
   * `<entry point>` event, then the contract's response.
   */
  private call(
    frame: Frame,
    contract: string,
    codeId: bigint,
    entryPoint: 'execute' | 'sudo' | 'reply',
    args: Uint8Array[],
  ): Uint8Array | null {
    const response = this.callForResponse(
      frame,
      contract,
      codeId,
      entryPoint,
      args,
      wasmErrors.executeFailed,
    );
    frame.ctx.events.emit(entryPoint, [CONTRACT_ADDRESS_KEY, contract]);
    return this.handleResponse(frame, contract, response);
  }

  private migrateContract(
    frame: Frame,
    sender: string,
    contract: string,
    newCodeId: bigint,
    msg: Uint8Array,
  ): Uint8Array | null {
    const { ctx } = frame;
    ctx.gasMeter.consume(this.setupCost(msg.length), 'Loading CosmWasm module: migrate');
    const info = this.contractInfo(ctx, contract);
    if (info.admin !== sender) throw sdkErrors.unauthorized.wrap('can not migrate');
    const newCode = this.codeInfo(ctx, newCodeId);
    if (!this.permits(newCode.instantiateConfig, sender))
      throw sdkErrors.unauthorized.wrap('to use new code');
    const args = [envJson(ctx, contract), msg];
    if (this.compiled(ctx, newCode.codeHash).migrateArity === 3) {
      args.push(toJsonBytes({ sender, old_migrate_version: null }));
    }
    const response = this.callForResponse(
      frame,
      contract,
      newCodeId,
      'migrate',
      args,
      wasmErrors.migrationFailed,
    );
    const state = this.state(ctx);
    const canonical = ctx.addresses.decode(contract);
    const created = info.created ?? { blockHeight: 0n, txIndex: 0n };
    state.removeContractFromCode(info.codeId, positionBytes(created.blockHeight, created.txIndex), canonical);
    const updated = { blockHeight: BigInt(ctx.block.height), txIndex: BigInt(ctx.txIndex ?? 0) };
    state.addContractToCode(newCodeId, positionBytes(updated.blockHeight, updated.txIndex), canonical);
    state.appendHistory(canonical, {
      operation: ContractCodeHistoryOperationType.CONTRACT_CODE_HISTORY_OPERATION_TYPE_MIGRATE,
      codeId: newCodeId,
      updated,
      msg,
    });
    state.setContractInfo(canonical, { ...info, codeId: newCodeId, created: updated });
    ctx.events.emit('migrate', ['code_id', newCodeId.toString()], [CONTRACT_ADDRESS_KEY, contract]);
    return this.handleResponse(frame, contract, response);
  }

  private callReply(frame: Frame, contract: string, reply: Reply): Uint8Array | null {
    const { ctx } = frame;
    const info = this.contractInfo(ctx, contract);
    ctx.gasMeter.consume(this.replyCosts(reply), 'Loading CosmWasm module: reply');
    const json = toJsonBytes({
      id: reply.id,
      payload: reply.payload,
      gas_used: reply.gasUsed,
      result: reply.result,
    });
    return this.call(frame, contract, info.codeId, 'reply', [envJson(ctx, contract), json]);
  }

  /** wasmd `ReplyCosts`: instance setup plus event costs of the result, free tier applied once. */
  private replyCosts(reply: Reply): number {
    if ('error' in reply.result) return this.setupCost(reply.result.error.length);
    const ok = reply.result.ok;
    const dataLength = ok.data === null ? 0 : fromBase64(ok.data).length;
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

  /** The contract's storage: a prefix of the metered wasm store, so gas is what wasmd charges. */
  private contractStorage(ctx: TxContext, contract: string): KVStore {
    const canonical = ctx.addresses.decode(contract);
    return new PrefixStore(ctx.kvStore(WASM_STORE), Uint8Array.of(PREFIX.contractStore, ...canonical));
  }

  private vmEnvironment(frame: Frame, contract: string, readonly: boolean): VmEnvironment {
    const debug = this.options.debug;
    return {
      storage: this.contractStorage(frame.ctx, contract),
      readonly,
      addresses: frame.ctx.addresses,
      query: (request) =>
        answerChainQuery(request, {
          depthExceeded: frame.queryDepth + 1 >= MAX_QUERY_STACK_SIZE,
          keeper: this.querierFor({ ...frame, queryDepth: frame.queryDepth + 1 }),
        }),
      sdkGas: frame.ctx.gasMeter,
      gasConfig: this.gasConfig,
      debug: debug === undefined ? undefined : (message) => debug(contract, message),
    };
  }

  /** SDK gas the VM may use: what is left on the meter (bounded in simulation). */
  private availableGas(ctx: TxContext): number {
    const remaining = ctx.gasMeter.remaining();
    if (ctx.mode !== 'simulate') return remaining;
    return Math.min(remaining, Math.max(0, this.simulationGasLimit - ctx.gasMeter.consumed()));
  }

  /** Runs an entry point with the remaining gas; charges VM gas to the context's meter. */
  private callVm(
    frame: Frame,
    contract: string,
    codeId: bigint,
    entryPoint: EntryPoint,
    args: Uint8Array[],
    readonly: boolean,
  ): Uint8Array {
    const { ctx } = frame;
    const code = this.compiled(ctx, this.codeInfo(ctx, codeId).codeHash);
    const multiplier = this.gasConfig.gasMultiplier;
    const available = this.availableGas(ctx);
    const env = this.vmEnvironment(frame, contract, readonly);
    let result;
    try {
      result = callContract(code, entryPoint, args, env, BigInt(available) * multiplier, this.instanceMode);
    } catch (error) {
      if (error instanceof VmOutOfGasError) {
        ctx.gasMeter.consume(ctx.gasMeter.remaining() + 1, 'Wasmer function execution');
      }
      if (error instanceof VmError) throw wasmErrors.vmError.wrap(error.message);
      throw error;
    }
    // wasmvm charges 1 CosmWasm gas per byte for deserialising the result
    const used = result.gasUsedInternally + BigInt(result.result.length);
    ctx.gasMeter.consume(Number(used / multiplier), 'wasm contract');
    return result.result;
  }

  private callForResponse(
    frame: Frame,
    contract: string,
    codeId: bigint,
    entryPoint: EntryPoint,
    args: Uint8Array[],
    failure: typeof wasmErrors.executeFailed,
  ): ContractResponse {
    const raw = this.callVm(frame, contract, codeId, entryPoint, args, false);
    const result = vmResult(() => parseResponseResult(raw));
    if ('error' in result) throw failure.wrap(result.error);
    return result.ok;
  }

  private smartQuery(frame: Frame, contract: string, msg: Uint8Array): Uint8Array {
    const { ctx } = frame;
    const info = this.contractInfo(ctx, contract);
    ctx.gasMeter.consume(this.setupCost(msg.length), 'Loading CosmWasm module: query');
    const raw = this.callVm(frame, contract, info.codeId, 'query', [envJson(ctx, contract), msg], true);
    const result = vmResult(() => parseQueryResult(raw));
    if ('error' in result) throw wasmErrors.queryFailed.wrap(result.error);
    return result.ok;
  }

  private querierFor(frame: Frame): ChainQuerier {
    const { ctx } = frame;
    const account = (address: string) => ctx.addresses.decode(address);
    return {
      balance: (address, denom) => ({ denom, amount: ctx.bank.balance(account(address), denom).toString() }),
      allBalances: (address) => toCoinMessages(ctx.bank.allBalances(account(address))),
      supply: (denom) => ({ denom, amount: ctx.bank.supply(denom).toString() }),
      smart: (contract, msg) => this.smartQuery(frame, contract, msg),
      raw: (contract, key) => {
        this.contractInfo(ctx, contract);
        return this.contractStorage(ctx, contract).get(key);
      },
      contractInfo: (contract) => {
        if (!ctx.addresses.isValid(contract)) return undefined;
        return this.state(ctx).getContractInfo(ctx.addresses.decode(contract));
      },
      codeInfo: (codeId) => this.state(ctx).getCodeInfo(codeId),
    };
  }

  // ---- internals: responses and submessages ---------------------------------------------

  /** Emits the contract's events and dispatches its messages; returns the resulting data. */
  private handleResponse(frame: Frame, contract: string, response: ContractResponse): Uint8Array | null {
    const { ctx } = frame;
    ctx.gasMeter.consume(
      eventCosts(this.gasConfig, response.attributes, response.events),
      'Custom contract event attributes',
    );
    ctx.events.append(contractEvents(contract, response.attributes, response.events));
    let data = response.data === null ? null : decodeBase64Field(response.data, 'Response.data');
    for (const sub of response.messages) {
      const replyData = this.dispatchSubmessage(frame, contract, sub);
      if (replyData !== null) data = replyData;
    }
    return data;
  }

  /**
   * wasmd's DispatchSubmessages: the message runs on its own branch (and meter, with a gas
   * limit); its state and events (without `message` events) are kept only if it succeeds; the
   * contract's `reply` runs as `reply_on` asks.
   */
  private dispatchSubmessage(frame: Frame, contract: string, sub: SubMsg): Uint8Array | null {
    const { ctx } = frame;
    const limited = sub.gasLimit !== undefined && sub.gasLimit < ctx.gasMeter.remaining();
    const outcome = ctx.runBranch(
      (branch) => this.dispatchMessage({ ...frame, ctx: branch }, contract, sub.msg),
      {
        gasLimit: limited ? sub.gasLimit : undefined,
        emitEvents: false,
      },
    );
    if (outcome.kind === 'error' && !isMessageFailure(outcome.error)) throw outcome.error;
    const events = outcome.kind === 'ok' ? withoutMessageEvents(outcome.events) : [];
    ctx.events.append(events);
    if (outcome.kind === 'error' && (sub.replyOn === 'success' || sub.replyOn === 'never'))
      throw outcome.error;
    if (sub.replyOn === 'never' || (sub.replyOn === 'error' && outcome.kind === 'ok')) return null;
    const reply: Reply = {
      id: sub.id,
      payload: sub.payload ?? '',
      gasUsed: outcome.gasUsed,
      result:
        outcome.kind === 'ok'
          ? {
              ok: {
                events: 'wasm' in sub.msg ? events.map(contractEventJson) : [],
                data:
                  outcome.value.data === null || outcome.value.data.length === 0
                    ? null
                    : toBase64(outcome.value.data),
                msg_responses: outcome.value.msgResponses,
              },
            }
          : { error: redactError(outcome.error) },
    };
    return this.callReply(frame, contract, reply);
  }

  /** Executes one CosmosMsg a contract returned, as `contract`. */
  private dispatchMessage(frame: Frame, contract: string, msg: Record<string, unknown>): DispatchResult {
    const [kind, body] = singleVariant(msg, 'CosmosMsg');
    switch (kind) {
      case 'bank':
        return this.dispatchBank(frame, contract, body);
      case 'wasm':
        return this.dispatchWasm(frame, contract, body);
      case 'stargate':
      case 'any':
        return this.dispatchAny(
          frame.ctx,
          contract,
          String(body.type_url),
          decodeWasmField(body.value, 'value'),
        );
      default:
        throw wasmErrors.unknownMsg.wrap(`${kind} messages are not supported by this chain`);
    }
  }

  /**
   * A message of another module, run through the chain's handlers as wasmd runs it through the
   * router: stateless checks first, and the contract must be its only signer.
   */
  private dispatchAny(ctx: TxContext, contract: string, typeUrl: string, value: Uint8Array): DispatchResult {
    const handler = ctx.router.handler(typeUrl);
    if (handler === undefined) throw wasmErrors.unknownMsg.wrap(`no handler for ${typeUrl}`);
    let msg: unknown;
    try {
      msg = handler.decode(value);
    } catch (error) {
      throw wasmErrors.invalidMsg.wrap(`cannot decode ${typeUrl}: ${(error as Error).message}`);
    }
    handler.validate(msg, ctx.addresses);
    const signers = handler.signers(msg);
    if (signers.length !== 1 || signers[0] !== contract) {
      throw sdkErrors.unauthorized.wrap(`contract ${contract} cannot sign for ${signers.join(', ')}`);
    }
    const response = handler.handle(ctx, msg);
    return { data: response.value, msgResponses: [toMsgResponse(response)] };
  }

  private dispatchBank(frame: Frame, contract: string, msg: Record<string, unknown>): DispatchResult {
    const [kind, body] = singleVariant(msg, 'BankMsg');
    const { ctx } = frame;
    if (kind === 'send') {
      // wasmd encodes BankMsg::Send as a bank MsgSend and runs it through the router
      const send = {
        fromAddress: contract,
        toAddress: String(body.to_address),
        amount: coinsField(body.amount),
      };
      return this.dispatchAny(ctx, contract, MsgSend.typeUrl, MsgSend.encode(send).finish());
    }
    if (kind === 'burn') {
      // wasmd's burn handler: to the wasm module account, then burned there
      const amount = validFunds(coinsField(body.amount));
      if (amount.length === 0) throw wasmErrors.empty.wrap('burn amount list');
      ctx.bank.sendToModule(ctx.addresses.decode(contract), WASM_MODULE_ACCOUNT.name, amount);
      ctx.bank.burn(WASM_MODULE_ACCOUNT.name, amount);
      return { data: null, msgResponses: [] };
    }
    throw wasmErrors.unknownMsg.wrap(`BankMsg::${kind} is not supported`);
  }

  private dispatchWasm(frame: Frame, contract: string, msg: Record<string, unknown>): DispatchResult {
    const [kind, body] = singleVariant(msg, 'WasmMsg');
    const { ctx } = frame;
    const bytes = (field: string) => decodeWasmField(body[field], field);
    const respond = (typeUrl: string, value: Uint8Array): DispatchResult => ({
      data: value,
      msgResponses: [{ type_url: typeUrl, value: toBase64(value) }],
    });
    switch (kind) {
      case 'execute': {
        const target = String(body.contract_addr);
        ctx.addresses.decode(target, 'contract_addr');
        const funds = validFunds(coinsField(body.funds ?? []));
        const data = this.executeContract(frame, contract, target, bytes('msg'), funds);
        return respond(
          '/cosmwasm.wasm.v1.MsgExecuteContractResponse',
          MsgExecuteContractResponse.encode({ data: data ?? new Uint8Array() }).finish(),
        );
      }
      case 'instantiate':
      case 'instantiate2': {
        const instantiate: MsgInstantiateContract = {
          sender: contract,
          admin: body.admin === null || body.admin === undefined ? '' : String(body.admin),
          codeId: toCodeId(body.code_id),
          label: String(body.label ?? ''),
          msg: bytes('msg'),
          funds: coinsField(body.funds ?? []),
        };
        validateInstantiate(instantiate, ctx.addresses);
        if (kind === 'instantiate') {
          const result = this.instantiateContract(frame, instantiate, { kind: 'classic' });
          return respond(
            '/cosmwasm.wasm.v1.MsgInstantiateContractResponse',
            MsgInstantiateContractResponse.encode(result).finish(),
          );
        }
        const salt = bytes('salt');
        validateSalt(salt);
        const result = this.instantiateContract(frame, instantiate, {
          kind: 'predictable',
          salt,
          fixMsg: false,
        });
        return respond(
          '/cosmwasm.wasm.v1.MsgInstantiateContract2Response',
          MsgInstantiateContract2Response.encode(result).finish(),
        );
      }
      case 'migrate': {
        const target = String(body.contract_addr);
        ctx.addresses.decode(target, 'contract_addr');
        const data = this.migrateContract(frame, contract, target, toCodeId(body.new_code_id), bytes('msg'));
        return respond(
          '/cosmwasm.wasm.v1.MsgMigrateContractResponse',
          MsgMigrateContractResponse.encode({ data: data ?? new Uint8Array() }).finish(),
        );
      }
      case 'update_admin': {
        const admin = String(body.admin);
        ctx.addresses.decode(admin, 'admin');
        this.setAdmin(ctx, contract, String(body.contract_addr), admin);
        return respond(
          '/cosmwasm.wasm.v1.MsgUpdateAdminResponse',
          MsgUpdateAdminResponse.encode({}).finish(),
        );
      }
      case 'clear_admin': {
        this.setAdmin(ctx, contract, String(body.contract_addr), '');
        return respond('/cosmwasm.wasm.v1.MsgClearAdminResponse', MsgClearAdminResponse.encode({}).finish());
      }
      default:
        throw wasmErrors.unknownMsg.wrap(`WasmMsg::${kind} is not supported`);
    }
  }
}

/** wasmd's filterEvents: `message` events of dispatched messages never reach the tx. */
function withoutMessageEvents(events: readonly ChainEvent[]): ChainEvent[] {
  return events.filter((event) => event.type !== 'message');
}

/** An event as cosmwasm-std's `Event` (for Reply.result.ok.events). */
function contractEventJson(event: ChainEvent): {
  type: string;
  attributes: { key: string; value: string }[];
} {
  return { type: event.type, attributes: event.attributes.map(({ key, value }) => ({ key, value })) };
}

/** Parsing a contract's result: malformed output is the contract's failure (wasm/29). */
function vmResult<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof VmError) throw wasmErrors.vmError.wrap(error.message);
    throw error;
  }
}

function singleVariant(value: Record<string, unknown>, type: string): [string, Record<string, unknown>] {
  const keys = Object.keys(value);
  const body = value[keys[0]!];
  if (keys.length !== 1 || typeof body !== 'object' || body === null) {
    throw wasmErrors.invalidMsg.wrap(`malformed ${type}`);
  }
  return [keys[0]!, body as Record<string, unknown>];
}

function decodeWasmField(value: unknown, field: string): Uint8Array {
  try {
    return decodeBase64Field(value, field);
  } catch {
    throw wasmErrors.invalidMsg.wrap(`${field} must be base64`);
  }
}

/** Coins in a contract's message: a list of {denom, amount} with string amounts. */
function coinsField(value: unknown): CoinMessage[] {
  const valid =
    Array.isArray(value) &&
    value.every(
      (coin) =>
        typeof coin === 'object' &&
        coin !== null &&
        typeof (coin as CoinMessage).denom === 'string' &&
        typeof (coin as CoinMessage).amount === 'string',
    );
  if (!valid) throw sdkErrors.invalidCoins.wrap('coins must be a list of {denom, amount}');
  return (value as CoinMessage[]).map(({ denom, amount }) => ({ denom, amount }));
}

function toCodeId(value: unknown): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return BigInt(value);
  if (typeof value === 'string' && /^[1-9][0-9]{0,19}$/.test(value)) return BigInt(value);
  throw wasmErrors.invalidMsg.wrap('code_id must be a positive integer');
}

/** MsgStoreCode bytecode may be gzip-compressed (cosmjs `upload` compresses it). */
function uncompress(wasm: Uint8Array): Uint8Array {
  if (wasm.length === 0) throw wasmErrors.empty.wrap('wasm byte code is required');
  const isGzip = wasm.length >= 3 && wasm[0] === 0x1f && wasm[1] === 0x8b && wasm[2] === 0x08;
  if (!isGzip) return wasm;
  try {
    return new Uint8Array(gunzipSync(wasm, { maxOutputLength: WASM_LIMITS.maxWasmBytes }));
  } catch (error) {
    throw wasmErrors.createFailed.wrap(`uncompressing wasm failed: ${(error as Error).message}`);
  }
}
