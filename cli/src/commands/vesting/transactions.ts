// `nymts vesting create|withdraw|transfer-ownership|set-admin`. Each checks the rules the contract
// enforces (admin, balances, what has vested) first, so a refusal says what is wrong.
import { Cw20BaseClient, parseAmount, VestingClient, type VestingTypes } from '@nymts/contracts-client';
import type { CommandHandler } from '../../framework/command';
import type { CommandOutput } from '../../framework/output';
import { CliError } from '../../framework/errors';
import { addressArg, amountArg, parseCount, parseTime } from '../../chain/args';
import { amountData, nymText, timeText, txData, txText } from '../../chain/format';
import { attempt, withSigner, type Signer } from '../../chain/session';
import { summaryData, summaryText } from './queries';
import type { VestingTxOptions } from './options';

function vesting(signer: Signer, options: VestingTxOptions): VestingClient {
  const { session } = signer;
  return new VestingClient(session.client, session.address, signer.contract('vesting', options.vesting));
}

async function requireAdmin(client: VestingClient, doing: string): Promise<VestingTypes.Config> {
  const config = await attempt('querying the vesting contract', () => client.getConfig());
  if (config.admin !== client.sender) {
    throw new CliError(
      'not_admin',
      `${client.sender} is not the vesting admin (${config.admin} is): only the admin may ${doing}`,
      {
        sender: client.sender,
        admin: config.admin,
      },
    );
  }
  return config;
}

/** Whether `owner` has an account: the contract answers an error for an unknown one. */
async function hasAccount(client: VestingClient, owner: string): Promise<boolean> {
  try {
    await client.getAccount({ address: owner });
    return true;
  } catch (error) {
    if (/Account does not exist/.test(String(error))) return false;
    throw error;
  }
}

type TxResult = Parameters<typeof txData>[0];

async function afterTx(
  client: VestingClient,
  owner: string,
  result: TxResult,
  facts: Record<string, unknown>,
  summary: string,
): Promise<CommandOutput> {
  const account = await attempt('querying the vesting account', () =>
    client.getAccountSummary({ address: owner }),
  );
  return {
    data: { ...facts, account: summaryData(account), ...txData(result) },
    text: `${summary}\n${summaryText(account)}\n${txText(result)}`,
  };
}

export interface VestingCreateOptions extends VestingTxOptions {
  startTime?: string;
  periodSeconds?: string;
  periods?: string;
  stakingAddress?: string;
  pledgeCap?: string;
}

/** `10%` is a fraction of the original amount; an amount (`5000`, `5000nym`) is absolute. */
function pledgeCap(text: string): VestingTypes.PledgeCap {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (percent !== null) return { percent: fractionOfHundred(percent[1]!, text) };
  try {
    return { absolute: parseAmount(text).toString() };
  } catch {
    throw new CliError(
      'pledge_cap_invalid',
      `--pledge-cap "${text}" is neither a percentage (10%) nor an amount (5000nym)`,
      { pledgeCap: text },
    );
  }
}

/** "12.5" (percent) → "0.125", exactly, as the contract's 18-place Decimal reads it. */
function fractionOfHundred(digits: string, text: string): string {
  const [whole, fraction = ''] = digits.split('.');
  const scaled = BigInt(`${whole}${fraction}`) * 10n ** BigInt(16 - fraction.length);
  if (fraction.length > 16 || scaled > 10n ** 18n) {
    throw new CliError(
      'pledge_cap_invalid',
      `--pledge-cap ${text} must be at most 100% with at most 16 decimals`,
      { pledgeCap: text },
    );
  }
  const padded = scaled.toString().padStart(19, '0');
  const result = `${padded.slice(0, -18)}.${padded.slice(-18)}`.replace(/\.?0+$/, '');
  return result === '' ? '0' : result;
}

