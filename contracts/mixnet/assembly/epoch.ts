import { Decimal, Env, Event, Key, Order, Response, Result } from '../../std/assembly/index';
import { applyParamsUpdate } from './admin';
import { payout, requireRewardingValidator, TRACK_DECREASE_PLEDGE, TRACK_UNBOND } from './common';
import { decimalOf, saturatingSub } from './decimals';
import { applyDelegation, applyUndelegation } from './delegation';
import {
  CHANGE_MIX_COST_PARAMS,
  DECREASE_PLEDGE,
  DELEGATE,
  PendingEpochEvent,
  PendingIntervalEvent,
  PLEDGE_MORE,
  UNBOND_MIXNODE,
  UNDELEGATE,
  UPDATE_REWARDING_PARAMS,
} from './events';
import { ContractState, Interval, RewardingParams } from './params';
import { chooseRewardedSet } from './rewarded-set';
import {
  COUNTERS,
  EPOCH_EVENTS,
  INTERVAL,
  INTERVAL_EVENTS,
  loadCounters,
  loadInterval,
  loadRewardingParams,
  loadRewardPoolChange,
  MIXNODE_IDENTITIES,
  MIXNODE_OWNERS,
  MIXNODES,
  mixnodeBond,
  mixnodeRewarding,
  REWARD_POOL_CHANGE,
  REWARDING,
  REWARDING_PARAMS,
} from './storage';

// The end of an epoch: the rewarding validator applies the pending epoch events in order, at an
// interval's end also rolls the reward pool and applies the pending interval events, then draws
// the next rewarded set. Nothing here may fail on a user's account (an event whose node has gone
// is skipped), or epochs could no longer advance.

function changePledge(response: Response, state: ContractState, event: PendingEpochEvent): Result<Event> {
  const bond = mixnodeBond(event.mixId);
  const rewarding = mixnodeRewarding(event.mixId);
  if (bond === null || rewarding === null)
    return Result.ok<Event>(new Event('pledge_change_skipped').add('mix_id', event.mixId.toString()));
  const amount = decimalOf(event.amount);
  if (amount.isErr) return amount.cast<Event>();
  if (event.kind === PLEDGE_MORE) {
    bond.originalPledge = bond.originalPledge.add(event.amount);
    rewarding.operator = rewarding.operator.checkedAdd(amount.value).value;
  } else {
    bond.originalPledge = bond.originalPledge.sub(event.amount);
    rewarding.operator = saturatingSub(rewarding.operator, amount.value);
    payout(response, state, bond.owner, bond.proxy, event.amount, TRACK_DECREASE_PLEDGE, 0);
  }
  bond.pendingPledgeChange = 0;
  MIXNODES.save(Key.u32(event.mixId), bond);
  REWARDING.save(Key.u32(event.mixId), rewarding);
  return Result.ok<Event>(
    new Event(event.kind === PLEDGE_MORE ? 'pledge_increase' : 'pledge_decrease')
      .add('mix_id', event.mixId.toString())
      .add('amount', event.amount.toString()),
  );
}

/** Pays out pledge plus rewards; the rewarding record stays while delegations remain. */
function unbond(response: Response, state: ContractState, mixId: u32): Event {
  const bond = mixnodeBond(mixId);
  const rewarding = mixnodeRewarding(mixId);
  if (bond === null || rewarding === null)
    return new Event('unbonding_skipped').add('mix_id', mixId.toString());
  const paid = rewarding.operator.floor();
  payout(response, state, bond.owner, bond.proxy, paid, TRACK_UNBOND, 0);
  MIXNODES.remove(Key.u32(mixId));
  MIXNODE_OWNERS.remove(Key.str(bond.owner));
  MIXNODE_IDENTITIES.remove(Key.str(bond.mixNode.identityKey));
  if (rewarding.uniqueDelegations === 0) REWARDING.remove(Key.u32(mixId));
  else {
    rewarding.operator = Decimal.zero();
    REWARDING.save(Key.u32(mixId), rewarding);
  }
  return new Event('mixnode_unbonding')
    .add('mix_id', mixId.toString())
    .add('owner', bond.owner)
    .add('amount', paid.toString());
}

