import { readFileSync } from 'node:fs';
import { createGasMeter, WasmKeeper, type Coin, type WasmContext, type WasmEvent } from '../../../src/wasm';
import { MemoryBank } from './memory-bank';
import { MemoryStore } from './memory-store';
import { toBech32 } from '@cosmjs/encoding';

export const PREFIX = 'n';
export const CHAIN_ID = 'nyx-test';
const CONTRACTS = require
  .resolve('@oraichain/common-contracts-build/package.json')
  .replace(/package\.json$/, 'data/');

export function contractWasm(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${CONTRACTS}${name}.wasm`));
}

/** A deterministic test account address (20 bytes, like a secp256k1 account). */
export function account(n: number): string {
  return toBech32(PREFIX, new Uint8Array(20).fill(n));
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** Test-only wiring of the keeper to an in-memory store and bank. */
export class Harness {
  readonly store = new MemoryStore();
  readonly bank = new MemoryBank();
  readonly keeper: WasmKeeper;
  height = 1;
  gasLimit = 50_000_000;
  lastGasUsed = 0;
  debugLog: string[] = [];

  constructor(options: { cacheDirectory?: string } = {}) {
    this.keeper = new WasmKeeper(
      { bech32Prefix: PREFIX, cacheDirectory: options.cacheDirectory },
      { bank: this.bank, debug: (_contract, message) => this.debugLog.push(message) },
    );
  }

  ctx(gasLimit = this.gasLimit): WasmContext {
    return {
      store: this.store,
      gas: createGasMeter(gasLimit),
      block: {
        height: this.height,
        timeNanos: 1_700_000_000_000_000_000n + BigInt(this.height) * 5_000_000_000n,
        chainId: CHAIN_ID,
      },
      txIndex: 0,
    };
  }

  private track<T>(ctx: WasmContext, run: () => T): T {
    try {
      return run();
    } finally {
      this.lastGasUsed = ctx.gas.consumed();
      this.height++;
    }
  }

  fund(address: string, coins: Coin[]): void {
    this.bank.mint({ store: this.store }, address, coins);
  }

  upload(sender: string, wasm: Uint8Array): bigint {
    const ctx = this.ctx();
    return this.track(ctx, () => this.keeper.storeCode(ctx, { sender, wasmByteCode: wasm }).response.codeId);
  }

  instantiate(
    sender: string,
    codeId: bigint,
    msg: unknown,
    options: { admin?: string; funds?: Coin[]; label?: string } = {},
  ): { address: string; events: WasmEvent[] } {
    const ctx = this.ctx();
    return this.track(ctx, () => {
      const outcome = this.keeper.instantiate(ctx, {
        sender,
        admin: options.admin ?? '',
        codeId,
        label: options.label ?? 'test contract',
        msg: json(msg),
        funds: options.funds ?? [],
      });
      return { address: outcome.response.address, events: outcome.events };
    });
  }

  execute(
    sender: string,
    contract: string,
    msg: unknown,
    funds: Coin[] = [],
    gasLimit?: number,
  ): { data: Uint8Array; events: WasmEvent[] } {
    const ctx = this.ctx(gasLimit);
    return this.track(ctx, () => {
      const outcome = this.keeper.execute(ctx, { sender, contract, msg: json(msg), funds });
      return { data: outcome.response.data, events: outcome.events };
    });
  }

  query<T = unknown>(contract: string, msg: unknown): T {
    const answer = this.keeper.querySmart(
      { store: this.store, block: this.ctx().block },
      contract,
      json(msg),
    );
    return JSON.parse(Buffer.from(answer).toString()) as T;
  }

  balance(address: string, denom: string): string {
    return this.bank.balance({ store: this.store, gas: createGasMeter(1e9) }, address, denom).amount;
  }
}

export function attributes(events: WasmEvent[], type: string): Record<string, string>[] {
  return events
    .filter((e) => e.type === type)
    .map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])));
}
