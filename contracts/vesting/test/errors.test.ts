// Every unauthorised or invalid call is refused with an error that says what is wrong, and a
// refused call writes nothing (the contract checks before it writes; the chain would also drop
// the writes of a failed call, which the double does too).
import { type ContractResult } from '@nymts/contract-std/test/support/host-double';
import {
  ADMIN,
  address,
  errorOf,
  MIXNET,
  okOf,
  OWNER,
  START,
  STAKER,
  STRANGER,
  TOKEN,
  Vesting,
} from './support/vesting';

const SPEC = { vesting_spec: { start_time: START, period_seconds: 100, num_periods: 4 } };

type Case = [string, (v: Vesting) => ContractResult, string | RegExp];

const CASES: Case[] = [
  [
    'NYM from a contract other than the token',
    (v) => v.send(ADMIN, '5', { create_account: { owner_address: address(9) } }, MIXNET),
    `Unauthorized: NYM must come from the token contract ${TOKEN}`,
  ],
  [
    'an account created by someone other than the admin',
    (v) => v.send(STRANGER, '5', { create_account: { owner_address: address(9) } }),
    `Unauthorized: ${STRANGER} is not the admin`,
  ],
  [
    'a second account for the same owner',
    (v) => v.createAccount(OWNER, '5'),
    `Account already exists: ${OWNER}`,
  ],
  [
    'an invalid owner address',
    (v) => v.createAccount('n1notanaddress', '5'),
    /^Invalid address in `owner_address`: Generic error: addr_validate errored: /,
  ],
  [
    'an invalid staking address',
    (v) => v.createAccount(address(9), '5', { staking_address: 'cosmos1x' }),
    /^Invalid address in `staking_address`/,
  ],
  [
    'zero periods',
    (v) => v.createAccount(address(9), '5', { vesting_spec: { num_periods: 0 } }),
    'A vesting schedule needs at least one period of at least one second',
  ],
  [
    'a schedule past u64 time',
    (v) =>
      v.createAccount(address(9), '5', {
        vesting_spec: { period_seconds: 9_007_199_254_740_991, num_periods: 4096 },
      }),
    'The vesting schedule ends beyond the representable time',
  ],
  [
    'a pledge cap above 100%',
    (v) => v.createAccount(address(9), '5', { cap: { percent: '1.01' } }),
    'A percentage pledge cap must be at most 1',
  ],
  [
    'an unknown field in the receive message',
    (v) => v.createAccount(address(9), '5', { colour: 'red' }),
    'Error parsing into type ReceiveMsg::create_account: unknown field `colour`, expected one of `owner_address`, `staking_address`, `vesting_spec`, `cap`',
  ],
  [
    'an unknown receive message',
    (v) => v.send(ADMIN, '5', { gift: {} }),
    /^Error parsing into type ReceiveMsg: unknown variant `gift`/,
  ],
  [
    'a receive message that is not JSON',
    (v) =>
      v.host.execute(TOKEN, {
        receive: { sender: ADMIN, amount: '5', msg: Buffer.from('{').toString('base64') },
      }),
    /^Error parsing into type ReceiveMsg: EOF while parsing an object at byte 1$/,
  ],
  [
    'a mixnet callback from someone else',
    (v) => v.send(STRANGER, '5', { track_reward: { owner: OWNER } }),
    `Unauthorized: ${STRANGER} is not the mixnet contract`,
  ],
  [
    'undelegation tracked for no delegation',
    (v) => v.send(MIXNET, '5', { track_undelegation: { owner: OWNER, mix_id: 3 } }),
    `No delegation of ${OWNER} to mix node 3`,
  ],
  [
    'withdrawal by a non-owner',
    (v) => v.execute(STRANGER, { withdraw_vested_coins: { amount: '1' } }),
    `Account does not exist: ${STRANGER}`,
  ],
  [
    'withdrawal before anything vested',
    (v) => v.execute(OWNER, { withdraw_vested_coins: { amount: '1' } }),
    'Nothing to withdraw: no vested NYM is spendable yet',
  ],
  [
    'withdrawal of more than is spendable',
    (v) => v.at(START + 100).execute(OWNER, { withdraw_vested_coins: { amount: '2001' } }),
    'Insufficient spendable balance: asked for 2001 unym, 2000 unym is spendable',
  ],
  [
    'an amount beyond u128',
    (v) => v.execute(OWNER, { withdraw_vested_coins: { amount: '340282366920938463463374607431768211456' } }),
    /invalid Uint128 for `amount`/,
  ],
  [
    'ownership transfer to an existing account',
    (v) => v.execute(OWNER, { transfer_ownership: { to_address: STAKER } }),
    `Account already exists: ${STAKER}`,
  ],
  [
    'ownership transfer to a bad address',
    (v) => v.execute(OWNER, { transfer_ownership: { to_address: 'N1UPPER' } }),
    /^Invalid address in `to_address`/,
  ],
  [
    'ownership transfer by a non-owner',
    (v) => v.execute(STRANGER, { transfer_ownership: { to_address: address(9) } }),
    `Account does not exist: ${STRANGER}`,
  ],
  [
    'update_admin by a non-admin',
    (v) => v.execute(OWNER, { update_admin: { admin: OWNER } }),
    `Unauthorized: ${OWNER} is not the admin`,
  ],
  [
    'update_admin to a bad address',
    (v) => v.execute(ADMIN, { update_admin: { admin: 'nope' } }),
    /^Invalid address in `admin`/,
  ],
  [
    'update_mixnet_address by a non-admin',
    (v) => v.execute(OWNER, { update_mixnet_address: { address: OWNER } }),
    `Unauthorized: ${OWNER} is not the admin`,
  ],
  [
    'update_locked_pledge_cap by a non-admin',
    (v) => v.execute(OWNER, { update_locked_pledge_cap: { address: OWNER, cap: { absolute: '1' } } }),
    `Unauthorized: ${OWNER} is not the admin`,
  ],
  [
    'update_locked_pledge_cap with a bad cap',
    (v) => v.execute(ADMIN, { update_locked_pledge_cap: { address: OWNER, cap: { percent: 'x' } } }),
    'Error parsing into type PledgeCap: Error parsing whole',
  ],
  [
    'update_locked_pledge_cap for no account',
    (v) => v.execute(ADMIN, { update_locked_pledge_cap: { address: STRANGER, cap: { absolute: '1' } } }),
    `Account does not exist: ${STRANGER}`,
  ],
  [
    'delegating more than the account holds',
    (v) => v.execute(OWNER, { delegate_to_mixnode: { mix_id: 1, amount: '8001' } }),
    'Insufficient balance: asked to stake 8001 unym, the account holds 8000',
  ],
  [
    'delegating nothing',
    (v) => v.execute(OWNER, { delegate_to_mixnode: { mix_id: 1, amount: '0' } }),
    'The amount to stake must be positive',
  ],
  [
    'a mix id beyond u32',
    (v) => v.execute(OWNER, { delegate_to_mixnode: { mix_id: 4294967296, amount: '1' } }),
    /`mix_id` out of range for u32/,
  ],
  [
    'undelegating without a delegation',
    (v) => v.execute(OWNER, { undelegate_from_mixnode: { mix_id: 1 } }),
    `No delegation of ${OWNER} to mix node 1`,
  ],
  [
    'unbonding without a bond',
    (v) => v.execute(OWNER, { unbond_mixnode: {} }),
    `Account ${OWNER} has no bonded mix node`,
  ],
  [
    'pledging more without a bond',
    (v) => v.execute(OWNER, { pledge_more: { amount: '1' } }),
    `Account ${OWNER} has no bonded mix node`,
  ],
  [
    'acting for an owner without being its staking address',
    (v) => v.execute(STRANGER, { unbond_mixnode: { on_behalf_of: OWNER } }),
    `Unauthorized: ${STRANGER} is not the staking address of ${OWNER}`,
  ],
  [
    'an unknown execute message',
    (v) => v.execute(OWNER, { steal: {} }),
    /^Error parsing into type ExecuteMsg: unknown variant `steal`/,
  ],
  [
    'a missing required field',
    (v) => v.execute(OWNER, { transfer_ownership: {} }),
    'Error parsing into type ExecuteMsg::transfer_ownership: missing field `to_address`',
  ],
];

