// Delegation, three epochs of performance reports and rewards, layers, undelegation and unbonding
// through the generated client over real RPC: what every operator and delegator receives is
// compared with the reward model worked out independently in the test (the mixnet contract's
// BigInt model, contracts/mixnet/test/support/model.ts), to the last atomic unit.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ExecuteResult } from '@cosmjs/cosmwasm-stargate';
import type { MixnetTypes } from '@nymts/contracts-client';
import { decimal, decimalString, RewardModel } from '@nymts/contract-mixnet/test/support/model';
import { bondMixnodeFromHome, initMixnode } from '../../src';
import {
  NYM,
  startTestNetwork,
  TEST_REWARDING_PARAMS,
  type Account,
  type TestNetwork,
} from './support/network';

jest.setTimeout(300_000);

const EPOCHS_IN_INTERVAL = 2;
const pledges = [1_000n * NYM, 250n * NYM, 5_000n * NYM, 100n * NYM];
const costs: MixnetTypes.MixNodeCostParams[] = [
  { profit_margin_percent: '0.1', interval_operating_cost: '40000000' },
  { profit_margin_percent: '0.05', interval_operating_cost: '0' },
  { profit_margin_percent: '0.2', interval_operating_cost: '80000000' },
  // a cost no reward covers: the operator takes everything
  { profit_margin_percent: '0.1', interval_operating_cost: '900000000000' },
];
// delegator index → node index, amount
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

let net: TestNetwork;

beforeAll(async () => {
  net = await startTestNetwork({ epochsInInterval: EPOCHS_IN_INTERVAL });
});

afterAll(async () => {
  await net?.stop();
});

function attributes(result: ExecuteResult, type: string): Record<string, string>[] {
  return result.events
    .filter((event) => event.type === `wasm-${type}`)
    .map((event) => Object.fromEntries(event.attributes.map(({ key, value }) => [key, value])));
}

async function rewardedSet(): Promise<MixnetTypes.RewardedSetNode[]> {
  return (await net.admin.mixnet.getRewardedSet({})).nodes;
}

/**
 * Layers 1–3 are balanced, and a node stays in its last layer only as often as it must: layer p
 * can take at most m − capacity(p) of the nodes that were in p, so the excess has to stay.
 */
function expectLayerRules(
  previous: MixnetTypes.RewardedSetNode[],
  current: MixnetTypes.RewardedSetNode[],
): void {
  const active = current.filter((node) => node.status === 'active');
  for (const node of current)
    expect(node.layer ?? null).toEqual(node.status === 'active' ? expect.any(Number) : null);
  const sizes = [1, 2, 3].map((layer) => active.filter((node) => node.layer === layer).length);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  expect(sizes.reduce((a, b) => a + b)).toBe(active.length);
  const before = new Map(previous.filter((n) => n.status === 'active').map((n) => [n.mix_id, n.layer]));
  let forced = 0;
  for (const [index, layer] of [1, 2, 3].entries()) {
    const from = active.filter((node) => before.get(node.mix_id) === layer).length;
    forced += Math.max(0, from - (active.length - sizes[index]!));
  }
  const stayed = active.filter((node) => before.get(node.mix_id) === node.layer).length;
  expect(stayed).toBe(forced);
}

