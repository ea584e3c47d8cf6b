import { Decimal, Env, Event, Fields, Key, Response, Result, Uint128 } from '../../std/assembly/index';
import { ActorField } from './actor';
import { payout, TRACK_REWARD, TRACK_UNDELEGATION } from './common';
import { decimalOf, saturatingSub } from './decimals';
import { PendingEpochEvent } from './events';
import { ContractState } from './params';
import { delegationReward } from './rewards';
import {
  DELEGATIONS,
  delegationKey,
  mixnodeBond,
  mixnodeRewarding,
  REWARDING,
  saveEpochEvent,
} from './storage';
import { Delegation, MixNodeRewarding } from './types';

// Delegations: asked for at any time, applied at the epoch's end. A delegation's value follows
// the node's cumulative reward ratio, so rewarding a node never touches its delegations.

export function delegate(
  env: Env,
  state: ContractState,
  sender: string,
  who: ActorField,
  amount: Uint128,
  f: Fields,
): Result<Response> {
  const mixId = f.u32('mix_id');
  const resolved = who.finish(f, state, sender);
  if (resolved.isErr) return resolved.cast<Response>();
  const actor = resolved.value;
  const bond = mixnodeBond(mixId);
  if (bond === null) return Result.err<Response>('Mix node ' + mixId.toString() + ' is not bonded');
  if (bond.isUnbonding) return Result.err<Response>('Mix node ' + mixId.toString() + ' is unbonding');
  if (amount.isZero) return Result.err<Response>('The delegation must be positive');
  const minimum = state.params.minimumMixnodeDelegation;
  if (minimum !== null && amount.lt(minimum)) {
    return Result.err<Response>(
      'Delegation too small: ' +
        amount.toString() +
        ' unym is below the minimum of ' +
        minimum.toString() +
        ' unym',
    );
  }
  const id = saveEpochEvent(
    PendingEpochEvent.delegate(env.block.height, actor.owner, mixId, amount, actor.proxy),
  );
  const pending = new Event('pending_delegation')
    .add('delegator', actor.owner)
    .add('mix_id', mixId.toString())
    .add('amount', amount.toString())
    .add('event_id', id.toString());
  if (actor.proxy !== null) pending.add('proxy', actor.proxy!);
  return Result.ok<Response>(new Response().addAttribute('action', 'delegate_to_mixnode').addEvent(pending));
}

/** The delegation's value now: its amount plus what it earned (exact, before rounding to unym). */
function delegationValue(rewarding: MixNodeRewarding, delegation: Delegation): Result<Decimal> {
  const reward = delegationReward(rewarding, delegation);
  if (reward.isErr) return reward;
  const amount = decimalOf(delegation.amount);
  if (amount.isErr) return amount;
  return amount.value.checkedAdd(reward.value);
}

/** Applies a delegation at the epoch's end (adding to an existing one compounds its rewards). */
export function applyDelegation(
  env: Env,
  owner: string,
  mixId: u32,
  amount: Uint128,
  proxy: string | null,
): Result<Event> {
  const rewarding = mixnodeRewarding(mixId);
  if (rewarding === null)
    return Result.err<Event>('Mix node ' + mixId.toString() + ' has no rewarding record');
  const key = delegationKey(mixId, owner, proxy);
  const existing = DELEGATIONS.primary.mayLoad(key);
  let total = amount;
  if (existing !== null) {
    const value = delegationValue(rewarding, existing);
    if (value.isErr) return value.cast<Event>();
    const compounded = value.value.floor().checkedAdd(amount);
    if (compounded.isErr) return compounded.cast<Event>();
    total = compounded.value;
    rewarding.delegates = saturatingSub(rewarding.delegates, value.value);
  } else rewarding.uniqueDelegations += 1;
  const added = decimalOf(total);
  if (added.isErr) return added.cast<Event>();
  const delegates = rewarding.delegates.checkedAdd(added.value);
  if (delegates.isErr) return delegates.cast<Event>();
  rewarding.delegates = delegates.value;
  const saved = DELEGATIONS.save(
    key,
    new Delegation(owner, mixId, rewarding.totalUnitReward, total, env.block.height, proxy),
  );
  if (saved.isErr) return saved.cast<Event>();
  REWARDING.save(Key.u32(mixId), rewarding);
  return Result.ok<Event>(
    new Event('delegation')
      .add('delegator', owner)
      .add('mix_id', mixId.toString())
      .add('amount', amount.toString())
      .add('delegation', total.toString()),
  );
}

