// The vesting lifecycle over simulated time: an account created by the admin's cw20 Send, NYM
// vesting at period boundaries, withdrawals, ownership and staking-address changes.
import {
  ADMIN,
  address,
  errorOf,
  messagesOf,
  okOf,
  OWNER,
  START,
  STRANGER,
  TOKEN,
  Vesting,
} from './support/vesting';

const PERIOD = 100;
const SPEC = { vesting_spec: { start_time: START + 50, period_seconds: PERIOD, num_periods: 4 } };
const FIRST = START + 50;

describe('vesting schedule', () => {
  let v: Vesting;

  beforeEach(async () => {
    v = await Vesting.start();
    okOf(v.createAccount(OWNER, '8000', SPEC));
  });

  test('amounts before, during and after the periods', () => {
    const expectAmounts = (time: number, vested: string, spendable: string) => {
      v.at(time);
      expect(v.amount('get_vested_coins', OWNER)).toBe(vested);
      expect(v.amount('get_vesting_coins', OWNER)).toBe(String(8000 - Number(vested)));
      expect(v.amount('locked_coins', OWNER)).toBe(String(8000 - Number(vested)));
      expect(v.amount('spendable_coins', OWNER)).toBe(spendable);
    };
    expectAmounts(START, '0', '0'); // before the start
    expectAmounts(FIRST, '0', '0'); // during the first period nothing has vested
    expectAmounts(FIRST + PERIOD - 1, '0', '0');
    expectAmounts(FIRST + PERIOD, '2000', '2000'); // a boundary vests one quarter
    expectAmounts(FIRST + 3 * PERIOD + 99, '6000', '6000');
    expectAmounts(FIRST + 4 * PERIOD, '8000', '8000'); // the end vests the rest
    expectAmounts(FIRST + 100 * PERIOD, '8000', '8000');
    // block_time asks about another moment without moving the chain.
    expect(v.amount('get_vested_coins', OWNER, { block_time: FIRST + 2 * PERIOD })).toBe('4000');
  });

  test('the schedule, the current period and the account record', () => {
    expect(v.query({ get_vesting_schedule: { address: OWNER } })).toEqual({
      start_time: FIRST,
      end_time: FIRST + 4 * PERIOD,
      periods: [1, 2, 3, 4].map((i) => ({
        start_time: FIRST + (i - 1) * PERIOD,
        end_time: FIRST + i * PERIOD,
        vested_at_end: String(2000 * i),
      })),
    });
    expect(v.at(START).query({ get_current_vesting_period: { address: OWNER } })).toBe('before');
    expect(v.at(FIRST + 250).query({ get_current_vesting_period: { address: OWNER } })).toEqual({ in: 2 });
    expect(v.at(FIRST + 400).query({ get_current_vesting_period: { address: OWNER } })).toBe('after');
    expect(v.query({ get_account: { address: OWNER } })).toEqual({
      id: 1,
      owner_address: OWNER,
      staking_address: null,
      start_time: FIRST,
      period_seconds: PERIOD,
      num_periods: 4,
      original: '8000',
      balance: '8000',
      withdrawn: '0',
      delegated: '0',
      pledged: '0',
      pledge_cap: { percent: '0.1' },
    });
  });

  test('uneven amounts vest in floor steps and the last period vests the remainder', async () => {
    okOf(
      v.createAccount(address(7), '10', {
        vesting_spec: { start_time: FIRST, period_seconds: 10, num_periods: 3 },
      }),
    );
    const vestedAt = (t: number) => v.at(t).amount('get_vested_coins', address(7));
    expect([vestedAt(FIRST + 10), vestedAt(FIRST + 20), vestedAt(FIRST + 30)]).toEqual(['3', '6', '10']);
  });

  test('defaults: 8 periods of 90 days from the block time, 10% pledge cap', async () => {
    okOf(v.at(START + 7).createAccount(address(8), '800'));
    const schedule = v.query({ get_vesting_schedule: { address: address(8) } }) as {
      start_time: number;
      periods: unknown[];
    };
    expect(schedule.start_time).toBe(START + 7);
    expect(schedule.periods).toHaveLength(8);
    expect(v.query({ get_vesting_schedule: { address: address(8) } })).toMatchObject({
      end_time: START + 7 + 8 * 7_776_000,
    });
    expect(v.query({ get_locked_pledge_cap: { address: address(8) } })).toEqual({ percent: '0.1' });
  });
});

