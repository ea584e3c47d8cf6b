import {
  Bound,
  Decimal,
  Entry,
  Env,
  Fields,
  jsonAnswer,
  JsonWriter,
  Key,
  Map,
  Order,
  parseU64,
  Result,
  readU32BigEndian,
  Uint128,
} from '../../std/assembly/index';
import { checkUnitInterval, decimalOf, mulRatio } from './decimals';
import { defaultPageLimit } from './query-nodes';
import { writeOptionalDecimal, writeOptionalUint128 } from './json-util';
import { delegationReward, nodeReward, operatorReward, RewardDistribution, splitReward } from './rewards';
import {
  DELEGATIONS,
  DELEGATIONS_BY_OWNER,
  delegationKey,
  EPOCH_EVENTS,
  INTERVAL_EVENTS,
  loadCounters,
  loadInterval,
  loadRewardingParams,
  mixnodeBond,
  mixnodeRewarding,
  ownedMixnode,
  REWARDED_SET,
} from './storage';
import { PendingEpochEvent, PendingIntervalEvent } from './events';
import { Delegation, MixNodeBond, MixNodeRewarding } from './types';
import { signingNonce } from './bonding';

// Queries about stake: delegations, rewards earned and expected, pending events, signing nonces.

/** Cursors are "owner[:proxy]" for a node's delegations and "mix_id[:proxy]" for a delegator's. */
function cursorParts(cursor: string): Array<string> {
  const colon = cursor.indexOf(':');
  if (colon < 0) return [cursor, ''];
  return [cursor.substring(0, colon), cursor.substring(colon + 1)];
}

function writeCursor(w: JsonWriter, first: string, proxy: string | null): void {
  w.string(proxy !== null ? first + ':' + proxy : first);
}

function delegationPage(
  w: JsonWriter,
  entries: Array<Entry<Delegation>>,
  limit: i32,
  byNode: bool,
): Result<Uint8Array> {
  for (let i = 0; i < entries.length; i++) entries[i].value.write(w);
  w.endArray().key('start_next_after');
  if (entries.length === limit && limit > 0) {
    const last = entries[entries.length - 1].value;
    writeCursor(w, byNode ? last.owner : last.mixId.toString(), last.proxy);
  } else w.nullValue();
  return jsonAnswer(w.endObject());
}

function mixnodeDelegations(f: Fields): Result<Uint8Array> {
  const mixId = f.u32('mix_id');
  const startAfter = f.optionalString('start_after');
  const limit = defaultPageLimit(f);
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  let bound: Bound | null = null;
  if (startAfter !== null) {
    const parts = cursorParts(startAfter);
    bound = Bound.exclusive(Key.str(parts[0]).then(Key.str(parts[1])));
  }
  const entries = DELEGATIONS.primary.prefix(Key.u32(mixId)).range(bound, null, Order.Ascending, limit);
  return delegationPage(new JsonWriter().beginObject().key('delegations').beginArray(), entries, limit, true);
}

function delegatorDelegations(f: Fields): Result<Uint8Array> {
  const delegator = f.string('delegator');
  const startAfter = f.optionalString('start_after');
  const limit = defaultPageLimit(f);
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  let bound: Bound | null = null;
  if (startAfter !== null) {
    const parts = cursorParts(startAfter);
    const mixId = parseU64(parts[0]);
    if (mixId.isErr || mixId.value > U32.MAX_VALUE)
      return Result.err<Uint8Array>('Invalid `start_after`: expected "mix_id" or "mix_id:proxy"');
    bound = Bound.exclusive(
      delegationKey(mixId.value as u32, delegator, parts[1].length > 0 ? parts[1] : null),
    );
  }
  const entries = DELEGATIONS_BY_OWNER.range(Key.str(delegator), bound, null, Order.Ascending, limit);
  return delegationPage(
    new JsonWriter().beginObject().key('delegations').beginArray(),
    entries,
    limit,
    false,
  );
}

function delegationDetails(f: Fields): Result<Uint8Array> {
  const mixId = f.u32('mix_id');
  const delegator = f.string('delegator');
  const proxy = f.optionalString('proxy');
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const delegation = DELEGATIONS.primary.mayLoad(delegationKey(mixId, delegator, proxy));
  const w = new JsonWriter().beginObject().key('delegation');
  if (delegation === null) w.nullValue();
  else delegation.write(w);
  w.key('mixnode_still_bonded').bool(mixnodeBond(mixId) !== null);
  return jsonAnswer(w.endObject());
}