describe('rejected calls', () => {
  let v: Vesting;

  beforeEach(async () => {
    v = await Vesting.start();
    okOf(v.createAccount(OWNER, '8000', { ...SPEC, staking_address: STAKER }));
    okOf(v.createAccount(STAKER, '10'));
  });

  test.each(CASES)('%s', (_name, call, message) => {
    const before = v.state();
    const error = errorOf(call(v));
    if (typeof message === 'string') expect(error).toBe(message);
    else expect(error).toMatch(message);
    expect(v.host.lastCallWrites).toBe(0);
    expect(v.state()).toBe(before);
  });

  test('queries about unknown accounts and with unknown fields are errors', () => {
    expect(errorOf(v.host.query({ get_account: { address: STRANGER } }))).toBe(
      `Account does not exist: ${STRANGER}`,
    );
    expect(errorOf(v.host.query({ get_vested_coins: { address: OWNER } }))).toMatch(
      /missing field `vesting_account_address`/,
    );
    expect(errorOf(v.host.query({ get_config: { verbose: true } }))).toMatch(/unknown field `verbose`/);
  });

  test('instantiation validates its addresses', async () => {
    const fresh = await Vesting.start();
    expect(errorOf(fresh.host.instantiate(ADMIN, { token_address: 'bad' }))).toMatch(
      /^Invalid address in `token_address`/,
    );
    expect(errorOf(fresh.host.instantiate(ADMIN, {}))).toBe(
      'Error parsing into type InstantiateMsg: missing field `token_address`',
    );
  });
});
