// Staking unvested NYM through the mixnet contract: the vesting contract sends NYM with a cw20
// Send carrying an `…_on_behalf` message, and the mixnet contract returns NYM with a cw20 Send
// carrying a `track_…` message. The mixnet side is played by the test.
import {
  ADMIN,
  errorOf,
  messagesOf,
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

let v: Vesting;

beforeEach(async () => {
  v = await Vesting.start();
  okOf(v.createAccount(OWNER, '8000', { ...SPEC, staking_address: STAKER }));
});

test('delegating unvested NYM: sent to the mixnet contract, locked shrinks, spendable does not', () => {
  v.at(START + 100); // 2000 vested
  const response = okOf(v.execute(OWNER, { delegate_to_mixnode: { mix_id: 7, amount: '3000' } }));
  expect(messagesOf(response)).toEqual([
    {
      execute: {
        contract: TOKEN,
        msg: {
          send: {
            contract: MIXNET,
            amount: '3000',
            msg: { delegate_to_mixnode_on_behalf: { mix_id: 7, delegate: OWNER } },
          },
        },
      },
    },
  ]);
  expect(v.summary(OWNER)).toMatchObject({
    balance: '5000',
    delegated: '3000',
    vesting: '6000',
    locked: '3000',
    spendable: '2000',
  });
  expect(v.query({ get_delegation: { address: OWNER, mix_id: 7 } })).toEqual({ amount: '3000' });
  expect(v.amount('get_delegated_coins', OWNER)).toBe('3000');
});

test('undelegating asks the mixnet contract; the NYM it returns (with rewards) is tracked', () => {
  okOf(v.execute(OWNER, { delegate_to_mixnode: { mix_id: 7, amount: '3000' } }));
  const response = okOf(v.execute(OWNER, { undelegate_from_mixnode: { mix_id: 7 } }));
  expect(response).toMatchObject({
    messages: [
      {
        msg: {
          wasm: {
            execute: {
              contract_addr: MIXNET,
              msg: Buffer.from(
                JSON.stringify({ undelegate_from_mixnode_on_behalf: { mix_id: 7, delegate: OWNER } }),
              ).toString('base64'),
            },
          },
        },
      },
    ],
  });
  expect(v.summary(OWNER)).toMatchObject({ delegated: '3000' }); // until the mixnet contract returns it
  okOf(v.send(MIXNET, '3100', { track_undelegation: { owner: OWNER, mix_id: 7 } }));
  expect(v.summary(OWNER)).toMatchObject({ balance: '8100', delegated: '0' });
  expect(v.query({ get_delegation: { address: OWNER, mix_id: 7 } })).toEqual({ amount: '0' });
  okOf(v.send(MIXNET, '50', { track_reward: { owner: OWNER } }));
  expect(v.summary(OWNER)).toMatchObject({ balance: '8150', spendable: '150' }); // returns beyond the schedule are free
});

test('bonding a mix node is capped by the locked pledge cap, which the admin can change', () => {
  const bond = (amount: string) => ({
    bond_mixnode: {
      mix_node: { host: '1.2.3.4', mix_port: 1789 },
      cost_params: { profit_margin_percent: '0.1' },
      owner_signature: 'sig',
      amount,
    },
  });
  expect(errorOf(v.execute(OWNER, bond('801')))).toBe(
    'Locked pledge cap reached: pledging 801 unym exceeds the cap of 800',
  );
  const response = okOf(v.execute(OWNER, bond('800')));
  expect(messagesOf(response)).toEqual([
    {
      execute: {
        contract: TOKEN,
        msg: {
          send: {
            contract: MIXNET,
            amount: '800',
            msg: {
              bond_mixnode_on_behalf: {
                mix_node: { host: '1.2.3.4', mix_port: 1789 },
                cost_params: { profit_margin_percent: '0.1' },
                owner_signature: 'sig',
                owner: OWNER,
              },
            },
          },
        },
      },
    },
  ]);
  expect(errorOf(v.execute(OWNER, bond('1')))).toBe(`Account ${OWNER} already has a bonded node`);
  expect(errorOf(v.execute(OWNER, { pledge_more: { amount: '1' } }))).toBe(
    'Locked pledge cap reached: pledging 801 unym exceeds the cap of 800',
  );
  okOf(v.execute(ADMIN, { update_locked_pledge_cap: { address: OWNER, cap: { absolute: '1000' } } }));
  okOf(v.execute(OWNER, { pledge_more: { amount: '200' } }));
  expect(v.amount('get_pledged_coins', OWNER)).toBe('1000');
  okOf(v.execute(OWNER, { unbond_mixnode: {} }));
  okOf(v.send(MIXNET, '1000', { track_unbond: { owner: OWNER } }));
  expect(v.summary(OWNER)).toMatchObject({ pledged: '0', balance: '8000' });
});

test('the staking address acts on behalf of the owner; nobody else does', () => {
  okOf(v.execute(STAKER, { delegate_to_mixnode: { mix_id: 1, amount: '10', on_behalf_of: OWNER } }));
  expect(v.amount('get_delegated_coins', OWNER)).toBe('10');
  expect(
    errorOf(v.execute(STRANGER, { delegate_to_mixnode: { mix_id: 1, amount: '10', on_behalf_of: OWNER } })),
  ).toBe(`Unauthorized: ${STRANGER} is not the staking address of ${OWNER}`);
});

test('staking needs a configured mixnet contract', async () => {
  const bare = await Vesting.start(null);
  okOf(bare.createAccount(OWNER, '100'));
  expect(errorOf(bare.execute(OWNER, { delegate_to_mixnode: { mix_id: 1, amount: '1' } }))).toBe(
    'No mixnet contract is configured yet',
  );
  okOf(bare.execute(ADMIN, { update_mixnet_address: { address: MIXNET } }));
  okOf(bare.execute(OWNER, { delegate_to_mixnode: { mix_id: 1, amount: '1' } }));
});

test('gateways, pledge decreases, config and cost updates and reward claims go to the mixnet contract', () => {
  const sent = (msg: unknown) =>
    messagesOf(okOf(v.execute(OWNER, msg))) as Array<{ execute: { contract: string; msg: unknown } }>;
  const gateway = { host: 'gw.example', mix_port: 1789 };
  expect(sent({ bond_gateway: { gateway, owner_signature: 'sig', amount: '500' } })).toEqual([
    {
      execute: {
        contract: TOKEN,
        msg: {
          send: {
            contract: MIXNET,
            amount: '500',
            msg: { bond_gateway_on_behalf: { gateway, owner_signature: 'sig', owner: OWNER } },
          },
        },
      },
    },
  ]);
  expect(v.amount('get_pledged_coins', OWNER)).toBe('500');
  const asks: Array<[unknown, unknown]> = [
    [{ unbond_gateway: {} }, { unbond_gateway_on_behalf: { owner: OWNER } }],
    [
      { decrease_pledge: { amount: '100' } },
      { decrease_pledge_on_behalf: { decrease_by: '100', owner: OWNER } },
    ],
    [
      { update_mixnode_cost_params: { new_costs: { profit_margin_percent: '0.2' } } },
      { update_mixnode_cost_params_on_behalf: { new_costs: { profit_margin_percent: '0.2' }, owner: OWNER } },
    ],
    [
      { update_mixnode_config: { new_config: { host: 'h' } } },
      { update_mixnode_config_on_behalf: { new_config: { host: 'h' }, owner: OWNER } },
    ],
    [
      { update_gateway_config: { new_config: { host: 'h' } } },
      { update_gateway_config_on_behalf: { new_config: { host: 'h' }, owner: OWNER } },
    ],
    [{ claim_operator_reward: {} }, { withdraw_operator_reward_on_behalf: { owner: OWNER } }],
    [
      { claim_delegator_reward: { mix_id: 3 } },
      { withdraw_delegator_reward_on_behalf: { mix_id: 3, owner: OWNER } },
    ],
  ];
  for (const [msg, expected] of asks) {
    const response = okOf(v.execute(OWNER, msg)) as {
      messages: Array<{ msg: { wasm: { execute: unknown } } }>;
    };
    expect(response.messages).toHaveLength(1);
    expect(response.messages[0]!.msg.wasm.execute).toMatchObject({
      contract_addr: MIXNET,
      msg: Buffer.from(JSON.stringify(expected)).toString('base64'),
    });
  }
  expect(errorOf(v.execute(OWNER, { decrease_pledge: { amount: '500' } }))).toBe(
    'The pledge decrease must be positive and below the pledge of 500 unym',
  );
  okOf(v.send(MIXNET, '100', { track_decrease_pledge: { owner: OWNER } }));
  expect(v.summary(OWNER)).toMatchObject({ pledged: '400', balance: '7600' });
});

test('an account with NYM staked cannot change owner (the mixnet contract returns stake to its owner)', () => {
  okOf(v.execute(OWNER, { delegate_to_mixnode: { mix_id: 7, amount: '10' } }));
  expect(errorOf(v.execute(OWNER, { transfer_ownership: { to_address: STRANGER } }))).toBe(
    `Account ${OWNER} has NYM staked through the mixnet contract; unstake it before transferring ownership`,
  );
  okOf(v.send(MIXNET, '10', { track_undelegation: { owner: OWNER, mix_id: 7 } }));
  okOf(v.execute(OWNER, { transfer_ownership: { to_address: STRANGER } }));
});