/** `{amount_staked, amount_earned, amount_earned_detailed, mixnode_still_fully_bonded}`. */
function pendingReward(
  w: JsonWriter,
  staked: Uint128 | null,
  earned: Result<Decimal> | null,
  bonded: bool,
): Result<Uint8Array> {
  if (earned !== null && earned.isErr) return earned.cast<Uint8Array>();
  w.beginObject().key('amount_staked');
  writeOptionalUint128(w, staked);
  w.key('amount_earned');
  writeOptionalUint128(w, earned !== null ? earned.value.floor() : null);
  w.key('amount_earned_detailed');
  writeOptionalDecimal(w, earned !== null ? earned.value : null);
  w.key('mixnode_still_fully_bonded').bool(bonded);
  return jsonAnswer(w.endObject());
}

function operatorPending(bond: MixNodeBond | null): Result<Uint8Array> {
  const w = new JsonWriter();
  if (bond === null) return pendingReward(w, null, null, false);
  const rewarding = mixnodeRewarding(bond.mixId);
  if (rewarding === null) abort('bonded mix node without a rewarding record');
  return pendingReward(
    w,
    bond.originalPledge,
    operatorReward(rewarding!, bond.originalPledge),
    !bond.isUnbonding,
  );
}

function delegatorPending(f: Fields): Result<Uint8Array> {
  const address = f.string('address');
  const mixId = f.u32('mix_id');
  const proxy = f.optionalString('proxy');
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const delegation = DELEGATIONS.primary.mayLoad(delegationKey(mixId, address, proxy));
  const rewarding = mixnodeRewarding(mixId);
  const w = new JsonWriter();
  if (delegation === null || rewarding === null) return pendingReward(w, null, null, false);
  const bond = mixnodeBond(mixId);
  return pendingReward(
    w,
    delegation.amount,
    delegationReward(rewarding, delegation),
    bond !== null && !bond.isUnbonding,
  );
}

/** How rewarding the node now at `performance` would split, or null when it is not in the set. */
function estimate(
  mixId: u32,
  rewarding: MixNodeRewarding,
  performance: Decimal,
): Result<RewardDistribution | null> {
  const layer = REWARDED_SET.load(Key.u32(mixId));
  if (layer.isErr) return Result.ok<RewardDistribution | null>(null);
  const reward = nodeReward(loadRewardingParams(), rewarding, performance, layer.value !== 0);
  if (reward.isErr) return reward.cast<RewardDistribution | null>();
  const split = splitReward(rewarding, reward.value, performance, loadInterval().epochsInInterval);
  if (split.isErr) return split.cast<RewardDistribution | null>();
  return Result.ok<RewardDistribution | null>(split.value);
}

function writeEstimate(
  original: Uint128 | null,
  current: Decimal | null,
  estimation: Decimal | null,
): Result<Uint8Array> {
  const w = new JsonWriter().beginObject().key('original_stake');
  writeOptionalUint128(w, original);
  w.key('current_stake_value');
  writeOptionalUint128(w, current !== null ? current.floor() : null);
  w.key('current_stake_value_detailed');
  writeOptionalDecimal(w, current);
  w.key('estimation');
  writeOptionalDecimal(w, estimation);
  return jsonAnswer(w.endObject());
}

function estimatedReward(name: string, f: Fields): Result<Uint8Array> {
  const forDelegator = name === 'get_estimated_current_epoch_delegator_reward';
  const address = forDelegator ? f.string('address') : '';
  const mixId = f.u32('mix_id');
  const proxy = forDelegator ? f.optionalString('proxy') : null;
  const performance = f.decimal('estimated_performance');
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const outOfRange = checkUnitInterval('estimated_performance', performance);
  if (outOfRange !== null) return Result.err<Uint8Array>(outOfRange);
  const bond = mixnodeBond(mixId);
  const rewarding = mixnodeRewarding(mixId);
  if (bond === null || rewarding === null) return writeEstimate(null, null, null);
  const estimated = estimate(mixId, rewarding, performance);
  if (estimated.isErr) return estimated.cast<Uint8Array>();
  const split = estimated.value;
  if (!forDelegator)
    return writeEstimate(bond.originalPledge, rewarding.operator, split !== null ? split.operator : null);
  const delegation = DELEGATIONS.primary.mayLoad(delegationKey(mixId, address, proxy));
  if (delegation === null) return writeEstimate(null, null, null);
  const earned = delegationReward(rewarding, delegation);
  if (earned.isErr) return earned.cast<Uint8Array>();
  const current = decimalOf(delegation.amount).value.checkedAdd(earned.value);
  if (current.isErr) return current.cast<Uint8Array>();
  if (split === null || rewarding.delegates.isZero)
    return writeEstimate(delegation.amount, current.value, null);
  // The delegators' reward is shared in proportion to each delegation's current value.
  const share = mulRatio(split.delegates, current.value, rewarding.delegates);
  if (share.isErr) return share.cast<Uint8Array>();
  return writeEstimate(delegation.amount, current.value, share.value);
}

