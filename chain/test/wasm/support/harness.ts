import { readFileSync } from 'node:fs';
import { toBech32 } from '@cosmjs/encoding';
import {
  MsgExecuteContract,
  MsgInstantiateContract,
  MsgStoreCode,
  MsgStoreCodeResponse,
  MsgInstantiateContractResponse,
  MsgExecuteContractResponse,
} from 'cosmjs-types/cosmwasm/wasm/v1/tx';
import { createGasMeter } from '../../../src/gas/meter';
import { createAuthModule } from '../../../src/modules/auth/module';
import { createBankModule } from '../../../src/modules/bank/module';
import type { CoinMessage } from '../../../src/modules/bank/coins';
import { Context, createChainServices, type ChainServices } from '../../../src/modules/context';
import type { ChainEvent } from '../../../src/modules/events';
import type { ExecMode, TxContext } from '../../../src/modules/types';
import { MemoryStore } from '../../../src/store/cache';
import type { BranchableStore } from '../../../src/store/types';
import { createWasmModule, type WasmKeeperOptions, type WasmModule } from '../../../src/wasm';

export const PREFIX = 'n';
export const CHAIN_ID = 'nyx-test';
/** The real cw-plus binaries shipped in @oraichain/common-contracts-build. */
export const CW_PLUS_DIRECTORY = require
  .resolve('@oraichain/common-contracts-build/package.json')
  .replace(/package\.json$/, 'data/');

export function contractWasm(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${CW_PLUS_DIRECTORY}${name}.wasm`));
}

/** A deterministic test account address (20 bytes, like a secp256k1 account). */
export function account(n: number): string {
  return toBech32(PREFIX, new Uint8Array(20).fill(n));
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** JSON as base64: how contract messages nest inside others (cw20 `send`, `WasmMsg::Execute`). */
export const jsonBase64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');

/** A cw20-base instantiate message: 1000 tokens for `owner`, no minter. */
export const cw20Init = (owner: string) => ({
  name: 'Nym',
  symbol: 'NYM',
  decimals: 6,
  initial_balances: [{ address: owner, amount: '1000' }],
  mint: null,
});

/**
 * The chain's own wasm module, auth and bank on an in-memory store, without the tx pipeline's
 * signatures and fees: each call runs one message on a branch that is written only if it
 * succeeds, as the pipeline runs a tx's messages.
 */
export class Harness {
  readonly store = new MemoryStore();
  readonly wasm: WasmModule;
  readonly services: ChainServices;
  height = 1;
  gasLimit = 50_000_000;
  lastGasUsed = 0;
  debugLog: string[] = [];

  constructor(options: WasmKeeperOptions = {}) {
    this.wasm = createWasmModule({ debug: (_contract, message) => this.debugLog.push(message), ...options });
    this.services = createChainServices({
      chainId: CHAIN_ID,
      bech32Prefix: PREFIX,
      modules: [createAuthModule(), createBankModule(), this.wasm],
    });
  }

  get keeper() {
    return this.wasm.keeper;
  }

  /** A context over `store` at the current height (mode "query" for reads). */
  /** The block time in whole seconds: five seconds a block, unless a subclass keeps its own clock. */
  blockSeconds(): bigint {
    return 1_700_000_000n + BigInt(this.height) * 5n;
  }

  context(mode: ExecMode = 'query', gasLimit = this.gasLimit, store: BranchableStore = this.store): Context {
    return new Context(
      this.services,
      mode,
      { height: this.height, time: { seconds: this.blockSeconds(), nanos: 0 } },
      store,
      createGasMeter(gasLimit),
      mode === 'query' ? undefined : 0,
    );
  }

  /** Runs `fn` as a tx message would run: on a branch kept only on success. */
  deliver<T>(
    fn: (ctx: TxContext) => T,
    gasLimit = this.gasLimit,
  ): { value: T; events: readonly ChainEvent[] } {
    const branch = this.store.branch();
    const ctx = this.context('deliver', gasLimit, branch);
    try {
      const value = fn(ctx);
      branch.write();
      return { value, events: ctx.events.events() };
    } finally {
      this.lastGasUsed = ctx.gasMeter.consumed();
      this.height++;
    }
  }

  /** Runs a signed message's handler (stateless checks, then the handler) as `deliver` does. */
  message<M>(typeUrl: string, msg: M, gasLimit?: number) {
    const handler = this.services.registry.handler(typeUrl)!;
    handler.validate(msg, this.services.addresses);
    return this.deliver((ctx) => handler.handle(ctx, msg), gasLimit);
  }

  fund(address: string, coins: CoinMessage[]): void {
    const ctx = this.context('genesis');
    const owner = ctx.addresses.decode(address);
    if (!ctx.auth.hasAccount(owner)) ctx.auth.newAccount(owner);
    for (const coin of coins) {
      const amount = BigInt(coin.amount);
      ctx.bank.setBalance(owner, { denom: coin.denom, amount: ctx.bank.balance(owner, coin.denom) + amount });
      ctx.bank.setSupply({ denom: coin.denom, amount: ctx.bank.supply(coin.denom) + amount });
    }
  }

  upload(sender: string, wasm: Uint8Array): bigint {
    const { value } = this.message(
      MsgStoreCode.typeUrl,
      MsgStoreCode.fromPartial({ sender, wasmByteCode: wasm }),
    );
    return MsgStoreCodeResponse.decode(value.value).codeId;
  }

  instantiate(
    sender: string,
    codeId: bigint,
    msg: unknown,
    options: { admin?: string; funds?: CoinMessage[]; label?: string } = {},
  ): { address: string; events: readonly ChainEvent[] } {
    const { value, events } = this.message(
      MsgInstantiateContract.typeUrl,
      MsgInstantiateContract.fromPartial({
        sender,
        admin: options.admin ?? '',
        codeId,
        label: options.label ?? 'test contract',
        msg: json(msg),
        funds: options.funds ?? [],
      }),
    );
    return { address: MsgInstantiateContractResponse.decode(value.value).address, events };
  }

  execute(
    sender: string,
    contract: string,
    msg: unknown,
    funds: CoinMessage[] = [],
    gasLimit?: number,
  ): { data: Uint8Array; events: readonly ChainEvent[] } {
    const { value, events } = this.message(
      MsgExecuteContract.typeUrl,
      MsgExecuteContract.fromPartial({ sender, contract, msg: json(msg), funds }),
      gasLimit,
    );
    return { data: MsgExecuteContractResponse.decode(value.value).data, events };
  }

  query<T = unknown>(contract: string, msg: unknown): T {
    const answer = this.keeper.querySmart(this.context(), contract, json(msg));
    return JSON.parse(Buffer.from(answer).toString()) as T;
  }

  /** A contract's stored value under a raw key, as text ("" when absent). */
  raw(contract: string, key: string): string {
    return Buffer.from(
      this.keeper.queryRaw(this.context(), contract, new TextEncoder().encode(key)),
    ).toString();
  }

  balance(address: string, denom: string): string {
    const ctx = this.context();
    return ctx.bank.balance(ctx.addresses.decode(address), denom).toString();
  }

  /** Every stored key and value, to assert that nothing changed (deleted keys are absent). */
  snapshot(): Map<string, string> {
    const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
    return new Map(
      this.store.entries().flatMap(({ key, value }) => (value === undefined ? [] : [[hex(key), hex(value)]])),
    );
  }
}

export function attributes(events: readonly ChainEvent[], type: string): Record<string, string>[] {
  return events
    .filter((e) => e.type === type)
    .map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])));
}
