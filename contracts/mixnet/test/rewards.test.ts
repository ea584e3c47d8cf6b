// Three epochs with performance reports: what every operator and delegator receives, compared
// with the reward model worked out independently in BigInt (support/model.ts), to the last unym
// and to the last atomic unit of the contract's Decimal book-keeping.
import { account, eventsOf } from './support/chain';
import { DEFAULT_COSTS, Mixnet, NodeKeys, NYM, REWARDING_PARAMS } from './support/mixnet';
import { decimal, decimalString, RewardModel } from './support/model';

const operators = [account(10), account(11), account(12), account(13)];
const delegators = [account(20), account(21), account(22)];
const pledges = [1_000n * NYM, 250n * NYM, 5_000n * NYM, 100n * NYM];
const costs = [
  DEFAULT_COSTS,
  { profit_margin_percent: '0.05', interval_operating_cost: '0' },
  { profit_margin_percent: '0.2', interval_operating_cost: '80000000' },
  // a cost no reward covers: the operator takes everything
  { profit_margin_percent: '0.1', interval_operating_cost: '900000000000' },
];
// delegator index → (node index, amount)
const delegations: Array<[number, number, bigint]> = [
  [0, 0, 500n * NYM],
  [1, 0, 1_500n * NYM],
  [2, 1, 300n * NYM],
];
const performance = [
  ['0.95', '1', '0.5', '0.8'],
  ['1', '0.9', '0', '1'],
  ['0.87', '0.333', '1', '0.61'],
];