/**
 * Removes a delegation and pays out its value (amount plus rewards, rounded down to unym). The
 * node's rewarding record goes when the node has unbonded and this was its last delegation.
 */
export function applyUndelegation(
  response: Response,
  state: ContractState,
  owner: string,
  mixId: u32,
  proxy: string | null,
): Result<Event> {
  const key = delegationKey(mixId, owner, proxy);
  const delegation = DELEGATIONS.primary.mayLoad(key);
  const rewarding = mixnodeRewarding(mixId);
  if (delegation === null || rewarding === null)
    return Result.ok<Event>(
      new Event('undelegation_skipped').add('delegator', owner).add('mix_id', mixId.toString()),
    );
  const value = delegationValue(rewarding, delegation);
  if (value.isErr) return value.cast<Event>();
  rewarding.delegates = saturatingSub(rewarding.delegates, value.value);
  rewarding.uniqueDelegations -= 1;
  DELEGATIONS.remove(key);
  if (rewarding.uniqueDelegations === 0 && mixnodeBond(mixId) === null) REWARDING.remove(Key.u32(mixId));
  else REWARDING.save(Key.u32(mixId), rewarding);
  const paid = value.value.floor();
  payout(response, state, owner, proxy, paid, TRACK_UNDELEGATION, mixId);
  return Result.ok<Event>(
    new Event('undelegation')
      .add('delegator', owner)
      .add('mix_id', mixId.toString())
      .add('amount', paid.toString()),
  );
}

/** Undelegating waits for the epoch's end, except from a node that has already unbonded. */
export function undelegate(
  env: Env,
  state: ContractState,
  sender: string,
  who: ActorField,
  f: Fields,
): Result<Response> {
  const mixId = f.u32('mix_id');
  const resolved = who.finish(f, state, sender);
  if (resolved.isErr) return resolved.cast<Response>();
  const actor = resolved.value;
  if (!DELEGATIONS.primary.has(delegationKey(mixId, actor.owner, actor.proxy)))
    return Result.err<Response>(actor.owner + ' has no delegation to mix node ' + mixId.toString());
  const response = new Response().addAttribute('action', 'undelegate_from_mixnode');
  if (mixnodeBond(mixId) === null) {
    const done = applyUndelegation(response, state, actor.owner, mixId, actor.proxy);
    if (done.isErr) return done.cast<Response>();
    return Result.ok<Response>(response.addEvent(done.value));
  }
  const id = saveEpochEvent(PendingEpochEvent.undelegate(env.block.height, actor.owner, mixId, actor.proxy));
  return Result.ok<Response>(
    response.addEvent(
      new Event('pending_undelegation')
        .add('delegator', actor.owner)
        .add('mix_id', mixId.toString())
        .add('event_id', id.toString()),
    ),
  );
}

export function withdrawDelegatorReward(
  state: ContractState,
  sender: string,
  who: ActorField,
  f: Fields,
): Result<Response> {
  const mixId = f.u32('mix_id');
  const resolved = who.finish(f, state, sender);
  if (resolved.isErr) return resolved.cast<Response>();
  const actor = resolved.value;
  const key = delegationKey(mixId, actor.owner, actor.proxy);
  const delegation = DELEGATIONS.primary.mayLoad(key);
  const rewarding = mixnodeRewarding(mixId);
  if (delegation === null || rewarding === null)
    return Result.err<Response>(actor.owner + ' has no delegation to mix node ' + mixId.toString());
  const reward = delegationReward(rewarding, delegation);
  if (reward.isErr) return reward.cast<Response>();
  const paid = reward.value.floor();
  if (paid.isZero) return Result.err<Response>('No rewards to withdraw from mix node ' + mixId.toString());
  rewarding.delegates = saturatingSub(rewarding.delegates, reward.value);
  delegation.cumulativeRewardRatio = rewarding.totalUnitReward;
  const saved = DELEGATIONS.save(key, delegation);
  if (saved.isErr) return saved.cast<Response>();
  REWARDING.save(Key.u32(mixId), rewarding);
  const response = new Response().addAttribute('action', 'withdraw_delegator_reward');
  payout(response, state, actor.owner, actor.proxy, paid, TRACK_REWARD, mixId);
  return Result.ok<Response>(
    response.addEvent(
      new Event('delegator_rewards_withdrawal')
        .add('delegator', actor.owner)
        .add('mix_id', mixId.toString())
        .add('amount', paid.toString()),
    ),
  );
}
