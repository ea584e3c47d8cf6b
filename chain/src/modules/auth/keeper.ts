import { BaseAccount, ModuleAccount, Params } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { Any } from 'cosmjs-types/google/protobuf/any';
import { bytesEqual, concatBytes, readUint64BE, uint64BE } from '../../encoding/bytes';
import { moduleAddress } from '../../crypto/address';
import { sdkErrors } from '../../errors/chain-error';
import type { ModuleAccountSpec, TxContext } from '../types';

export const AUTH_STORE = 'auth';
export const BASE_ACCOUNT_TYPE = '/cosmos.auth.v1beta1.BaseAccount';
export const MODULE_ACCOUNT_TYPE = '/cosmos.auth.v1beta1.ModuleAccount';
export const SECP256K1_PUBKEY_TYPE = '/cosmos.crypto.secp256k1.PubKey';

const PARAMS_KEY = Uint8Array.of(0x00);
const ACCOUNT_PREFIX = 0x01;
const NEXT_ACCOUNT_NUMBER_KEY = Uint8Array.of(0x02);

/** Immutable: a change is a new object (decoded accounts are shared, see AuthKeeper.account). */
export interface Account {
  readonly address: Uint8Array;
  /** Compressed secp256k1 key, set by the account's first signed tx. */
  readonly publicKey: Uint8Array | undefined;
  readonly accountNumber: bigint;
  readonly sequence: bigint;
  readonly module?: { readonly name: string; readonly permissions: readonly string[] };
}

export interface AuthParams {
  maxMemoCharacters: number;
  txSigLimit: number;
  txSizeCostPerByte: number;
  sigVerifyCostSecp256k1: number;
}

/** The SDK's defaults (x/auth/types/params.go). */
export const DEFAULT_AUTH_PARAMS: Readonly<AuthParams> = Object.freeze({
  maxMemoCharacters: 256,
  txSigLimit: 7,
  txSizeCostPerByte: 10,
  sigVerifyCostSecp256k1: 1000,
});

export function accountKey(address: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(ACCOUNT_PREFIX), address);
}

export const ACCOUNT_KEY_PREFIX = Uint8Array.of(ACCOUNT_PREFIX);

/** Accounts as a handler sees them: bound to one context's store and gas meter. */
export interface AuthView {
  account(address: Uint8Array): Account | undefined;
  hasAccount(address: Uint8Array): boolean;
  setAccount(account: Account): void;
  /** Creates and stores an account with the next account number. */
  newAccount(address: Uint8Array): Account;
  /** A module's account, created on first use with the permissions the module declared. */
  moduleAccount(name: string): Account;
  moduleAddress(name: string): Uint8Array;
  params(): AuthParams;
  setParams(params: AuthParams): void;
}

/** Stateless: all state lives in the context's "auth" store. */
export class AuthKeeper {
  private readonly modulePermissions = new Map<string, readonly string[]>();
  private readonly moduleAddresses = new Map<string, Uint8Array>();
  private readonly decoded = new WeakMap<Uint8Array, Account>();
  private readonly decodedParams = new WeakMap<Uint8Array, Readonly<AuthParams>>();

  constructor(moduleAccounts: readonly ModuleAccountSpec[]) {
    for (const spec of moduleAccounts) this.modulePermissions.set(spec.name, spec.permissions);
  }

  bind(ctx: TxContext): AuthView {
    return {
      account: (address) => this.account(ctx, address),
      hasAccount: (address) => this.hasAccount(ctx, address),
      setAccount: (account) => this.setAccount(ctx, account),
      newAccount: (address) => this.newAccount(ctx, address),
      moduleAccount: (name) => this.moduleAccount(ctx, name),
      moduleAddress: (name) => this.moduleAddressOf(name),
      params: () => this.params(ctx),
      setParams: (params) => ctx.kvStore(AUTH_STORE).set(PARAMS_KEY, encodeParams(params)),
    };
  }

  permissions(name: string): readonly string[] | undefined {
    return this.modulePermissions.get(name);
  }

  moduleAddressOf(name: string): Uint8Array {
    let address = this.moduleAddresses.get(name);
    if (address === undefined) {
      if (!this.modulePermissions.has(name))
        throw sdkErrors.unknownAddress.wrap(`module account ${name} does not exist`);
      address = moduleAddress(name);
      this.moduleAddresses.set(name, address);
    }
    return address;
  }

  private account(ctx: TxContext, address: Uint8Array): Account | undefined {
    const bytes = ctx.kvStore(AUTH_STORE).get(accountKey(address));
    if (bytes === undefined) return undefined;
    // Stores hand out the value they hold by reference, so a tx's repeated reads of an account
    // (ante, fee, message) and CheckTx's and the block's reads of an unchanged one share the
    // decoding. Accounts are never mutated (a change is a new object, stored as new bytes).
    const cached = this.decoded.get(bytes);
    if (cached !== undefined && bytesEqual(cached.address, address)) return cached;
    const account = decodeAccount(address, bytes);
    this.decoded.set(bytes, account);
    return account;
  }

