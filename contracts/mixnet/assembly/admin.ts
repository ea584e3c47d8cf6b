import { Decimal, Env, Event, Fields, JsonValue, Response, Result } from '../../std/assembly/index';
import { checkAddress, requireOwner } from './common';
import { checkUnitInterval } from './decimals';
import { PendingEpochEvent, PendingIntervalEvent, RewardingParamsUpdate } from './events';
import { ContractState, Interval, RewardingParams, StateParams } from './params';
import {
  INTERVAL,
  loadInterval,
  loadRewardingParams,
  REWARDING_PARAMS,
  saveEpochEvent,
  saveIntervalEvent,
  STATE,
} from './storage';

// The contract owner's settings. Changes to the reward model wait for the interval's end (and
// the active set size for the epoch's end) unless `force_immediately` says otherwise.

function checkSetSizes(rewardedSetSize: u32, activeSetSize: u32): string | null {
  if (rewardedSetSize === 0) return 'The rewarded set size must be positive';
  if (activeSetSize === 0) return 'The active set size must be positive';
  if (activeSetSize > rewardedSetSize)
    return (
      'The active set size (' +
      activeSetSize.toString() +
      ') must not exceed the rewarded set size (' +
      rewardedSetSize.toString() +
      ')'
    );
  return null;
}

export function checkIntervalConfig(epochsInInterval: u32, epochDurationSecs: u64): string | null {
  if (epochsInInterval === 0) return 'An interval needs at least one epoch';
  if (epochDurationSecs === 0) return 'An epoch must last at least one second';
  return null;
}

/** The fractions and factors every set of rewarding parameters must respect. */
function checkRewardingParams(params: RewardingParams): string | null {
  const fractions = [params.stakingSupplyScaleFactor, params.sybilResistance, params.intervalPoolEmission];
  const names = ['staking_supply_scale_factor', 'sybil_resistance', 'interval_pool_emission'];
  for (let i = 0; i < fractions.length; i++) {
    const problem = checkUnitInterval(names[i], fractions[i]);
    if (problem !== null) return problem;
  }
  if (params.activeSetWorkFactor.compare(Decimal.one()) < 0)
    return '`active_set_work_factor` must be at least 1';
  if (params.stakingSupply.isZero) return '`staking_supply` must be positive';
  return checkSetSizes(params.rewardedSetSize, params.activeSetSize);
}

/** Instantiate's `initial_rewarding_params`, with the budget and saturation point derived. */
export function initialRewardingParams(json: JsonValue, epochsInInterval: u32): Result<RewardingParams> {
  const f = new Fields(json, 'InitialRewardingParams');
  const params = new RewardingParams(
    f.decimal('initial_reward_pool'),
    f.decimal('initial_staking_supply'),
    f.decimal('staking_supply_scale_factor'),
    Decimal.zero(),
    Decimal.zero(),
    f.decimal('sybil_resistance'),
    f.decimal('active_set_work_factor'),
    f.decimal('interval_pool_emission'),
    f.u32('rewarded_set_size'),
    f.u32('active_set_size'),
  );
  const problem = f.finish();
  if (problem !== null) return Result.err<RewardingParams>(problem);
  const invalid = checkRewardingParams(params);
  if (invalid !== null) return Result.err<RewardingParams>(invalid);
  const computed = params.recompute(epochsInInterval);
  if (computed.isErr) return computed.cast<RewardingParams>();
  return Result.ok<RewardingParams>(params);
}

function done(action: string, event: Event): Result<Response> {
  return Result.ok<Response>(new Response().addAttribute('action', action).addEvent(event));
}

export function updateAddress(
  state: ContractState,
  sender: string,
  name: string,
  address: string,
): Result<Response> {
  const notOwner = requireOwner(state, sender);
  if (notOwner !== null) return Result.err<Response>(notOwner);
  const field = name === 'update_admin' ? 'admin' : 'address';
  const valid = checkAddress(field, address);
  if (valid.isErr) return valid.cast<Response>();
  if (name === 'update_admin') state.owner = address;
  else state.rewardingValidator = address;
  STATE.save(state);
  return done(name, new Event(name).add(field, address));
}

export function updateStateParams(state: ContractState, sender: string, f: Fields): Result<Response> {
  const params = StateParams.read(f.value('updated_parameters'));
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const notOwner = requireOwner(state, sender);
  if (notOwner !== null) return Result.err<Response>(notOwner);
  if (params.isErr) return params.cast<Response>();
  state.params = params.value;
  STATE.save(state);
  return done(
    'update_contract_state_params',
    new Event('contract_state_params_update')
      .add('minimum_mixnode_pledge', params.value.minimumMixnodePledge.toString())
      .add('minimum_gateway_pledge', params.value.minimumGatewayPledge.toString()),
  );
}