test('delegations, three epochs of rewards, layers, undelegation and unbonding match the model', async () => {
  const model = new RewardModel({
    rewardPool: decimal(TEST_REWARDING_PARAMS.initial_reward_pool),
    stakingSupply: decimal(TEST_REWARDING_PARAMS.initial_staking_supply),
    scaleFactor: decimal(TEST_REWARDING_PARAMS.staking_supply_scale_factor),
    sybilResistance: decimal(TEST_REWARDING_PARAMS.sybil_resistance),
    workFactor: decimal(TEST_REWARDING_PARAMS.active_set_work_factor),
    emission: decimal(TEST_REWARDING_PARAMS.interval_pool_emission),
    rewardedSetSize: BigInt(TEST_REWARDING_PARAMS.rewarded_set_size),
    activeSetSize: BigInt(TEST_REWARDING_PARAMS.active_set_size),
    epochsInInterval: BigInt(EPOCHS_IN_INTERVAL),
  });
  const contracts = { mixnet: net.deployed.mixnet.address, token: net.deployed.nym_token.address };
  const operators: Account[] = [];
  const mixIds: number[] = [];
  for (let i = 0; i < pledges.length; i++) {
    const operator = await net.account(10_000n * NYM);
    const home = join(net.dir, `mix${i}`);
    initMixnode({ id: `mix${i}`, home, listenHost: '127.0.0.1', mixPort: 30_000 + i, httpPort: 31_000 + i });
    const bond = await bondMixnodeFromHome(operator.session, home, {
      contracts,
      amount: pledges[i]!,
      costParams: costs[i],
    });
    operators.push(operator);
    mixIds.push(bond.mixId!);
    model.bond(
      bond.mixId!,
      pledges[i]!,
      costs[i]!.profit_margin_percent,
      BigInt(costs[i]!.interval_operating_cost),
    );
  }
  const delegators: Account[] = [];
  for (const [, node, amount] of delegations) {
    const delegator = await net.account(10_000n * NYM);
    const msg = Buffer.from(JSON.stringify({ delegate_to_mixnode: { mix_id: mixIds[node] } })).toString(
      'base64',
    );
    await delegator.token.send(
      { contract: contracts.mixnet, amount: amount.toString(), msg },
      delegator.session.fee,
    );
    delegators.push(delegator);
  }
  // Delegations wait for the epoch's end.
  expect(await net.admin.mixnet.getMixnodeDelegations({ mixId: mixIds[0]! })).toEqual({
    delegations: [],
    start_next_after: null,
  });
  const validator = net.validator.mixnet;
  const fee = net.validator.session.fee;
  const advance = async () => {
    await net.endEpoch();
    return validator.advanceCurrentEpoch({ randomness: randomBytes(32).toString('base64') }, fee);
  };
  await advance();
  for (const [d, node, amount] of delegations) model.delegate(`${d}`, mixIds[node]!, amount);
  expect((await net.admin.mixnet.getMixnodeDelegations({ mixId: mixIds[0]! })).delegations).toHaveLength(2);

  const expectBooksMatch = async () => {
    for (const mixId of mixIds) {
      const { rewarding_details: details } = await net.admin.mixnet.getMixnodeRewardingDetails({ mixId });
      expect(details).toMatchObject({
        operator: decimalString(model.operator(mixId)),
        delegates: decimalString(model.delegates(mixId)),
        total_unit_reward: decimalString(model.totalUnitReward(mixId)),
      });
    }
  };
  const withdrawn = async (account: Account, withdraw: () => Promise<unknown>) => {
    const before = await net.balance(account.address);
    await withdraw();
    return (await net.balance(account.address)) - before;
  };

  let previous = await rewardedSet();
  for (let epoch = 0; epoch < 3; epoch++) {
    await net.endEpoch();
    expect((await validator.getEpochStatus()).state).toBe('rewarding');
    const set = await rewardedSet();
    expect(set.map((node) => node.mix_id).sort()).toEqual(mixIds); // 4 bonded nodes, 6 places
    for (let i = 0; i < mixIds.length; i++) {
      const status = set.find((node) => node.mix_id === mixIds[i])!.status;
      const expected = model.reward(mixIds[i]!, performance[epoch]![i]!, status === 'active');
      const result = await validator.rewardMixnode(
        { mixId: mixIds[i]!, performance: performance[epoch]![i]! },
        fee,
      );
      expect(attributes(result, 'mix_rewarding')[0]).toMatchObject({
        operator_reward: decimalString(expected.operator),
        delegates_reward: decimalString(expected.delegates),
      });
    }
    await expectBooksMatch();
    const interval = (await validator.getCurrentIntervalDetails()).interval.id;
    await advance();
    if ((await validator.getCurrentIntervalDetails()).interval.id !== interval) model.endInterval();
    const current = await rewardedSet();
    expectLayerRules(previous, current);
    previous = current;
    if (epoch === 1) {
      // Mid-way, a delegator and an operator take their rewards.
      expect(
        await withdrawn(delegators[0]!, () =>
          delegators[0]!.mixnet.withdrawDelegatorReward({ mixId: mixIds[0]! }, delegators[0]!.session.fee),
        ),
      ).toBe(model.withdrawDelegatorReward('0'));
      expect(
        await withdrawn(operators[0]!, () =>
          operators[0]!.mixnet.withdrawOperatorReward(operators[0]!.session.fee),
        ),
      ).toBe(model.withdrawOperatorReward(mixIds[0]!));
      await expectBooksMatch();
    }
  }

  // The interval ends every second epoch: the pool shrinks by what was paid, the supply grows.
  const params = (await validator.getRewardingParams()).interval;
  expect(params).toMatchObject({
    reward_pool: decimalString(model.p.rewardPool),
    staking_supply: decimalString(model.p.stakingSupply),
    epoch_reward_budget: decimalString(model.budget),
    stake_saturation_point: decimalString(model.saturationPoint),
  });

  // What the pending-reward queries say is what the model says.
  const pending = await validator.getPendingDelegatorReward({
    address: delegators[1]!.address,
    mixId: mixIds[0]!,
  });
  expect(pending.amount_staked).toBe((1_500n * NYM).toString());
  expect(BigInt(pending.amount_earned!)).toBe(model.delegationReward('1') / 10n ** 18n);

  // Undelegating and unbonding return stake plus rewards at the epoch's end.
  const delegatorBefore = await net.balance(delegators[1]!.address);
  const operatorBefore = await net.balance(operators[1]!.address);
  await delegators[1]!.mixnet.undelegateFromMixnode({ mixId: mixIds[0]! }, delegators[1]!.session.fee);
  await operators[1]!.mixnet.unbondMixnode(operators[1]!.session.fee);
  expect(await net.balance(delegators[1]!.address)).toBe(delegatorBefore);
  expect(await net.balance(operators[1]!.address)).toBe(operatorBefore);
  expect((await validator.getNumberOfPendingEvents()).epoch_events).toBe(2);
  const advanced = await advance();
  expect((await net.balance(delegators[1]!.address)) - delegatorBefore).toBe(model.undelegate('1'));
  expect((await net.balance(operators[1]!.address)) - operatorBefore).toBe(model.unbond(mixIds[1]!));
  expect(attributes(advanced, 'mixnode_unbonding')).toHaveLength(1);
  expect(await validator.getMixnodeDetails({ mixId: mixIds[1]! })).toEqual({
    mix_id: mixIds[1],
    mixnode_details: null,
  });
  expect((await rewardedSet()).map((node) => node.mix_id)).not.toContain(mixIds[1]);

  // Node 2 unbonded with a delegation left: it is withdrawable at once, with its rewards.
  const last = delegators[2]!;
  expect(await validator.getDelegationDetails({ mixId: mixIds[1]!, delegator: last.address })).toMatchObject({
    mixnode_still_bonded: false,
  });
  expect(
    await withdrawn(last, () => last.mixnet.undelegateFromMixnode({ mixId: mixIds[1]! }, last.session.fee)),
  ).toBe(model.undelegate('2'));
  expect(await validator.getMixnodeRewardingDetails({ mixId: mixIds[1]! })).toEqual({
    mix_id: mixIds[1],
    rewarding_details: null,
  });
});
