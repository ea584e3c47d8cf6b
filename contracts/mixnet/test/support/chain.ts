// Test-only wiring of the real CosmWasm host (chain/src/wasm's WasmKeeper) to chain's in-memory
// store and bank test doubles, with a block clock the tests move.
import { readFileSync } from 'node:fs';
import { toBech32 } from '@cosmjs/encoding';
import {
  type WasmCoin as Coin,
  createGasMeter,
  WasmKeeper,
  type WasmContext,
  type WasmEvent,
} from '@nymts/chain';
import { MemoryBank } from '@nymts/chain/test/wasm/support/memory-bank';
import { MemoryStore } from '@nymts/chain/test/wasm/support/memory-store';

export const PREFIX = 'n';
export const CHAIN_ID = 'nyx-test';
export const START_TIME = 1_700_000_000;
const BLOCK_SECONDS = 5;
const DEFAULT_GAS_LIMIT = 100_000_000;

/** A deterministic account address (20 bytes, like a secp256k1 account), distinct for every n. */
export function account(n: number): string {
  const bytes = new Uint8Array(20).fill(n % 256);
  new DataView(bytes.buffer).setUint32(16, n);
  return toBech32(PREFIX, bytes);
}

export function cwPlusWasm(name: string): Uint8Array {
  const dir = require
    .resolve('@oraichain/common-contracts-build/package.json')
    .replace(/package\.json$/, 'data/');
  return new Uint8Array(readFileSync(`${dir}${name}.wasm`));
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

export interface Executed {
  events: WasmEvent[];
  gasUsed: number;
}

export class TestChain {
  readonly store = new MemoryStore();
  private readonly bank = new MemoryBank();
  readonly keeper = new WasmKeeper({ bech32Prefix: PREFIX }, { bank: this.bank });
  height = 1;
  time = START_TIME;

  private context(gasLimit: number): WasmContext {
    return {
      store: this.store,
      gas: createGasMeter(gasLimit),
      block: { height: this.height, timeNanos: BigInt(this.time) * 1_000_000_000n, chainId: CHAIN_ID },
      txIndex: 0,
    };
  }

  /** Every call is a block of its own, BLOCK_SECONDS after the previous one. */
  private nextBlock(): void {
    this.height += 1;
    this.time += BLOCK_SECONDS;
  }

  upload(sender: string, wasm: Uint8Array): bigint {
    const ctx = this.context(DEFAULT_GAS_LIMIT);
    const codeId = this.keeper.storeCode(ctx, { sender, wasmByteCode: wasm }).response.codeId;
    this.nextBlock();
    return codeId;
  }

  instantiate(sender: string, codeId: bigint, msg: unknown, label: string): string {
    const ctx = this.context(DEFAULT_GAS_LIMIT);
    try {
      return this.keeper.instantiate(ctx, { sender, admin: sender, codeId, label, msg: json(msg), funds: [] })
        .response.address;
    } finally {
      this.nextBlock();
    }
  }

  /** Native coins (not NYM, which is a cw20 token), for calls that attach funds. */
  mintNative(address: string, coins: Coin[]): void {
    this.bank.mint({ store: this.store }, address, coins);
  }

  /** Runs one execute message; throws the keeper's error when it fails (state then unchanged). */
  execute(
    sender: string,
    contract: string,
    msg: unknown,
    gasLimit = DEFAULT_GAS_LIMIT,
    funds: Coin[] = [],
  ): Executed {
    const ctx = this.context(gasLimit);
    try {
      const { events } = this.keeper.execute(ctx, { sender, contract, msg: json(msg), funds });
      return { events, gasUsed: ctx.gas.consumed() };
    } finally {
      this.nextBlock();
    }
  }

  query<T>(contract: string, msg: unknown): T {
    const answer = this.keeper.querySmart(
      { store: this.store, block: this.context(0).block },
      contract,
      json(msg),
    );
    return JSON.parse(Buffer.from(answer).toString()) as T;
  }

  /** Every stored entry (module records and contract storage), to assert nothing changed. */
  snapshot(): Map<string, string> {
    return this.store.snapshot();
  }
}

/** The attributes of each `wasm-<type>` event, in order. */
export function eventsOf(executed: Executed, type: string): Record<string, string>[] {
  return executed.events
    .filter((e) => e.type === `wasm-${type}`)
    .map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])));
}
