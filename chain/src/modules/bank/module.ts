import { Metadata, Params } from 'cosmjs-types/cosmos/bank/v1beta1/bank';
import {
  QueryAllBalancesRequest,
  QueryAllBalancesResponse,
  QueryBalanceRequest,
  QueryBalanceResponse,
  QueryDenomMetadataRequest,
  QueryDenomMetadataResponse,
  QueryDenomsMetadataRequest,
  QueryDenomsMetadataResponse,
  QueryParamsResponse,
  QuerySpendableBalanceByDenomRequest,
  QuerySpendableBalanceByDenomResponse,
  QuerySpendableBalancesRequest,
  QuerySpendableBalancesResponse,
  QuerySupplyOfRequest,
  QuerySupplyOfResponse,
  QueryTotalSupplyRequest,
  QueryTotalSupplyResponse,
} from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { fromUtf8 } from '../../encoding/bytes';
import { decodeRequest, grpcInvalidArgument, grpcNotFound, decodeQueryAddress } from '../../errors/grpc';
import { paginate } from '../pagination';
import type { ChainModule, QueryHandler, TxContext } from '../types';
import { fromCoinMessages, isValidDenom, normalizeCoins, parseAmount, type CoinMessage } from './coins';
import { BANK_STORE, METADATA_KEY_PREFIX, SUPPLY_KEY_PREFIX, balancesPrefix } from './keeper';
import { msgMultiSend, msgSend } from './messages';

const SERVICE = '/cosmos.bank.v1beta1.Query';

/** bank's genesis section: balances per address, optional denom metadata. */
export interface BankGenesis {
  balances?: ReadonlyArray<{ address: string; coins: readonly CoinMessage[] }>;
  denomMetadata?: readonly Metadata[];
}

function denom(text: string): string {
  if (!isValidDenom(text)) throw grpcInvalidArgument(`invalid denom ${JSON.stringify(text)}`);
  return text;
}

function balancePage(ctx: TxContext, owner: string, pagination: QueryAllBalancesRequest['pagination']) {
  const page = paginate(
    ctx.kvStore(BANK_STORE),
    balancesPrefix(decodeQueryAddress(ctx.addresses, owner)),
    pagination,
    (key, value) => ({
      denom: fromUtf8(key),
      amount: parseAmount(fromUtf8(value)).toString(),
    }),
  );
  return { balances: page.items, pagination: page.pagination };
}

function balanceOf(ctx: TxContext, owner: string, denomName: string) {
  return {
    denom: denomName,
    amount: ctx.bank.balance(decodeQueryAddress(ctx.addresses, owner), denom(denomName)).toString(),
  };
}

const queries: QueryHandler[] = [
  {
    path: `${SERVICE}/Balance`,
    handle(ctx, request) {
      const req = decodeRequest(QueryBalanceRequest.decode, request, 'QueryBalanceRequest');
      return QueryBalanceResponse.encode({ balance: balanceOf(ctx, req.address, req.denom) }).finish();
    },
  },
  {
    path: `${SERVICE}/AllBalances`,
    handle(ctx, request) {
      const req = decodeRequest(QueryAllBalancesRequest.decode, request, 'QueryAllBalancesRequest');
      return QueryAllBalancesResponse.encode(balancePage(ctx, req.address, req.pagination)).finish();
    },
  },
  {
    // Without vesting accounts every balance is spendable.
    path: `${SERVICE}/SpendableBalances`,
    handle(ctx, request) {
      const req = decodeRequest(
        QuerySpendableBalancesRequest.decode,
        request,
        'QuerySpendableBalancesRequest',
      );
      return QuerySpendableBalancesResponse.encode(balancePage(ctx, req.address, req.pagination)).finish();
    },
  },
  {
    path: `${SERVICE}/SpendableBalanceByDenom`,
    handle(ctx, request) {
      const req = decodeRequest(
        QuerySpendableBalanceByDenomRequest.decode,
        request,
        'QuerySpendableBalanceByDenomRequest',
      );
      return QuerySpendableBalanceByDenomResponse.encode({
        balance: balanceOf(ctx, req.address, req.denom),
      }).finish();
    },
  },
  {
    path: `${SERVICE}/TotalSupply`,
    handle(ctx, request) {
      const req = decodeRequest(QueryTotalSupplyRequest.decode, request, 'QueryTotalSupplyRequest');
      const page = paginate(ctx.kvStore(BANK_STORE), SUPPLY_KEY_PREFIX, req.pagination, (key, value) => ({
        denom: fromUtf8(key),
        amount: parseAmount(fromUtf8(value)).toString(),
      }));
      return QueryTotalSupplyResponse.encode({ supply: page.items, pagination: page.pagination }).finish();
    },
  },
  {
    path: `${SERVICE}/SupplyOf`,
    handle(ctx, request) {
      const req = decodeRequest(QuerySupplyOfRequest.decode, request, 'QuerySupplyOfRequest');
      return QuerySupplyOfResponse.encode({
        amount: { denom: req.denom, amount: ctx.bank.supply(denom(req.denom)).toString() },
      }).finish();
    },
  },
  {
    path: `${SERVICE}/DenomMetadata`,
    handle(ctx, request) {
      const req = decodeRequest(QueryDenomMetadataRequest.decode, request, 'QueryDenomMetadataRequest');
      const metadata = ctx.bank.denomMetadata(denom(req.denom));
      if (metadata === undefined) throw grpcNotFound(`client metadata for denom ${req.denom}`);
      return QueryDenomMetadataResponse.encode({ metadata }).finish();
    },
  },
  {
    path: `${SERVICE}/DenomsMetadata`,
    handle(ctx, request) {
      const req = decodeRequest(QueryDenomsMetadataRequest.decode, request, 'QueryDenomsMetadataRequest');
      const page = paginate(ctx.kvStore(BANK_STORE), METADATA_KEY_PREFIX, req.pagination, (_key, value) =>
        Metadata.decode(value),
      );
      return QueryDenomsMetadataResponse.encode({
        metadatas: page.items,
        pagination: page.pagination,
      }).finish();
    },
  },
  {
    path: `${SERVICE}/Params`,
    handle() {
      return QueryParamsResponse.encode({
        params: Params.fromPartial({ sendEnabled: [], defaultSendEnabled: true }),
      }).finish();
    },
  },
];

export function createBankModule(): ChainModule {
  return {
    name: BANK_STORE,
    messages: [msgSend, msgMultiSend],
    queries,
    initGenesis(ctx, state) {
      const genesis = (state ?? {}) as BankGenesis;
      for (const entry of genesis.balances ?? []) {
        const owner = ctx.addresses.decode(entry.address, 'genesis balance address');
        if (!ctx.auth.hasAccount(owner)) ctx.auth.newAccount(owner);
        for (const coin of normalizeCoins(
          fromCoinMessages(entry.coins, `genesis balance of ${entry.address}`),
        )) {
          ctx.bank.setBalance(owner, {
            denom: coin.denom,
            amount: ctx.bank.balance(owner, coin.denom) + coin.amount,
          });
          ctx.bank.setSupply({ denom: coin.denom, amount: ctx.bank.supply(coin.denom) + coin.amount });
        }
      }
      for (const metadata of genesis.denomMetadata ?? []) ctx.bank.setDenomMetadata(metadata);
    },
  };
}