function applyEpochEvent(
  env: Env,
  response: Response,
  state: ContractState,
  params: RewardingParams,
  event: PendingEpochEvent,
): Result<Event> {
  if (event.kind === DELEGATE)
    return applyDelegation(env, event.owner, event.mixId, event.amount, event.proxy);
  if (event.kind === UNDELEGATE)
    return applyUndelegation(response, state, event.owner, event.mixId, event.proxy);
  if (event.kind === PLEDGE_MORE || event.kind === DECREASE_PLEDGE)
    return changePledge(response, state, event);
  if (event.kind === UNBOND_MIXNODE) return Result.ok<Event>(unbond(response, state, event.mixId));
  // update_active_set_size: never beyond the rewarded set (which may have shrunk meanwhile).
  params.activeSetSize = event.newSize < params.rewardedSetSize ? event.newSize : params.rewardedSetSize;
  return Result.ok<Event>(
    new Event('active_set_size_update').add('active_set_size', params.activeSetSize.toString()),
  );
}

/** Applies up to `limit` pending epoch events (all when negative); returns how many. */
function applyEpochEvents(
  env: Env,
  response: Response,
  state: ContractState,
  params: RewardingParams,
  limit: i32,
): Result<u32> {
  const events = EPOCH_EVENTS.range(null, null, Order.Ascending, limit);
  const counters = loadCounters();
  for (let i = 0; i < events.length; i++) {
    const event = events[i].value;
    const applied = applyEpochEvent(env, response, state, params, event);
    if (applied.isErr) return applied.cast<u32>();
    EPOCH_EVENTS.remove(Key.bytes(events[i].key));
    response.addEvent(applied.value);
  }
  counters.processedEpochEvents += events.length as u32;
  COUNTERS.save(counters);
  return Result.ok<u32>(events.length as u32);
}

function applyIntervalEvent(
  interval: Interval,
  params: RewardingParams,
  event: PendingIntervalEvent,
): Result<Event> {
  const costs = event.costs;
  if (event.kind === CHANGE_MIX_COST_PARAMS && costs !== null) {
    const rewarding = mixnodeRewarding(event.mixId);
    if (rewarding === null || mixnodeBond(event.mixId) === null)
      return Result.ok<Event>(new Event('cost_params_update_skipped').add('mix_id', event.mixId.toString()));
    rewarding.costParams = costs;
    REWARDING.save(Key.u32(event.mixId), rewarding);
    return Result.ok<Event>(new Event('cost_params_update').add('mix_id', event.mixId.toString()));
  }
  if (event.kind === UPDATE_REWARDING_PARAMS && event.update !== null) {
    applyParamsUpdate(params, event.update!);
    const updated = params.recompute(interval.epochsInInterval);
    if (updated.isErr) return updated.cast<Event>();
    return Result.ok<Event>(new Event('rewarding_params_update'));
  }
  interval.epochsInInterval = event.epochsInInterval;
  interval.epochLengthSecs = event.epochDurationSecs;
  const updated = params.recompute(interval.epochsInInterval);
  if (updated.isErr) return updated.cast<Event>();
  return Result.ok<Event>(
    new Event('interval_config_update')
      .add('epochs_in_interval', interval.epochsInInterval.toString())
      .add('epoch_duration_secs', interval.epochLengthSecs.toString()),
  );
}

/**
 * The interval's end: reward_pool −= distributed, staking_supply += scale × distributed, then
 * the budget and saturation point follow, and the interval's pending events apply.
 */