/** Writes `{id, event}` for each pending event of `map` in the page; returns the ids written. */
function writeEvents<T>(w: JsonWriter, map: Map<T>, bound: Bound | null, limit: i32): Array<u32> {
  const entries = map.range(bound, null, Order.Ascending, limit);
  const ids: Array<u32> = [];
  for (let i = 0; i < entries.length; i++) {
    ids.push(readU32BigEndian(entries[i].key, 0));
    w.beginObject().key('id').u64(ids[i]).key('event');
    entries[i].value.write(w);
    w.endObject();
  }
  return ids;
}

function eventsPage(env: Env, f: Fields, interval: bool): Result<Uint8Array> {
  const startAfter = f.has('start_after') ? f.u32('start_after') : 0;
  const limit = defaultPageLimit(f);
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const bound = f.has('start_after') ? Bound.exclusive(Key.u32(startAfter)) : null;
  const clock = loadInterval();
  let due = clock.currentEpochEnd as i64;
  if (interval)
    due += ((clock.epochsInInterval - clock.currentEpochId - 1) as i64) * (clock.epochLengthSecs as i64);
  const w = new JsonWriter().beginObject();
  w.key('seconds_until_executable')
    .i64(due - (env.block.timeSeconds as i64))
    .key('events')
    .beginArray();
  const ids = interval
    ? writeEvents<PendingIntervalEvent>(w, INTERVAL_EVENTS, bound, limit)
    : writeEvents<PendingEpochEvent>(w, EPOCH_EVENTS, bound, limit);
  w.endArray().key('start_next_after');
  if (ids.length === limit && limit > 0) w.u64(ids[ids.length - 1]);
  else w.nullValue();
  return jsonAnswer(w.endObject());
}

function singleEvent(f: Fields, interval: bool): Result<Uint8Array> {
  const id = f.u32('event_id');
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const w = new JsonWriter().beginObject().key('event_id').u64(id).key('event');
  if (interval) {
    const event = INTERVAL_EVENTS.mayLoad(Key.u32(id));
    if (event === null) w.nullValue();
    else event.write(w);
  } else {
    const event = EPOCH_EVENTS.mayLoad(Key.u32(id));
    if (event === null) w.nullValue();
    else event.write(w);
  }
  return jsonAnswer(w.endObject());
}

export const STAKE_QUERIES = [
  'get_mixnode_delegations',
  'get_delegator_delegations',
  'get_delegation_details',
  'get_pending_operator_reward',
  'get_pending_mix_node_operator_reward',
  'get_pending_delegator_reward',
  'get_estimated_current_epoch_operator_reward',
  'get_estimated_current_epoch_delegator_reward',
  'get_pending_epoch_events',
  'get_pending_interval_events',
  'get_pending_epoch_event',
  'get_pending_interval_event',
  'get_number_of_pending_events',
  'get_signing_nonce',
];

export function stakeQuery(env: Env, name: string, f: Fields): Result<Uint8Array> {
  if (name === 'get_mixnode_delegations') return mixnodeDelegations(f);
  if (name === 'get_delegator_delegations') return delegatorDelegations(f);
  if (name === 'get_delegation_details') return delegationDetails(f);
  if (name === 'get_pending_delegator_reward') return delegatorPending(f);
  if (
    name === 'get_estimated_current_epoch_operator_reward' ||
    name === 'get_estimated_current_epoch_delegator_reward'
  )
    return estimatedReward(name, f);
  if (name === 'get_pending_epoch_events' || name === 'get_pending_interval_events')
    return eventsPage(env, f, name === 'get_pending_interval_events');
  if (name === 'get_pending_epoch_event' || name === 'get_pending_interval_event')
    return singleEvent(f, name === 'get_pending_interval_event');
  const address =
    name === 'get_pending_operator_reward' || name === 'get_signing_nonce' ? f.string('address') : '';
  const mixId = name === 'get_pending_mix_node_operator_reward' ? f.u32('mix_id') : 0;
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  if (name === 'get_pending_operator_reward') return operatorPending(ownedMixnode(address));
  if (name === 'get_pending_mix_node_operator_reward') return operatorPending(mixnodeBond(mixId));
  if (name === 'get_signing_nonce') return jsonAnswer(new JsonWriter().u64(signingNonce(address)));
  const counters = loadCounters();
  const w = new JsonWriter().beginObject();
  w.key('epoch_events').u64(counters.lastEpochEvent - counters.processedEpochEvents);
  w.key('interval_events').u64(counters.lastIntervalEvent - counters.processedIntervalEvents);
  return jsonAnswer(w.endObject());
}
