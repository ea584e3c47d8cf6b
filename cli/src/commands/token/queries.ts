// `nymts token info|balance|allowance|holders`: reads of the NYM token.
import { Cw20BaseQueryClient } from '@nymts/contracts-client';
import type { CommandHandler } from '../../framework/command';
import { addressArg, addressOrKey, parseCount } from '../../chain/args';
import { amountData, nymText } from '../../chain/format';
import { attempt, withReader, type Reader } from '../../chain/session';
import type { TokenQueryOptions } from './options';

function token(reader: Reader, options: TokenQueryOptions): Cw20BaseQueryClient {
  return new Cw20BaseQueryClient(reader.client, reader.contract('nym_token', options.token));
}

export const tokenInfo: CommandHandler<TokenQueryOptions> = (options) =>
  withReader(options, async (reader) => {
    const client = token(reader, options);
    const [info, minter] = await attempt('querying the token', () =>
      Promise.all([client.tokenInfo(), client.minter()]),
    );
    const cap = minter?.cap ?? null;
    const data = {
      address: client.contractAddress,
      name: info.name,
      symbol: info.symbol,
      decimals: info.decimals,
      total_supply: amountData(info.total_supply),
      minter: minter?.minter ?? null,
      cap: cap === null ? null : amountData(cap),
    };
    const text = [
      `${info.name} (${info.symbol}, ${info.decimals} decimals) at ${data.address}`,
      `  total supply  ${nymText(info.total_supply)}`,
      `  minter        ${data.minter ?? 'none (the supply is fixed)'}`,
      `  cap           ${cap === null ? 'none' : nymText(cap)}`,
    ].join('\n');
    return { data, text };
  });

export const tokenBalance: CommandHandler<TokenQueryOptions> = async (options) => {
  const address = await addressOrKey(options, options.args?.[0], 'address');
  return withReader(options, async (reader) => {
    const { balance } = await attempt('querying the balance', () =>
      token(reader, options).balance({ address }),
    );
    return { data: { address, balance: amountData(balance) }, text: `${address} holds ${nymText(balance)}` };
  });
};

export const tokenAllowance: CommandHandler<TokenQueryOptions> = async (options) => {
  const owner = await addressArg(options.args?.[0], 'owner');
  const spender = await addressArg(options.args?.[1], 'spender');
  return withReader(options, async (reader) => {
    const answer = await attempt('querying the allowance', () =>
      token(reader, options).allowance({ owner, spender }),
    );
    return {
      data: { owner, spender, allowance: amountData(answer.allowance), expires: answer.expires },
      text: `${spender} may move ${nymText(answer.allowance)} of ${owner}'s NYM (expires: ${JSON.stringify(answer.expires)})`,
    };
  });
};

export interface TokenHoldersOptions extends TokenQueryOptions {
  startAfter?: string;
  limit?: string;
  all?: boolean;
}

/** cw20-base answers at most 30 accounts a page. */
const MAX_PAGE = 30;

export const tokenHolders: CommandHandler<TokenHoldersOptions> = async (options) => {
  const limit =
    options.limit === undefined ? MAX_PAGE : parseCount(options.limit, '--limit', { min: 1, max: MAX_PAGE });
  const first =
    options.startAfter === undefined
      ? undefined
      : await addressArg(options.startAfter, '--start-after address');
  return withReader(options, async (reader) => {
    const client = token(reader, options);
    let startAfter = first;
    const holders: Array<{ address: string; balance: ReturnType<typeof amountData> }> = [];
    for (;;) {
      const { accounts } = await attempt('listing the holders', () =>
        client.allAccounts({ startAfter, limit }),
      );
      for (const address of accounts) {
        const { balance } = await attempt('querying a balance', () => client.balance({ address }));
        holders.push({ address, balance: amountData(balance) });
      }
      startAfter = accounts.length === limit ? accounts[accounts.length - 1] : undefined;
      if (options.all !== true || startAfter === undefined) break;
    }
    const text =
      holders.length === 0
        ? 'no holders'
        : holders.map((h) => `${h.address}  ${h.balance.nym} NYM`).join('\n');
    const more = startAfter === undefined ? '' : `\nmore: --start-after ${startAfter}`;
    return { data: { holders, next_start_after: startAfter ?? null }, text: text + more };
  });
};