export const vestingCreate: CommandHandler<VestingCreateOptions> = async (options) => {
  const owner = await addressArg(options.args?.[0], 'account owner');
  const amount = await amountArg(options.args?.[1]);
  const stakingAddress =
    options.stakingAddress === undefined
      ? undefined
      : await addressArg(options.stakingAddress, 'staking address');
  const spec: VestingTypes.VestingSpecification = {
    start_time: options.startTime === undefined ? undefined : parseTime(options.startTime, '--start-time'),
    period_seconds:
      options.periodSeconds === undefined
        ? undefined
        : parseCount(options.periodSeconds, '--period-seconds', { min: 1, max: Number.MAX_SAFE_INTEGER }),
    num_periods:
      options.periods === undefined
        ? undefined
        : parseCount(options.periods, '--periods', { min: 1, max: 100_000 }),
  };
  const cap = options.pledgeCap === undefined ? undefined : pledgeCap(options.pledgeCap);
  return withSigner(options, async (signer) => {
    const client = vesting(signer, options);
    const config = await requireAdmin(client, 'create vesting accounts');
    const token = new Cw20BaseClient(
      signer.session.client,
      client.sender,
      signer.contract('nym_token', options.token ?? config.token_address),
    );
    if (await attempt('querying the vesting account', () => hasAccount(client, owner))) {
      throw new CliError('account_exists', `${owner} already owns a vesting account`, { owner });
    }
    const { balance } = await attempt('querying the balance', () =>
      token.balance({ address: client.sender }),
    );
    if (BigInt(balance) < amount) {
      throw new CliError(
        'insufficient_nym',
        `not enough NYM: ${client.sender} holds ${nymText(balance)}, the account needs ${nymText(amount)}`,
        {
          balance,
          needed: amount.toString(),
        },
      );
    }
    const create: VestingTypes.ReceiveMsg = {
      create_account: { owner_address: owner, staking_address: stakingAddress, vesting_spec: spec, cap },
    };
    const msg = Buffer.from(JSON.stringify(create)).toString('base64');
    const result = await attempt('creating the vesting account', () =>
      token.send({ contract: client.contractAddress, amount: amount.toString(), msg }, signer.session.fee),
    );
    return afterTx(
      client,
      owner,
      result,
      { action: 'create_account', owner, amount: amountData(amount) },
      `created a vesting account of ${nymText(amount)} for ${owner}`,
    );
  });
};

/** When the next NYM of `owner`'s account vests, after `now`, if any more will. */
async function nextVesting(client: VestingClient, owner: string, now: number): Promise<number | undefined> {
  const schedule = await attempt('querying the schedule', () =>
    client.getVestingSchedule({ address: owner }),
  );
  return schedule.periods.find((period) => period.end_time > now && period.vested_at_end !== '0')?.end_time;
}

export const vestingWithdraw: CommandHandler<VestingTxOptions> = async (options) => {
  const text = options.args?.[0];
  if (text === undefined) throw new CliError('missing_argument', 'give the amount to withdraw, or "all"');
  const wanted = text === 'all' ? undefined : await amountArg(text);
  return withSigner(options, async (signer) => {
    const client = vesting(signer, options);
    const owner = client.sender;
    if (!(await attempt('querying the vesting account', () => hasAccount(client, owner)))) {
      throw new CliError('no_vesting_account', `${owner} owns no vesting account`, { owner });
    }
    const summary = await attempt('querying the vesting account', () =>
      client.getAccountSummary({ address: owner }),
    );
    const spendable = BigInt(summary.spendable);
    if (spendable === 0n) {
      const next = await nextVesting(client, owner, summary.block_time);
      throw new CliError(
        'nothing_vested',
        next === undefined
          ? `nothing to withdraw: ${owner}'s account has no spendable NYM`
          : `nothing vested yet: the next NYM of ${owner}'s account vests at ${timeText(next)}`,
        { owner, next_vesting: next ?? null },
      );
    }
    const amount = wanted ?? spendable;
    if (amount > spendable) {
      throw new CliError(
        'insufficient_spendable',
        `only ${nymText(spendable)} has vested and is spendable, not ${nymText(amount)}`,
        {
          spendable: spendable.toString(),
          asked: amount.toString(),
        },
      );
    }
    const result = await attempt('withdrawing vested NYM', () =>
      client.withdrawVestedCoins({ amount: amount.toString() }, signer.session.fee),
    );
    return afterTx(
      client,
      owner,
      result,
      { action: 'withdraw', owner, amount: amountData(amount) },
      `withdrew ${nymText(amount)} to ${owner}`,
    );
  });
};

export const vestingTransferOwnership: CommandHandler<VestingTxOptions> = async (options) => {
  const to = await addressArg(options.args?.[0], 'new owner');
  return withSigner(options, async (signer) => {
    const client = vesting(signer, options);
    const from = client.sender;
    if (!(await attempt('querying the vesting account', () => hasAccount(client, from)))) {
      throw new CliError('no_vesting_account', `${from} owns no vesting account to transfer`, {
        owner: from,
      });
    }
    if (await attempt('querying the vesting account', () => hasAccount(client, to))) {
      throw new CliError('account_exists', `${to} already owns a vesting account`, { owner: to });
    }
    const result = await attempt('transferring the vesting account', () =>
      client.transferOwnership({ toAddress: to }, signer.session.fee),
    );
    return afterTx(
      client,
      to,
      result,
      { action: 'transfer_ownership', from, to },
      `${from}'s vesting account now belongs to ${to}`,
    );
  });
};

export const vestingSetAdmin: CommandHandler<VestingTxOptions> = async (options) => {
  const admin = await addressArg(options.args?.[0], 'new admin');
  return withSigner(options, async (signer) => {
    const client = vesting(signer, options);
    await requireAdmin(client, 'hand the admin role on');
    const result = await attempt('setting the vesting admin', () =>
      client.updateAdmin({ admin }, signer.session.fee),
    );
    return {
      data: { action: 'update_admin', admin, ...txData(result) },
      text: `the vesting admin is now ${admin}\n${txText(result)}`,
    };
  });
};
