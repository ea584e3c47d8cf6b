import { type KVStore } from '../../../src/store/types';
import { type Coin, type WasmBank, type WasmBankContext, type WasmEvent } from '../../../src/wasm';

// Test-only bank over the given store (the real one is chain-core's bank keeper behind an adapter).
const encoder = new TextEncoder();
const balanceKey = (address: string, denom: string) => encoder.encode(`bank/b/${address}/${denom}`);
const supplyKey = (denom: string) => encoder.encode(`bank/s/${denom}`);

function read(store: KVStore, key: Uint8Array): bigint {
  const value = store.get(key);
  return value === undefined ? 0n : BigInt(Buffer.from(value).toString());
}

function write(store: KVStore, key: Uint8Array, amount: bigint): void {
  if (amount === 0n) store.delete(key);
  else store.set(key, encoder.encode(amount.toString()));
}

export class InsufficientFunds extends Error {
  readonly codespace = 'sdk';
  readonly code = 5;
}

const format = (coins: Coin[]) => coins.map((coin) => `${coin.amount}${coin.denom}`).join(',');

export class MemoryBank implements WasmBank {
  mint(ctx: { store: KVStore }, address: string, coins: Coin[]): void {
    for (const coin of coins) {
      write(
        ctx.store,
        balanceKey(address, coin.denom),
        read(ctx.store, balanceKey(address, coin.denom)) + BigInt(coin.amount),
      );
      write(ctx.store, supplyKey(coin.denom), read(ctx.store, supplyKey(coin.denom)) + BigInt(coin.amount));
    }
  }

  balance(ctx: WasmBankContext, address: string, denom: string): Coin {
    return { denom, amount: read(ctx.store, balanceKey(address, denom)).toString() };
  }

  allBalances(ctx: WasmBankContext, address: string): Coin[] {
    const prefix = encoder.encode(`bank/b/${address}/`);
    const end = encoder.encode(`bank/b/${address}0`);
    return [...ctx.store.iterator(prefix, end, 'ascending')].map(([key, value]) => ({
      denom: Buffer.from(key.subarray(prefix.length)).toString(),
      amount: Buffer.from(value).toString(),
    }));
  }

  supply(ctx: WasmBankContext, denom: string): Coin {
    return { denom, amount: read(ctx.store, supplyKey(denom)).toString() };
  }

  private debit(ctx: WasmBankContext, address: string, coins: Coin[]): void {
    for (const coin of coins) {
      const have = read(ctx.store, balanceKey(address, coin.denom));
      if (have < BigInt(coin.amount)) {
        throw new InsufficientFunds(
          `spendable balance ${have}${coin.denom} is smaller than ${coin.amount}${coin.denom}: insufficient funds`,
        );
      }
      write(ctx.store, balanceKey(address, coin.denom), have - BigInt(coin.amount));
    }
  }

  send(ctx: WasmBankContext, from: string, to: string, amount: Coin[]): WasmEvent[] {
    this.debit(ctx, from, amount);
    for (const coin of amount) {
      write(
        ctx.store,
        balanceKey(to, coin.denom),
        read(ctx.store, balanceKey(to, coin.denom)) + BigInt(coin.amount),
      );
    }
    return [
      {
        type: 'coin_spent',
        attributes: [
          { key: 'spender', value: from },
          { key: 'amount', value: format(amount) },
        ],
      },
      {
        type: 'coin_received',
        attributes: [
          { key: 'receiver', value: to },
          { key: 'amount', value: format(amount) },
        ],
      },
      {
        type: 'transfer',
        attributes: [
          { key: 'recipient', value: to },
          { key: 'sender', value: from },
          { key: 'amount', value: format(amount) },
        ],
      },
    ];
  }

  burn(ctx: WasmBankContext, from: string, amount: Coin[]): WasmEvent[] {
    this.debit(ctx, from, amount);
    for (const coin of amount) {
      write(ctx.store, supplyKey(coin.denom), read(ctx.store, supplyKey(coin.denom)) - BigInt(coin.amount));
    }
    return [
      {
        type: 'burn',
        attributes: [
          { key: 'burner', value: from },
          { key: 'amount', value: format(amount) },
        ],
      },
    ];
  }
}
