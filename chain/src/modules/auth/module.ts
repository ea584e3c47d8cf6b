import {
  Bech32PrefixResponse,
  QueryAccountInfoRequest,
  QueryAccountInfoResponse,
  QueryAccountRequest,
  QueryAccountResponse,
  QueryAccountsRequest,
  QueryAccountsResponse,
  QueryModuleAccountByNameRequest,
  QueryModuleAccountByNameResponse,
  QueryParamsResponse,
} from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { BaseAccount, Params } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { Any } from 'cosmjs-types/google/protobuf/any';
import { decodeRequest, grpcNotFound, decodeQueryAddress } from '../../errors/grpc';
import { paginate } from '../pagination';
import type { ChainModule, QueryHandler, TxContext } from '../types';
import {
  ACCOUNT_KEY_PREFIX,
  AUTH_STORE,
  SECP256K1_PUBKEY_TYPE,
  accountKey,
  encodeParams,
  type Account,
  type AuthParams,
} from './keeper';

const SERVICE = '/cosmos.auth.v1beta1.Query';

/** auth's genesis section (the SDK's JSON shape, reduced to what this chain uses). */
export interface AuthGenesis {
  params?: Partial<AuthParams>;
  /** Accounts in account-number order. */
  accounts?: ReadonlyArray<{ address: string }>;
}

function storedAccount(ctx: TxContext, address: string): Uint8Array {
  const bytes = ctx.kvStore(AUTH_STORE).get(accountKey(decodeQueryAddress(ctx.addresses, address)));
  if (bytes === undefined) throw grpcNotFound(`account ${address} not found`);
  return bytes;
}

const queries: QueryHandler[] = [
  {
    path: `${SERVICE}/Account`,
    handle(ctx, request) {
      const { address } = decodeRequest(QueryAccountRequest.decode, request, 'QueryAccountRequest');
      return QueryAccountResponse.encode({ account: Any.decode(storedAccount(ctx, address)) }).finish();
    },
  },
  {
    path: `${SERVICE}/AccountInfo`,
    handle(ctx, request) {
      const { address } = decodeRequest(QueryAccountInfoRequest.decode, request, 'QueryAccountInfoRequest');
      decodeQueryAddress(ctx.addresses, address);
      const account = ctx.auth.account(ctx.addresses.decode(address));
      if (account === undefined) throw grpcNotFound(`account ${address} not found`);
      return QueryAccountInfoResponse.encode({ info: baseAccount(ctx, account) }).finish();
    },
  },
  {
    path: `${SERVICE}/Accounts`,
    handle(ctx, request) {
      const { pagination } = decodeRequest(QueryAccountsRequest.decode, request, 'QueryAccountsRequest');
      const page = paginate(ctx.kvStore(AUTH_STORE), ACCOUNT_KEY_PREFIX, pagination, (_key, value) =>
        Any.decode(value),
      );
      return QueryAccountsResponse.encode({ accounts: page.items, pagination: page.pagination }).finish();
    },
  },
  {
    path: `${SERVICE}/Params`,
    handle(ctx) {
      return QueryParamsResponse.encode({ params: Params.decode(encodeParams(ctx.auth.params())) }).finish();
    },
  },
  {
    path: `${SERVICE}/ModuleAccountByName`,
    handle(ctx, request) {
      const { name } = decodeRequest(
        QueryModuleAccountByNameRequest.decode,
        request,
        'QueryModuleAccountByNameRequest',
      );
      let address: Uint8Array;
      try {
        address = ctx.auth.moduleAddress(name);
      } catch {
        throw grpcNotFound(`account ${name} not found`);
      }
      const bytes = ctx.kvStore(AUTH_STORE).get(accountKey(address));
      if (bytes === undefined) throw grpcNotFound(`account ${name} not found`);
      return QueryModuleAccountByNameResponse.encode({ account: Any.decode(bytes) }).finish();
    },
  },
  {
    path: `${SERVICE}/Bech32Prefix`,
    handle(ctx) {
      return Bech32PrefixResponse.encode({ bech32Prefix: ctx.addresses.prefix }).finish();
    },
  },
];

function baseAccount(ctx: TxContext, account: Account): BaseAccount {
  return BaseAccount.fromPartial({
    address: ctx.addresses.encode(account.address),
    pubKey:
      account.publicKey === undefined
        ? undefined
        : { typeUrl: SECP256K1_PUBKEY_TYPE, value: PubKey.encode({ key: account.publicKey }).finish() },
    accountNumber: account.accountNumber,
    sequence: account.sequence,
  });
}

export const FEE_COLLECTOR = 'fee_collector';

export function createAuthModule(): ChainModule {
  return {
    name: AUTH_STORE,
    queries,
    moduleAccounts: [{ name: FEE_COLLECTOR, permissions: [] }],
    blockedModuleAccounts: [FEE_COLLECTOR],
    initGenesis(ctx, state) {
      const genesis = (state ?? {}) as AuthGenesis;
      ctx.auth.setParams({ ...ctx.auth.params(), ...genesis.params });
      ctx.auth.moduleAccount(FEE_COLLECTOR);
      for (const { address } of genesis.accounts ?? []) {
        const bytes = ctx.addresses.decode(address, 'genesis account address');
        if (ctx.auth.hasAccount(bytes)) throw new Error(`genesis lists account ${address} twice`);
        ctx.auth.newAccount(bytes);
      }
    },
  };
}