describe('withdrawals', () => {
  let v: Vesting;

  beforeEach(async () => {
    v = await Vesting.start();
    okOf(v.createAccount(OWNER, '8000', SPEC));
  });

  test('withdraw what has vested at each boundary; the token transfers it to the owner', () => {
    expect(errorOf(v.at(FIRST + 99).execute(OWNER, { withdraw_vested_coins: { amount: '1' } }))).toBe(
      'Nothing to withdraw: no vested NYM is spendable yet',
    );
    const first = okOf(v.at(FIRST + PERIOD).execute(OWNER, { withdraw_vested_coins: { amount: '1500' } }));
    expect(messagesOf(first)).toEqual([
      { execute: { contract: TOKEN, msg: { transfer: { recipient: OWNER, amount: '1500' } } } },
    ]);
    expect(errorOf(v.execute(OWNER, { withdraw_vested_coins: { amount: '501' } }))).toBe(
      'Insufficient spendable balance: asked for 501 unym, 500 unym is spendable',
    );
    okOf(v.execute(OWNER, { withdraw_vested_coins: { amount: '500' } }));
    expect(errorOf(v.execute(OWNER, { withdraw_vested_coins: { amount: '1' } }))).toBe(
      'Nothing to withdraw: no vested NYM is spendable yet',
    );
    v.at(FIRST + 4 * PERIOD);
    expect(v.amount('spendable_coins', OWNER)).toBe('6000');
    okOf(v.execute(OWNER, { withdraw_vested_coins: { amount: '6000' } }));
    expect(v.summary(OWNER)).toMatchObject({
      balance: '0',
      withdrawn: '8000',
      spendable: '0',
      locked: '0',
      vested: '8000',
    });
  });

  test('only the owner withdraws, and only positive amounts', () => {
    v.at(FIRST + 4 * PERIOD);
    expect(errorOf(v.execute(STRANGER, { withdraw_vested_coins: { amount: '1' } }))).toBe(
      `Account does not exist: ${STRANGER}`,
    );
    expect(errorOf(v.execute(OWNER, { withdraw_vested_coins: { amount: '0' } }))).toBe(
      'The amount to withdraw must be positive',
    );
    expect(errorOf(v.execute(OWNER, { withdraw_vested_coins: { amount: '1e3' } }))).toBe(
      'Error parsing into type ExecuteMsg::withdraw_vested_coins: invalid Uint128 for `amount`: "1e3"',
    );
  });
});

describe('ownership and admin', () => {
  let v: Vesting;

  beforeEach(async () => {
    v = await Vesting.start();
    okOf(v.createAccount(OWNER, '8000', SPEC));
  });

  test('ownership moves the account (id and balances) to the new owner', () => {
    const newOwner = address(9);
    okOf(v.execute(OWNER, { transfer_ownership: { to_address: newOwner } }));
    expect(errorOf(v.at(FIRST + PERIOD).execute(OWNER, { withdraw_vested_coins: { amount: '1' } }))).toBe(
      `Account does not exist: ${OWNER}`,
    );
    okOf(v.execute(newOwner, { withdraw_vested_coins: { amount: '2000' } }));
    expect(v.query({ get_account: { address: newOwner } })).toMatchObject({
      id: 1,
      owner_address: newOwner,
      withdrawn: '2000',
    });
  });

  test('the staking address can be set and cleared by the owner', () => {
    okOf(v.execute(OWNER, { update_staking_address: { to_address: address(4) } }));
    expect(v.query({ get_account: { address: OWNER } })).toMatchObject({ staking_address: address(4) });
    okOf(v.execute(OWNER, { update_staking_address: {} }));
    expect(v.query({ get_account: { address: OWNER } })).toMatchObject({ staking_address: null });
  });

  test('the admin can hand over the admin role; the old admin loses it', () => {
    okOf(v.execute(ADMIN, { update_admin: { admin: address(5) } }));
    expect(v.query({ get_config: {} })).toMatchObject({ admin: address(5), token_address: TOKEN });
    expect(errorOf(v.createAccount(address(6), '1'))).toBe(`Unauthorized: ${ADMIN} is not the admin`);
    okOf(v.send(address(5), '1', { create_account: { owner_address: address(6) } }));
  });

  test('accounts are listed in pages', () => {
    const owners = [10, 11, 12, 13].map((n) => address(n));
    for (const owner of owners) okOf(v.createAccount(owner, '1'));
    const all = [OWNER, ...owners].sort();
    const first = v.query({ get_accounts_paged: { limit: 3 } }) as {
      accounts: Array<{ owner: string }>;
      start_next_after: string;
    };
    expect(first.accounts.map((a) => a.owner)).toEqual(all.slice(0, 3));
    expect(first.start_next_after).toBe(all[2]);
    const second = v.query({ get_accounts_paged: { limit: 3, start_next_after: first.start_next_after } });
    expect(second).toEqual({
      accounts: all
        .slice(3)
        .map((owner) => ({ account_id: owner === OWNER ? 1 : owners.indexOf(owner) + 2, owner })),
      start_next_after: null,
    });
  });

  test('migrate accepts an empty message', () => {
    const env = {
      block: { height: 1, time: '0', chain_id: 'c' },
      transaction: null,
      contract: { address: TOKEN },
    };
    expect(okOf(v.host.call('migrate', [env, {}]))).toMatchObject({
      attributes: [{ key: 'action', value: 'migrate' }],
    });
    expect(errorOf(v.host.call('migrate', [env, { x: 1 }]))).toMatch(/unknown field `x`/);
  });
});
