import { Metadata } from 'cosmjs-types/cosmos/bank/v1beta1/bank';
import { concatBytes, fromUtf8, prefixEnd, utf8 } from '../../encoding/bytes';
import { sdkErrors } from '../../errors/chain-error';
import type { AuthKeeper } from '../auth/keeper';
import type { TxContext } from '../types';
import { formatCoins, normalizeCoins, parseAmount, validateCoins, type Coin } from './coins';

export const BANK_STORE = 'bank';

const SUPPLY_PREFIX = Uint8Array.of(0x00);
const METADATA_PREFIX = Uint8Array.of(0x01);
const BALANCE_PREFIX = 0x02;

export function balancesPrefix(address: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(BALANCE_PREFIX, address.length), address);
}

function balanceKey(address: Uint8Array, denom: string): Uint8Array {
  return concatBytes(balancesPrefix(address), utf8(denom));
}

function supplyKey(denom: string): Uint8Array {
  return concatBytes(SUPPLY_PREFIX, utf8(denom));
}

/** Balances and transfers as a handler (or the wasm host) sees them, bound to one context. */
export interface BankView {
  balance(address: Uint8Array, denom: string): bigint;
  allBalances(address: Uint8Array): Coin[];
  /**
   * Moves coins, creating the recipient's account if it has none (as the SDK does). Emits
   * coin_spent, coin_received, transfer and message{sender}. Fails with code 5 when short.
   */
  send(from: Uint8Array, to: Uint8Array, coins: readonly Coin[]): void;
  /** One input to many outputs (MsgMultiSend); the caller checks that the sums match. */
  sendToMany(
    from: Uint8Array,
    total: readonly Coin[],
    outputs: ReadonlyArray<{ address: Uint8Array; coins: readonly Coin[] }>,
  ): void;
  sendFromModule(module: string, to: Uint8Array, coins: readonly Coin[]): void;
  sendToModule(from: Uint8Array, module: string, coins: readonly Coin[]): void;
  /** Creates coins in a module account that has the "minter" permission. */
  mint(module: string, coins: readonly Coin[]): void;
  /** Destroys coins held by a module account that has the "burner" permission. */
  burn(module: string, coins: readonly Coin[]): void;
  supply(denom: string): bigint;
  totalSupply(): Coin[];
  /** Module accounts that refuse funds from bank sends (the fee collector). */
  isBlocked(address: Uint8Array): boolean;
  denomMetadata(denom: string): Metadata | undefined;
  setDenomMetadata(metadata: Metadata): void;
  /** Genesis only: sets a balance without events or supply changes. */
  setBalance(address: Uint8Array, coin: Coin): void;
  setSupply(coin: Coin): void;
}

export class BankKeeper {
  private readonly blocked = new Set<string>();

  constructor(
    private readonly auth: AuthKeeper,
    blockedModules: readonly string[],
  ) {
    for (const name of blockedModules)
      this.blocked.add(Buffer.from(auth.moduleAddressOf(name)).toString('hex'));
  }

  bind(ctx: TxContext): BankView {
    return {
      balance: (address, denom) => this.balance(ctx, address, denom),
      allBalances: (address) => this.allBalances(ctx, address),
      send: (from, to, coins) => this.send(ctx, from, to, coins),
      sendToMany: (from, total, outputs) => this.sendToMany(ctx, from, total, outputs),
      sendFromModule: (module, to, coins) => this.send(ctx, this.auth.moduleAddressOf(module), to, coins),
      sendToModule: (from, module, coins) => {
        const address = this.auth.moduleAddressOf(module);
        ctx.auth.moduleAccount(module);
        this.send(ctx, from, address, coins);
      },
      mint: (module, coins) => this.mint(ctx, module, coins),
      burn: (module, coins) => this.burn(ctx, module, coins),
      supply: (denom) => this.supply(ctx, denom),
      totalSupply: () => this.totalSupply(ctx),
      isBlocked: (address) => this.blocked.has(Buffer.from(address).toString('hex')),
      denomMetadata: (denom) => {
        const bytes = ctx.kvStore(BANK_STORE).get(concatBytes(METADATA_PREFIX, utf8(denom)));
        return bytes === undefined ? undefined : Metadata.decode(bytes);
      },
      setDenomMetadata: (metadata) =>
        ctx
          .kvStore(BANK_STORE)
          .set(concatBytes(METADATA_PREFIX, utf8(metadata.base)), Metadata.encode(metadata).finish()),
      setBalance: (address, coin) => this.writeBalance(ctx, address, coin.denom, coin.amount),
      setSupply: (coin) => this.writeSupply(ctx, coin.denom, coin.amount),
    };
  }

  private balance(ctx: TxContext, address: Uint8Array, denom: string): bigint {
    const bytes = ctx.kvStore(BANK_STORE).get(balanceKey(address, denom));
    return bytes === undefined ? 0n : parseAmount(fromUtf8(bytes));
  }

  private allBalances(ctx: TxContext, address: Uint8Array): Coin[] {
    const prefix = balancesPrefix(address);
    const coins: Coin[] = [];
    for (const [key, value] of ctx.kvStore(BANK_STORE).iterator(prefix, prefixEnd(prefix), 'ascending')) {
      coins.push({ denom: fromUtf8(key.subarray(prefix.length)), amount: parseAmount(fromUtf8(value)) });
    }
    return coins;
  }

