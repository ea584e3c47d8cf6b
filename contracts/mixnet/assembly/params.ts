import { Codec, Decimal, Fields, JsonValue, JsonWriter, Result, Uint128 } from '../../std/assembly/index';
import { decimalOfU64 } from './decimals';
import { writeOptionalUint128 } from './json-util';

// Contract-wide state: who may do what, the minimums, the interval clock and the reward
// parameters (reference nym-platform.md §6.1, §7).

export class StateParams {
  constructor(
    public minimumMixnodeDelegation: Uint128 | null,
    public minimumMixnodePledge: Uint128,
    public minimumGatewayPledge: Uint128,
  ) {}

  write(w: JsonWriter): void {
    w.beginObject().key('minimum_mixnode_delegation');
    writeOptionalUint128(w, this.minimumMixnodeDelegation);
    w.key('minimum_mixnode_pledge').string(this.minimumMixnodePledge.toString());
    w.key('minimum_gateway_pledge').string(this.minimumGatewayPledge.toString()).endObject();
  }

  static read(json: JsonValue): Result<StateParams> {
    const f = new Fields(json, 'ContractStateParams');
    const params = new StateParams(
      f.optionalUint128('minimum_mixnode_delegation'),
      f.uint128('minimum_mixnode_pledge'),
      f.uint128('minimum_gateway_pledge'),
    );
    const problem = f.finish();
    if (problem !== null) return Result.err<StateParams>(problem);
    if (params.minimumMixnodePledge.isZero || params.minimumGatewayPledge.isZero)
      return Result.err<StateParams>('Minimum pledges must be positive');
    return Result.ok<StateParams>(params);
  }
}

export class ContractState {
  constructor(
    public owner: string,
    public rewardingValidator: string,
    readonly vestingContract: string,
    readonly tokenAddress: string,
    public params: StateParams,
  ) {}

  write(w: JsonWriter): void {
    w.beginObject().key('owner').string(this.owner);
    w.key('rewarding_validator_address').string(this.rewardingValidator);
    w.key('vesting_contract_address').string(this.vestingContract);
    w.key('token_address').string(this.tokenAddress).key('params');
    this.params.write(w);
    w.endObject();
  }

  static read(json: JsonValue): Result<ContractState> {
    const f = new Fields(json, 'ContractState');
    const owner = f.string('owner');
    const validator = f.string('rewarding_validator_address');
    const vesting = f.string('vesting_contract_address');
    const token = f.string('token_address');
    const params = StateParams.read(f.value('params'));
    const problem = f.finish();
    if (problem !== null) return Result.err<ContractState>(problem);
    if (params.isErr) return params.cast<ContractState>();
    return Result.ok<ContractState>(new ContractState(owner, validator, vesting, token, params.value));
  }
}

/** Epochs within intervals; times are Unix seconds of block time. */
export class Interval {
  constructor(
    public id: u32,
    public epochsInInterval: u32,
    public currentEpochStart: u64,
    public currentEpochId: u32,
    public epochLengthSecs: u64,
    public totalElapsedEpochs: u32,
  ) {}

  get currentEpochEnd(): u64 {
    return this.currentEpochStart + this.epochLengthSecs;
  }

  isEpochOver(now: u64): bool {
    return now >= this.currentEpochEnd;
  }

  /** Whether the current epoch is the interval's last. */
  get isLastEpoch(): bool {
    return this.currentEpochId + 1 >= this.epochsInInterval;
  }

  write(w: JsonWriter): void {
    w.beginObject().key('id').u64(this.id).key('epochs_in_interval').u64(this.epochsInInterval);
    w.key('current_epoch_start').u64(this.currentEpochStart).key('current_epoch_id').u64(this.currentEpochId);
    w.key('epoch_length_secs').u64(this.epochLengthSecs);
    w.key('total_elapsed_epochs').u64(this.totalElapsedEpochs).endObject();
  }

  static read(json: JsonValue): Result<Interval> {
    const f = new Fields(json, 'Interval');
    const interval = new Interval(
      f.u32('id'),
      f.u32('epochs_in_interval'),
      f.u64('current_epoch_start'),
      f.u32('current_epoch_id'),
      f.u64('epoch_length_secs'),
      f.u32('total_elapsed_epochs'),
    );
    const problem = f.finish();
    return problem !== null ? Result.err<Interval>(problem) : Result.ok<Interval>(interval);
  }
}

export class RewardingParams {
  constructor(
    public rewardPool: Decimal,
    public stakingSupply: Decimal,
    public stakingSupplyScaleFactor: Decimal,
    public epochRewardBudget: Decimal,
    public stakeSaturationPoint: Decimal,
    public sybilResistance: Decimal,
    public activeSetWorkFactor: Decimal,
    public intervalPoolEmission: Decimal,
    public rewardedSetSize: u32,
    public activeSetSize: u32,
  ) {}

  /**
   * epoch_reward_budget = reward_pool ÷ epochs_in_interval × interval_pool_emission and
   * stake_saturation_point = staking_supply ÷ rewarded_set_size.
   */
  recompute(epochsInInterval: u32): Result<bool> {
    const perEpoch = this.rewardPool.checkedDiv(decimalOfU64(epochsInInterval));
    if (perEpoch.isErr) return perEpoch.cast<bool>();
    const budget = perEpoch.value.checkedMul(this.intervalPoolEmission);
    if (budget.isErr) return budget.cast<bool>();
    const saturation = this.stakingSupply.checkedDiv(decimalOfU64(this.rewardedSetSize));
    if (saturation.isErr) return saturation.cast<bool>();
    this.epochRewardBudget = budget.value;
    this.stakeSaturationPoint = saturation.value;
    return Result.ok<bool>(true);
  }