function endInterval(response: Response, interval: Interval, params: RewardingParams): Result<bool> {
  const distributed = loadRewardPoolChange();
  params.rewardPool = saturatingSub(params.rewardPool, distributed);
  const added = params.stakingSupplyScaleFactor.checkedMul(distributed);
  if (added.isErr) return added.cast<bool>();
  const supply = params.stakingSupply.checkedAdd(added.value);
  if (supply.isErr) return supply.cast<bool>();
  params.stakingSupply = supply.value;
  const recomputed = params.recompute(interval.epochsInInterval);
  if (recomputed.isErr) return recomputed;
  REWARD_POOL_CHANGE.save(Decimal.zero());
  const events = INTERVAL_EVENTS.range(null, null, Order.Ascending, -1);
  for (let i = 0; i < events.length; i++) {
    const applied = applyIntervalEvent(interval, params, events[i].value);
    if (applied.isErr) return applied.cast<bool>();
    INTERVAL_EVENTS.remove(Key.bytes(events[i].key));
    response.addEvent(applied.value);
  }
  const counters = loadCounters();
  counters.processedIntervalEvents += events.length as u32;
  COUNTERS.save(counters);
  response.addEvent(
    new Event('interval_end')
      .add('interval', interval.id.toString())
      .add('distributed', distributed.toString())
      .add('reward_pool', params.rewardPool.toString())
      .add('staking_supply', params.stakingSupply.toString()),
  );
  return Result.ok<bool>(true);
}

function checkEpochOver(env: Env, state: ContractState, sender: string): Result<Interval> {
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
  return Result.ok<Interval>(interval);
}

/** Applies pending epoch events ahead of `advance_current_epoch`, in batches of `limit`. */
export function reconcileEpochEvents(
  env: Env,
  state: ContractState,
  sender: string,
  limit: i32,
): Result<Response> {
  const over = checkEpochOver(env, state, sender);
  if (over.isErr) return over.cast<Response>();
  const params = loadRewardingParams();
  const response = new Response().addAttribute('action', 'reconcile_epoch_events');
  const applied = applyEpochEvents(env, response, state, params, limit);
  if (applied.isErr) return applied.cast<Response>();
  REWARDING_PARAMS.save(params);
  return Result.ok<Response>(response.addAttribute('events_applied', applied.value.toString()));
}

const RANDOMNESS_LENGTH = 32;

export function advanceCurrentEpoch(
  env: Env,
  state: ContractState,
  sender: string,
  randomness: Uint8Array,
): Result<Response> {
  const over = checkEpochOver(env, state, sender);
  if (over.isErr) return over.cast<Response>();
  if (randomness.length !== RANDOMNESS_LENGTH)
    return Result.err<Response>('`randomness` must be ' + RANDOMNESS_LENGTH.toString() + ' bytes');
  const interval = over.value;
  const params = loadRewardingParams();
  const response = new Response().addAttribute('action', 'advance_current_epoch');
  const applied = applyEpochEvents(env, response, state, params, -1);
  if (applied.isErr) return applied.cast<Response>();
  if (interval.isLastEpoch) {
    const ended = endInterval(response, interval, params);
    if (ended.isErr) return ended.cast<Response>();
    interval.id += 1;
    interval.currentEpochId = 0;
  } else interval.currentEpochId += 1;
  interval.totalElapsedEpochs += 1;
  interval.currentEpochStart = env.block.timeSeconds;
  INTERVAL.save(interval);
  REWARDING_PARAMS.save(params);
  const set = chooseRewardedSet(params, randomness, interval.totalElapsedEpochs);
  return Result.ok<Response>(
    response.addEvent(
      new Event('advance_epoch')
        .add('epoch', interval.totalElapsedEpochs.toString())
        .add('interval', interval.id.toString())
        .add('epoch_in_interval', interval.currentEpochId.toString())
        .add('events_applied', applied.value.toString())
        .add('active_set_size', set.activeSetSize.toString())
        .add('standby_set_size', set.standbySetSize.toString()),
    ),
  );
}