  private send(ctx: TxContext, from: Uint8Array, to: Uint8Array, coins: readonly Coin[]): void {
    validateCoins(coins, 'amount');
    this.subtract(ctx, from, coins);
    this.add(ctx, to, coins);
    if (!ctx.auth.hasAccount(to)) ctx.auth.newAccount(to);
    const sender = ctx.addresses.encode(from);
    ctx.events.emit(
      'transfer',
      ['recipient', ctx.addresses.encode(to)],
      ['sender', sender],
      ['amount', formatCoins(coins)],
    );
    ctx.events.emit('message', ['sender', sender]);
  }

  private sendToMany(
    ctx: TxContext,
    from: Uint8Array,
    total: readonly Coin[],
    outputs: ReadonlyArray<{ address: Uint8Array; coins: readonly Coin[] }>,
  ): void {
    validateCoins(total, 'input coins');
    this.subtract(ctx, from, total);
    const sender = ctx.addresses.encode(from);
    ctx.events.emit('message', ['sender', sender]);
    for (const output of outputs) {
      validateCoins(output.coins, 'output coins');
      this.add(ctx, output.address, output.coins);
      ctx.events.emit(
        'transfer',
        ['recipient', ctx.addresses.encode(output.address)],
        ['sender', sender],
        ['amount', formatCoins(output.coins)],
      );
      if (!ctx.auth.hasAccount(output.address)) ctx.auth.newAccount(output.address);
    }
  }

  private subtract(ctx: TxContext, address: Uint8Array, coins: readonly Coin[]): void {
    for (const coin of coins) {
      const balance = this.balance(ctx, address, coin.denom);
      if (balance < coin.amount) {
        throw sdkErrors.insufficientFunds.wrap(
          `spendable balance ${balance}${coin.denom} is smaller than ${coin.amount}${coin.denom}`,
        );
      }
      this.writeBalance(ctx, address, coin.denom, balance - coin.amount);
    }
    ctx.events.emit('coin_spent', ['spender', ctx.addresses.encode(address)], ['amount', formatCoins(coins)]);
  }

  private add(ctx: TxContext, address: Uint8Array, coins: readonly Coin[]): void {
    for (const coin of coins) {
      this.writeBalance(ctx, address, coin.denom, this.balance(ctx, address, coin.denom) + coin.amount);
    }
    ctx.events.emit(
      'coin_received',
      ['receiver', ctx.addresses.encode(address)],
      ['amount', formatCoins(coins)],
    );
  }

  private mint(ctx: TxContext, module: string, coins: readonly Coin[]): void {
    this.requirePermission(module, 'minter');
    validateCoins(coins, 'minted amount');
    const account = ctx.auth.moduleAccount(module);
    this.add(ctx, account.address, coins);
    for (const coin of coins) this.writeSupply(ctx, coin.denom, this.supply(ctx, coin.denom) + coin.amount);
    ctx.events.emit(
      'coinbase',
      ['minter', ctx.addresses.encode(account.address)],
      ['amount', formatCoins(coins)],
    );
  }

  private burn(ctx: TxContext, module: string, coins: readonly Coin[]): void {
    this.requirePermission(module, 'burner');
    validateCoins(coins, 'burned amount');
    const account = ctx.auth.moduleAccount(module);
    this.subtract(ctx, account.address, coins);
    for (const coin of coins) this.writeSupply(ctx, coin.denom, this.supply(ctx, coin.denom) - coin.amount);
    ctx.events.emit(
      'burn',
      ['burner', ctx.addresses.encode(account.address)],
      ['amount', formatCoins(coins)],
    );
  }

  private requirePermission(module: string, permission: 'minter' | 'burner'): void {
    const permissions = this.auth.permissions(module);
    if (permissions === undefined)
      throw sdkErrors.unknownAddress.wrap(`module account ${module} does not exist`);
    if (!permissions.includes(permission)) {
      throw sdkErrors.unauthorized.wrap(
        `module account ${module} does not have permissions to ${permission === 'minter' ? 'mint' : 'burn'} tokens`,
      );
    }
  }

  private supply(ctx: TxContext, denom: string): bigint {
    const bytes = ctx.kvStore(BANK_STORE).get(supplyKey(denom));
    return bytes === undefined ? 0n : parseAmount(fromUtf8(bytes));
  }

  private totalSupply(ctx: TxContext): Coin[] {
    const coins: Coin[] = [];
    for (const [key, value] of ctx
      .kvStore(BANK_STORE)
      .iterator(SUPPLY_PREFIX, prefixEnd(SUPPLY_PREFIX), 'ascending')) {
      coins.push({ denom: fromUtf8(key.subarray(1)), amount: parseAmount(fromUtf8(value)) });
    }
    return normalizeCoins(coins);
  }

  /** Zero balances are deleted, never stored (an SDK invariant). */
  private writeBalance(ctx: TxContext, address: Uint8Array, denom: string, amount: bigint): void {
    const store = ctx.kvStore(BANK_STORE);
    if (amount === 0n) store.delete(balanceKey(address, denom));
    else store.set(balanceKey(address, denom), utf8(amount.toString()));
  }

  private writeSupply(ctx: TxContext, denom: string, amount: bigint): void {
    const store = ctx.kvStore(BANK_STORE);
    if (amount === 0n) store.delete(supplyKey(denom));
    else store.set(supplyKey(denom), utf8(amount.toString()));
  }
}

export const METADATA_KEY_PREFIX = METADATA_PREFIX;
export const SUPPLY_KEY_PREFIX = SUPPLY_PREFIX;
