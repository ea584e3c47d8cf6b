// `nymts vesting account|schedule|vested|spendable|accounts`: reads of the vesting contract.
import { VestingQueryClient, type VestingTypes } from '@nymts/contracts-client';
import type { CommandHandler } from '../../framework/command';
import { addressArg, addressOrKey, parseCount, parseTime } from '../../chain/args';
import { amountData, nymText, timeText } from '../../chain/format';
import { attempt, withReader, type Reader } from '../../chain/session';
import type { VestingQueryOptions } from './options';

export function vestingQueries(reader: Reader, override: string | undefined): VestingQueryClient {
  return new VestingQueryClient(reader.client, reader.contract('vesting', override));
}

export function periodText(period: VestingTypes.Period): string {
  if (period === 'before') return 'not started';
  if (period === 'after') return 'fully vested';
  return `period ${period.in + 1}`;
}

/** The summary's amounts as JSON data. */
export function summaryData(summary: VestingTypes.AccountSummary): Record<string, unknown> {
  const amounts = [
    'original',
    'vested',
    'vesting',
    'locked',
    'spendable',
    'balance',
    'withdrawn',
    'delegated',
    'pledged',
  ] as const;
  return {
    owner: summary.owner_address,
    block_time: summary.block_time,
    current_period: summary.current_period,
    ...Object.fromEntries(amounts.map((name) => [name, amountData(summary[name])])),
  };
}

export function summaryText(summary: VestingTypes.AccountSummary): string {
  return [
    `vesting account of ${summary.owner_address} at ${timeText(summary.block_time)} (${periodText(summary.current_period)})`,
    `  original   ${nymText(summary.original)}`,
    `  vested     ${nymText(summary.vested)}`,
    `  vesting    ${nymText(summary.vesting)}`,
    `  spendable  ${nymText(summary.spendable)}`,
    `  withdrawn  ${nymText(summary.withdrawn)}`,
    `  balance    ${nymText(summary.balance)} (delegated ${nymText(summary.delegated)}, pledged ${nymText(summary.pledged)})`,
  ].join('\n');
}

export const vestingAccount: CommandHandler<VestingQueryOptions> = async (options) => {
  const owner = await addressOrKey(options, options.args?.[0], 'account owner');
  return withReader(options, async (reader) => {
    const vesting = vestingQueries(reader, options.vesting);
    const [account, summary] = await attempt('querying the vesting account', () =>
      Promise.all([vesting.getAccount({ address: owner }), vesting.getAccountSummary({ address: owner })]),
    );
    const data = {
      ...summaryData(summary),
      id: account.id,
      staking_address: account.staking_address ?? null,
      start_time: account.start_time,
      period_seconds: account.period_seconds,
      num_periods: account.num_periods,
      pledge_cap: account.pledge_cap,
    };
    const text = [
      summaryText(summary),
      `  schedule   ${account.num_periods} periods of ${account.period_seconds} s from ${timeText(account.start_time)}`,
      `  staking    ${account.staking_address ?? 'no staking address'}`,
    ].join('\n');
    return { data, text };
  });
};

export const vestingSchedule: CommandHandler<VestingQueryOptions> = async (options) => {
  const owner = await addressOrKey(options, options.args?.[0], 'account owner');
  return withReader(options, async (reader) => {
    const schedule = await attempt('querying the schedule', () =>
      vestingQueries(reader, options.vesting).getVestingSchedule({ address: owner }),
    );
    const periods = schedule.periods.map((period, index) => ({
      period: index + 1,
      start_time: period.start_time,
      end_time: period.end_time,
      vested_at_end: amountData(period.vested_at_end),
    }));
    const text = [
      `vesting schedule of ${owner}: ${timeText(schedule.start_time)} to ${timeText(schedule.end_time)}`,
      ...periods.map(
        (p) =>
          `  ${String(p.period).padStart(3)}  ends ${timeText(p.end_time)}  ${p.vested_at_end.nym} NYM vested`,
      ),
    ].join('\n');
    return { data: { owner, start_time: schedule.start_time, end_time: schedule.end_time, periods }, text };
  });
};

export interface VestingAtOptions extends VestingQueryOptions {
  /** Evaluate at this time instead of the latest block's. */
  at?: string;
}

function amountQuery(kind: 'vested' | 'spendable'): CommandHandler<VestingAtOptions> {
  return async (options) => {
    const owner = await addressOrKey(options, options.args?.[0], 'account owner');
    const blockTime = options.at === undefined ? undefined : parseTime(options.at, '--at');
    return withReader(options, async (reader) => {
      const summary = await attempt(`querying the ${kind} NYM`, () =>
        vestingQueries(reader, options.vesting).getAccountSummary({ address: owner, blockTime }),
      );
      const amount = kind === 'vested' ? summary.vested : summary.spendable;
      return {
        data: {
          owner,
          block_time: summary.block_time,
          [kind]: amountData(amount),
          original: amountData(summary.original),
        },
        text: `${owner}: ${nymText(amount)} ${kind} of ${nymText(summary.original)} at ${timeText(summary.block_time)}`,
      };
    });
  };
}

export const vestingVested = amountQuery('vested');
export const vestingSpendable = amountQuery('spendable');

export interface VestingAccountsOptions extends VestingQueryOptions {
  startAfter?: string;
  limit?: string;
  all?: boolean;
}

const MAX_PAGE = 100;

export const vestingAccounts: CommandHandler<VestingAccountsOptions> = async (options) => {
  const limit =
    options.limit === undefined ? 50 : parseCount(options.limit, '--limit', { min: 1, max: MAX_PAGE });
  const first =
    options.startAfter === undefined
      ? undefined
      : await addressArg(options.startAfter, '--start-after address');
  return withReader(options, async (reader) => {
    const vesting = vestingQueries(reader, options.vesting);
    let startNextAfter = first;
    const accounts: Array<{ id: number; owner: string }> = [];
    for (;;) {
      const page = await attempt('listing the vesting accounts', () =>
        vesting.getAccountsPaged({ startNextAfter, limit }),
      );
      accounts.push(...page.accounts.map(({ account_id, owner }) => ({ id: account_id, owner })));
      startNextAfter = page.start_next_after ?? undefined;
      if (options.all !== true || startNextAfter === undefined) break;
    }
    const lines =
      accounts.length === 0
        ? ['no vesting accounts']
        : accounts.map((a) => `${String(a.id).padStart(5)}  ${a.owner}`);
    if (startNextAfter !== undefined) lines.push(`more: --start-after ${startNextAfter}`);
    return { data: { accounts, next_start_after: startNextAfter ?? null }, text: lines.join('\n') };
  });
};
