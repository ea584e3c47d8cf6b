import { Decimal, Env, Event, Fields, Key, Response, Result } from '../../std/assembly/index';
import { ActorField, checkProxy } from './actor';
import { payout, requireRewardingValidator, TRACK_REWARD } from './common';
import { checkUnitInterval } from './decimals';
import { ContractState, Interval } from './params';
import { distribute, nodeReward, operatorReward, splitReward } from './rewards';
import {
  GATEWAYS,
  loadInterval,
  loadRewardingParams,
  loadRewardPoolChange,
  mixnodeBond,
  mixnodeRewarding,
  ownedMixnode,
  REWARD_POOL_CHANGE,
  REWARDED_SET,
  REWARDING,
} from './storage';

// Performance reports from the rewarding validator, once the epoch is over and before it
// advances, and operators withdrawing what their node earned.

/** The validator may report on an epoch only once it is over (and until it advances). */
function checkReportWindow(
  env: Env,
  state: ContractState,
  sender: string,
  performance: Decimal,
): Result<Interval> {
  const notValidator = requireRewardingValidator(state, sender);
  if (notValidator !== null) return Result.err<Interval>(notValidator);
  const interval = loadInterval();
  if (!interval.isEpochOver(env.block.timeSeconds)) {
    return Result.err<Interval>(
      'Epoch ' +
        interval.totalElapsedEpochs.toString() +
        ' is still in progress until ' +
        interval.currentEpochEnd.toString() +
        '; it is now ' +
        env.block.timeSeconds.toString(),
    );
  }
  const outOfRange = checkUnitInterval('performance', performance);
  if (outOfRange !== null) return Result.err<Interval>(outOfRange);
  return Result.ok<Interval>(interval);
}

export function rewardMixnode(
  env: Env,
  state: ContractState,
  sender: string,
  mixId: u32,
  performance: Decimal,
): Result<Response> {
  const window = checkReportWindow(env, state, sender, performance);
  if (window.isErr) return window.cast<Response>();
  const epoch = window.value.totalElapsedEpochs;
  const layer = REWARDED_SET.load(Key.u32(mixId));
  if (layer.isErr)
    return Result.err<Response>(
      'Mix node ' + mixId.toString() + ' is not in the rewarded set of epoch ' + epoch.toString(),
    );
  // A node whose unbonding was reconciled early has been paid out: there is no one to reward.
  const rewarding = mixnodeBond(mixId) !== null ? mixnodeRewarding(mixId) : null;
  if (rewarding === null) return Result.err<Response>('Mix node ' + mixId.toString() + ' is not bonded');
  if (rewarding.lastRewardedEpoch >= epoch)
    return Result.err<Response>(
      'Mix node ' + mixId.toString() + ' has already been rewarded for epoch ' + epoch.toString(),
    );
  const params = loadRewardingParams();
  const reward = nodeReward(params, rewarding, performance, layer.value !== 0);
  if (reward.isErr) return reward.cast<Response>();
  const split = splitReward(rewarding, reward.value, performance, window.value.epochsInInterval);
  if (split.isErr) return split.cast<Response>();
  const priorDelegates = rewarding.delegates;
  const priorUnitReward = rewarding.totalUnitReward;
  const credited = distribute(rewarding, split.value);
  if (credited.isErr) return credited.cast<Response>();
  rewarding.lastRewardedEpoch = epoch;
  rewarding.lastPerformance = performance;
  REWARDING.save(Key.u32(mixId), rewarding);
  const distributed = loadRewardPoolChange().checkedAdd(split.value.total);
  if (distributed.isErr) return distributed.cast<Response>();
  REWARD_POOL_CHANGE.save(distributed.value);
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'reward_mixnode')
      .addEvent(
        new Event('mix_rewarding')
          .add('mix_id', mixId.toString())
          .add('epoch', epoch.toString())
          .add('performance', performance.toString())
          .add('operator_reward', split.value.operator.toString())
          .add('delegates_reward', split.value.delegates.toString())
          .add('operating_cost', split.value.operatingCost.toString())
          .add('prior_delegates', priorDelegates.toString())
          .add('prior_unit_reward', priorUnitReward.toString()),
      ),
  );
}

/** Gateways are not rewarded; their reported performance is kept for clients choosing one. */
export function reportGatewayPerformance(
  env: Env,
  state: ContractState,
  sender: string,
  identity: string,
  performance: Decimal,
): Result<Response> {
  const window = checkReportWindow(env, state, sender, performance);
  if (window.isErr) return window.cast<Response>();
  const bond = GATEWAYS.mayLoad(Key.str(identity));
  if (bond === null) return Result.err<Response>('No gateway with identity key ' + identity + ' is bonded');
  bond.lastPerformance = performance;
  GATEWAYS.save(Key.str(identity), bond);
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'report_gateway_performance')
      .addEvent(
        new Event('gateway_performance')
          .add('identity_key', identity)
          .add('epoch', window.value.totalElapsedEpochs.toString())
          .add('performance', performance.toString()),
      ),
  );
}

export function withdrawOperatorReward(
  state: ContractState,
  sender: string,
  who: ActorField,
  f: Fields,
): Result<Response> {
  const resolved = who.finish(f, state, sender);
  if (resolved.isErr) return resolved.cast<Response>();
  const actor = resolved.value;
  const bond = ownedMixnode(actor.owner);
  if (bond === null) return Result.err<Response>(actor.owner + ' does not own a mix node');
  const wrongRoute = checkProxy('Mix node ' + bond.mixId.toString(), bond.proxy, actor);
  if (wrongRoute !== null) return Result.err<Response>(wrongRoute);
  const rewarding = mixnodeRewarding(bond.mixId);
  if (rewarding === null) abort('bonded mix node without a rewarding record');
  const reward = operatorReward(rewarding!, bond.originalPledge);
  if (reward.isErr) return reward.cast<Response>();
  const paid = reward.value.floor();
  if (paid.isZero)
    return Result.err<Response>('No rewards to withdraw from mix node ' + bond.mixId.toString());
  rewarding!.operator = new Decimal(rewarding!.operator.atomics.sub(paid.mul10(18)));
  REWARDING.save(Key.u32(bond.mixId), rewarding!);
  const response = new Response().addAttribute('action', 'withdraw_operator_reward');
  payout(response, state, bond.owner, bond.proxy, paid, TRACK_REWARD, bond.mixId);
  return Result.ok<Response>(
    response.addEvent(
      new Event('operator_rewards_withdrawal')
        .add('owner', bond.owner)
        .add('mix_id', bond.mixId.toString())
        .add('amount', paid.toString()),
    ),
  );
}