export function updateActiveSetSize(
  env: Env,
  state: ContractState,
  sender: string,
  f: Fields,
): Result<Response> {
  const size = f.u32('active_set_size');
  const force = f.bool('force_immediately');
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const notOwner = requireOwner(state, sender);
  if (notOwner !== null) return Result.err<Response>(notOwner);
  const params = loadRewardingParams();
  const invalid = checkSetSizes(params.rewardedSetSize, size);
  if (invalid !== null) return Result.err<Response>(invalid);
  const event = new Event('active_set_size_update').add('active_set_size', size.toString());
  if (force) {
    params.activeSetSize = size;
    REWARDING_PARAMS.save(params);
  } else
    event.add('event_id', saveEpochEvent(PendingEpochEvent.activeSetSize(env.block.height, size)).toString());
  return done('update_active_set_size', event);
}

export function updateRewardingParams(
  env: Env,
  state: ContractState,
  sender: string,
  f: Fields,
): Result<Response> {
  const update = RewardingParamsUpdate.read(f.value('updated_params'));
  const force = f.bool('force_immediately');
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const notOwner = requireOwner(state, sender);
  if (notOwner !== null) return Result.err<Response>(notOwner);
  if (update.isErr) return update.cast<Response>();
  const invalid = update.value.validate();
  if (invalid !== null) return Result.err<Response>(invalid);
  if (update.value.stakingSupply !== null && update.value.stakingSupply!.isZero)
    return Result.err<Response>('`staking_supply` must be positive');
  const event = new Event('rewarding_params_update');
  if (!force) {
    const id = saveIntervalEvent(PendingIntervalEvent.rewardingParams(env.block.height, update.value));
    return done('update_rewarding_params', event.add('event_id', id.toString()));
  }
  const params = loadRewardingParams();
  applyParamsUpdate(params, update.value);
  const recomputed = params.recompute(loadInterval().epochsInInterval);
  if (recomputed.isErr) return recomputed.cast<Response>();
  REWARDING_PARAMS.save(params);
  return done('update_rewarding_params', event);
}

/** Sets what the update changes; the rewarded set never shrinks below the active set. */
export function applyParamsUpdate(params: RewardingParams, update: RewardingParamsUpdate): void {
  if (update.rewardPool !== null) params.rewardPool = update.rewardPool!;
  if (update.stakingSupply !== null) params.stakingSupply = update.stakingSupply!;
  if (update.stakingSupplyScaleFactor !== null)
    params.stakingSupplyScaleFactor = update.stakingSupplyScaleFactor!;
  if (update.sybilResistance !== null) params.sybilResistance = update.sybilResistance!;
  if (update.activeSetWorkFactor !== null) params.activeSetWorkFactor = update.activeSetWorkFactor!;
  if (update.intervalPoolEmission !== null) params.intervalPoolEmission = update.intervalPoolEmission!;
  if (update.rewardedSetSize !== 0) {
    params.rewardedSetSize = update.rewardedSetSize;
    if (params.activeSetSize > params.rewardedSetSize) params.activeSetSize = params.rewardedSetSize;
  }
}

export function updateIntervalConfig(
  env: Env,
  state: ContractState,
  sender: string,
  f: Fields,
): Result<Response> {
  const epochs = f.u32('epochs_in_interval');
  const seconds = f.u64('epoch_duration_secs');
  const force = f.bool('force_immediately');
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const notOwner = requireOwner(state, sender);
  if (notOwner !== null) return Result.err<Response>(notOwner);
  const invalid = checkIntervalConfig(epochs, seconds);
  if (invalid !== null) return Result.err<Response>(invalid);
  const event = new Event('interval_config_update')
    .add('epochs_in_interval', epochs.toString())
    .add('epoch_duration_secs', seconds.toString());
  if (!force) {
    const id = saveIntervalEvent(PendingIntervalEvent.intervalConfig(env.block.height, epochs, seconds));
    return done('update_interval_config', event.add('event_id', id.toString()));
  }
  const interval: Interval = loadInterval();
  interval.epochsInInterval = epochs;
  interval.epochLengthSecs = seconds;
  const params = loadRewardingParams();
  const recomputed = params.recompute(epochs);
  if (recomputed.isErr) return recomputed.cast<Response>();
  INTERVAL.save(interval);
  REWARDING_PARAMS.save(params);
  return done('update_interval_config', event);
}