  write(w: JsonWriter): void {
    w.beginObject().key('interval').beginObject();
    w.key('reward_pool').string(this.rewardPool.toString());
    w.key('staking_supply').string(this.stakingSupply.toString());
    w.key('staking_supply_scale_factor').string(this.stakingSupplyScaleFactor.toString());
    w.key('epoch_reward_budget').string(this.epochRewardBudget.toString());
    w.key('stake_saturation_point').string(this.stakeSaturationPoint.toString());
    w.key('sybil_resistance').string(this.sybilResistance.toString());
    w.key('active_set_work_factor').string(this.activeSetWorkFactor.toString());
    w.key('interval_pool_emission').string(this.intervalPoolEmission.toString());
    w.endObject().key('rewarded_set_size').u64(this.rewardedSetSize);
    w.key('active_set_size').u64(this.activeSetSize).endObject();
  }

  static read(json: JsonValue): Result<RewardingParams> {
    const f = new Fields(json, 'RewardingParams');
    const inner = new Fields(f.value('interval'), 'IntervalRewardParams');
    const params = new RewardingParams(
      inner.decimal('reward_pool'),
      inner.decimal('staking_supply'),
      inner.decimal('staking_supply_scale_factor'),
      inner.decimal('epoch_reward_budget'),
      inner.decimal('stake_saturation_point'),
      inner.decimal('sybil_resistance'),
      inner.decimal('active_set_work_factor'),
      inner.decimal('interval_pool_emission'),
      f.u32('rewarded_set_size'),
      f.u32('active_set_size'),
    );
    const innerProblem = inner.finish();
    if (innerProblem !== null) return Result.err<RewardingParams>(innerProblem);
    const problem = f.finish();
    return problem !== null ? Result.err<RewardingParams>(problem) : Result.ok<RewardingParams>(params);
  }
}

/** Book-keeping of event ids: events are applied in id order, so pending = last − processed. */
export class EventCounters {
  constructor(
    public lastEpochEvent: u32,
    public processedEpochEvents: u32,
    public lastIntervalEvent: u32,
    public processedIntervalEvents: u32,
  ) {}

  write(w: JsonWriter): void {
    w.beginObject().key('last_epoch_event').u64(this.lastEpochEvent);
    w.key('processed_epoch_events').u64(this.processedEpochEvents);
    w.key('last_interval_event').u64(this.lastIntervalEvent);
    w.key('processed_interval_events').u64(this.processedIntervalEvents).endObject();
  }

  static read(json: JsonValue): Result<EventCounters> {
    const f = new Fields(json, 'EventCounters');
    const counters = new EventCounters(
      f.u32('last_epoch_event'),
      f.u32('processed_epoch_events'),
      f.u32('last_interval_event'),
      f.u32('processed_interval_events'),
    );
    const problem = f.finish();
    return problem !== null ? Result.err<EventCounters>(problem) : Result.ok<EventCounters>(counters);
  }
}

/** The rewarded set's summary; the members are in the `rewarded_set` map. */
export class RewardedSetMetadata {
  constructor(
    /** The absolute epoch (total elapsed epochs) the set was chosen for. */
    readonly epochId: u32,
    readonly activeSetSize: u32,
    readonly standbySetSize: u32,
    readonly layer1: u32,
    readonly layer2: u32,
    readonly layer3: u32,
    /** Hex of the randomness the set was drawn from (empty before the first draw). */
    readonly randomness: string,
  ) {}

  write(w: JsonWriter): void {
    w.beginObject().key('epoch_id').u64(this.epochId).key('active_set_size').u64(this.activeSetSize);
    w.key('standby_set_size').u64(this.standbySetSize).key('layer1').u64(this.layer1);
    w.key('layer2').u64(this.layer2).key('layer3').u64(this.layer3);
    w.key('randomness').string(this.randomness).endObject();
  }

  static read(json: JsonValue): Result<RewardedSetMetadata> {
    const f = new Fields(json, 'RewardedSetMetadata');
    const metadata = new RewardedSetMetadata(
      f.u32('epoch_id'),
      f.u32('active_set_size'),
      f.u32('standby_set_size'),
      f.u32('layer1'),
      f.u32('layer2'),
      f.u32('layer3'),
      f.string('randomness'),
    );
    const problem = f.finish();
    return problem !== null
      ? Result.err<RewardedSetMetadata>(problem)
      : Result.ok<RewardedSetMetadata>(metadata);
  }
}

function writeState(value: ContractState, w: JsonWriter): void {
  value.write(w);
}
function writeInterval(value: Interval, w: JsonWriter): void {
  value.write(w);
}
function writeRewardingParams(value: RewardingParams, w: JsonWriter): void {
  value.write(w);
}
function writeCounters(value: EventCounters, w: JsonWriter): void {
  value.write(w);
}
function writeMetadata(value: RewardedSetMetadata, w: JsonWriter): void {
  value.write(w);
}

export const STATE_CODEC = new Codec<ContractState>(writeState, ContractState.read);
export const INTERVAL_CODEC = new Codec<Interval>(writeInterval, Interval.read);
export const REWARDING_PARAMS_CODEC = new Codec<RewardingParams>(writeRewardingParams, RewardingParams.read);
export const COUNTERS_CODEC = new Codec<EventCounters>(writeCounters, EventCounters.read);
export const METADATA_CODEC = new Codec<RewardedSetMetadata>(writeMetadata, RewardedSetMetadata.read);