test('three epochs of rewards: operators and delegators get what the model says', () => {
  const m = Mixnet.deploy({ epochsInInterval: 2 });
  const model = new RewardModel({
    rewardPool: decimal(REWARDING_PARAMS.initial_reward_pool),
    stakingSupply: decimal(REWARDING_PARAMS.initial_staking_supply),
    scaleFactor: decimal(REWARDING_PARAMS.staking_supply_scale_factor),
    sybilResistance: decimal(REWARDING_PARAMS.sybil_resistance),
    workFactor: decimal(REWARDING_PARAMS.active_set_work_factor),
    emission: decimal(REWARDING_PARAMS.interval_pool_emission),
    rewardedSetSize: BigInt(REWARDING_PARAMS.rewarded_set_size),
    activeSetSize: BigInt(REWARDING_PARAMS.active_set_size),
    epochsInInterval: 2n,
  });
  const mixIds: number[] = [];
  for (let i = 0; i < operators.length; i++) {
    m.fund(operators[i]!, 10_000n * NYM);
    mixIds.push(m.bondMixnode(operators[i]!, new NodeKeys(), pledges[i]!, costs[i], i + 1));
    model.bond(
      mixIds[i]!,
      pledges[i]!,
      costs[i]!.profit_margin_percent,
      BigInt(costs[i]!.interval_operating_cost),
    );
  }
  for (const [d, node, amount] of delegations) {
    m.fund(delegators[d]!, 10_000n * NYM);
    m.delegate(delegators[d]!, mixIds[node]!, amount);
  }
  // Delegations wait for the epoch's end.
  expect(m.query({ get_mixnode_delegations: { mix_id: mixIds[0] } })).toEqual({
    delegations: [],
    start_next_after: null,
  });
  m.advance();
  for (const [d, node, amount] of delegations) model.delegate(`${d}`, mixIds[node]!, amount);

  const expectBooksMatch = () => {
    for (const mixId of mixIds) {
      const details = m.query<{ rewarding_details: Record<string, string> }>({
        get_mixnode_rewarding_details: { mix_id: mixId },
      }).rewarding_details;
      expect(details).toMatchObject({
        operator: decimalString(model.operator(mixId)),
        delegates: decimalString(model.delegates(mixId)),
        total_unit_reward: decimalString(model.totalUnitReward(mixId)),
      });
    }
  };

  for (let epoch = 0; epoch < 3; epoch++) {
    m.endEpoch();
    const set = m.rewardedSet().nodes;
    expect(set.map((n) => n.mix_id).sort()).toEqual(mixIds); // 4 bonded nodes, 6 places
    for (let i = 0; i < mixIds.length; i++) {
      const status = set.find((n) => n.mix_id === mixIds[i])!.status;
      const expected = model.reward(mixIds[i]!, performance[epoch]![i]!, status === 'active');
      const rewarded = eventsOf(m.reward(mixIds[i]!, performance[epoch]![i]!), 'mix_rewarding')[0]!;
      expect(rewarded).toMatchObject({
        operator_reward: decimalString(expected.operator),
        delegates_reward: decimalString(expected.delegates),
      });
    }
    expectBooksMatch();
    const interval = m.interval();
    m.advance();
    if (m.interval().id !== interval.id) model.endInterval();
    if (epoch === 1) {
      // mid-way, a delegator and an operator take their rewards
      const before = m.balance(delegators[0]!);
      m.execute(delegators[0]!, { withdraw_delegator_reward: { mix_id: mixIds[0] } });
      expect(m.balance(delegators[0]!) - before).toBe(model.withdrawDelegatorReward('0'));
      const operatorBefore = m.balance(operators[0]!);
      m.execute(operators[0]!, { withdraw_operator_reward: {} });
      expect(m.balance(operators[0]!) - operatorBefore).toBe(model.withdrawOperatorReward(mixIds[0]!));
      expectBooksMatch();
    }
  }

  // The interval ends every second epoch: the pool shrinks by what was paid, the supply grows.
  const params = m.query<{ interval: Record<string, string> }>({ get_rewarding_params: {} }).interval;
  expect(params.reward_pool).toBe(decimalString(model.p.rewardPool));
  expect(params.staking_supply).toBe(decimalString(model.p.stakingSupply));
  expect(params.epoch_reward_budget).toBe(decimalString(model.budget));
  expect(params.stake_saturation_point).toBe(decimalString(model.saturationPoint));

  // What the pending-reward queries say is what withdrawals pay.
  const pending = m.query<{ amount_earned: string; amount_staked: string }>({
    get_pending_delegator_reward: { address: delegators[1], mix_id: mixIds[0] },
  });
  expect(pending.amount_staked).toBe((1_500n * NYM).toString());
  expect(BigInt(pending.amount_earned)).toBe(model.delegationReward('1') / 10n ** 18n);
  expect(m.query({ get_pending_mix_node_operator_reward: { mix_id: mixIds[2] } })).toMatchObject({
    amount_earned_detailed: decimalString(model.operator(mixIds[2]!) - pledges[2]! * 10n ** 18n),
  });

  // Undelegating and unbonding return stake plus rewards at the epoch's end.
  const delegatorBefore = m.balance(delegators[1]!);
  const operatorBefore = m.balance(operators[1]!);
  m.execute(delegators[1]!, { undelegate_from_mixnode: { mix_id: mixIds[0] } });
  m.execute(operators[1]!, { unbond_mixnode: {} });
  expect(m.balance(delegators[1]!)).toBe(delegatorBefore);
  expect(m.balance(operators[1]!)).toBe(operatorBefore);
  const advanced = m.advance();
  expect(m.balance(delegators[1]!) - delegatorBefore).toBe(model.undelegate('1'));
  expect(m.balance(operators[1]!) - operatorBefore).toBe(model.unbond(mixIds[1]!));
  expect(eventsOf(advanced, 'mixnode_unbonding')).toHaveLength(1);
  expect(m.query({ get_mixnode_details: { mix_id: mixIds[1] } })).toEqual({
    mix_id: mixIds[1],
    mixnode_details: null,
  });

  // Node 2 unbonded with a delegation left: it is withdrawable at once, with its rewards.
  expect(m.query({ get_delegation_details: { mix_id: mixIds[1], delegator: delegators[2] } })).toMatchObject({
    mixnode_still_bonded: false,
  });
  const lastBefore = m.balance(delegators[2]!);
  m.execute(delegators[2]!, { undelegate_from_mixnode: { mix_id: mixIds[1] } });
  expect(m.balance(delegators[2]!) - lastBefore).toBe(model.undelegate('2'));
  expect(m.query({ get_mixnode_rewarding_details: { mix_id: mixIds[1] } })).toEqual({
    mix_id: mixIds[1],
    rewarding_details: null,
  });
});