  private hasAccount(ctx: TxContext, address: Uint8Array): boolean {
    return ctx.kvStore(AUTH_STORE).get(accountKey(address)) !== undefined;
  }

  private setAccount(ctx: TxContext, account: Account): void {
    const bytes = encodeAccount(account, ctx.addresses.encode(account.address));
    ctx.kvStore(AUTH_STORE).set(accountKey(account.address), bytes);
    // The next read of these bytes (the account's next tx, in CheckTx or the block) gets this
    // object back instead of decoding what was just encoded from it.
    this.decoded.set(bytes, account);
  }

  private newAccount(ctx: TxContext, address: Uint8Array): Account {
    const account: Account = {
      address,
      publicKey: undefined,
      accountNumber: this.nextAccountNumber(ctx),
      sequence: 0n,
    };
    this.setAccount(ctx, account);
    return account;
  }

  private moduleAccount(ctx: TxContext, name: string): Account {
    const address = this.moduleAddressOf(name);
    const existing = this.account(ctx, address);
    if (existing !== undefined) return existing;
    const account: Account = {
      address,
      publicKey: undefined,
      accountNumber: this.nextAccountNumber(ctx),
      sequence: 0n,
      module: { name, permissions: this.modulePermissions.get(name) ?? [] },
    };
    this.setAccount(ctx, account);
    return account;
  }

  private nextAccountNumber(ctx: TxContext): bigint {
    const store = ctx.kvStore(AUTH_STORE);
    const stored = store.get(NEXT_ACCOUNT_NUMBER_KEY);
    const next = stored === undefined ? 0n : readUint64BE(stored);
    store.set(NEXT_ACCOUNT_NUMBER_KEY, uint64BE(next + 1n));
    return next;
  }

  private params(ctx: TxContext): AuthParams {
    const bytes = ctx.kvStore(AUTH_STORE).get(PARAMS_KEY);
    if (bytes === undefined) return DEFAULT_AUTH_PARAMS;
    // Every tx's ante handler reads the params: decoded once per stored value, as accounts are.
    let params = this.decodedParams.get(bytes);
    if (params === undefined) {
      const decoded = Params.decode(bytes);
      params = Object.freeze({
        maxMemoCharacters: Number(decoded.maxMemoCharacters),
        txSigLimit: Number(decoded.txSigLimit),
        txSizeCostPerByte: Number(decoded.txSizeCostPerByte),
        sigVerifyCostSecp256k1: Number(decoded.sigVerifyCostSecp256k1),
      });
      this.decodedParams.set(bytes, params);
    }
    return params;
  }
}

export function encodeParams(params: AuthParams): Uint8Array {
  return Params.encode(
    Params.fromPartial({
      maxMemoCharacters: BigInt(params.maxMemoCharacters),
      txSigLimit: BigInt(params.txSigLimit),
      txSizeCostPerByte: BigInt(params.txSizeCostPerByte),
      sigVerifyCostEd25519: 590n,
      sigVerifyCostSecp256k1: BigInt(params.sigVerifyCostSecp256k1),
    }),
  ).finish();
}

/** Accounts are stored as the Any that Query/Account returns, so queries copy bytes only. */
export function encodeAccount(account: Account, bech32: string): Uint8Array {
  const base = BaseAccount.fromPartial({
    address: bech32,
    pubKey:
      account.publicKey === undefined
        ? undefined
        : { typeUrl: SECP256K1_PUBKEY_TYPE, value: PubKey.encode({ key: account.publicKey }).finish() },
    accountNumber: account.accountNumber,
    sequence: account.sequence,
  });
  const any =
    account.module === undefined
      ? { typeUrl: BASE_ACCOUNT_TYPE, value: BaseAccount.encode(base).finish() }
      : {
          typeUrl: MODULE_ACCOUNT_TYPE,
          value: ModuleAccount.encode({
            baseAccount: base,
            name: account.module.name,
            permissions: [...account.module.permissions],
          }).finish(),
        };
  return Any.encode(any).finish();
}

export function decodeAccount(address: Uint8Array, bytes: Uint8Array): Account {
  const any = Any.decode(bytes);
  if (any.typeUrl === MODULE_ACCOUNT_TYPE) {
    const module = ModuleAccount.decode(any.value);
    const base = module.baseAccount ?? BaseAccount.fromPartial({});
    return { ...fromBase(address, base), module: { name: module.name, permissions: module.permissions } };
  }
  if (any.typeUrl !== BASE_ACCOUNT_TYPE)
    throw sdkErrors.logic.wrap(`stored account has unknown type ${any.typeUrl}`);
  return fromBase(address, BaseAccount.decode(any.value));
}

function fromBase(address: Uint8Array, base: BaseAccount): Account {
  return {
    address,
    publicKey: base.pubKey === undefined ? undefined : PubKey.decode(base.pubKey.value).key,
    accountNumber: base.accountNumber,
    sequence: base.sequence,
  };
}
