import {
  Codec,
  Decimal,
  decodeVariant,
  Fields,
  JsonValue,
  JsonWriter,
  Result,
  Uint128,
} from '../../std/assembly/index';
import { checkUnitInterval } from './decimals';
import { optionalDecimal, writeOptionalDecimal, writeOptionalString } from './json-util';
import { CostParams } from './types';

// Changes that wait for the end of the epoch (stake changes) or of the interval (cost and
// parameter changes). They are stored by id and applied in id order, so they reconcile in the
// order they were asked for.

export const DELEGATE = 'delegate';
export const UNDELEGATE = 'undelegate';
export const PLEDGE_MORE = 'pledge_more';
export const DECREASE_PLEDGE = 'decrease_pledge';
export const UNBOND_MIXNODE = 'unbond_mixnode';
const UPDATE_ACTIVE_SET_SIZE = 'update_active_set_size';

export const CHANGE_MIX_COST_PARAMS = 'change_mix_cost_params';
export const UPDATE_REWARDING_PARAMS = 'update_rewarding_params';
const UPDATE_INTERVAL_CONFIG = 'update_interval_config';

export class PendingEpochEvent {
  constructor(
    public id: u32,
    readonly createdAt: u64,
    readonly kind: string,
    readonly owner: string,
    readonly mixId: u32,
    /** Delegated or added amount, or the decrease. */
    readonly amount: Uint128,
    readonly proxy: string | null,
    readonly newSize: u32,
  ) {}

  static delegate(
    height: u64,
    owner: string,
    mixId: u32,
    amount: Uint128,
    proxy: string | null,
  ): PendingEpochEvent {
    return new PendingEpochEvent(0, height, DELEGATE, owner, mixId, amount, proxy, 0);
  }

  static undelegate(height: u64, owner: string, mixId: u32, proxy: string | null): PendingEpochEvent {
    return new PendingEpochEvent(0, height, UNDELEGATE, owner, mixId, Uint128.zero(), proxy, 0);
  }

  static forNode(height: u64, kind: string, mixId: u32, amount: Uint128): PendingEpochEvent {
    return new PendingEpochEvent(0, height, kind, '', mixId, amount, null, 0);
  }

  static activeSetSize(height: u64, size: u32): PendingEpochEvent {
    return new PendingEpochEvent(0, height, UPDATE_ACTIVE_SET_SIZE, '', 0, Uint128.zero(), null, size);
  }

  writeKind(w: JsonWriter): void {
    w.beginObject().key(this.kind).beginObject();
    if (this.kind === DELEGATE || this.kind === UNDELEGATE) {
      w.key('owner').string(this.owner).key('mix_id').u64(this.mixId);
      if (this.kind === DELEGATE) w.key('amount').string(this.amount.toString());
      w.key('proxy');
      writeOptionalString(w, this.proxy);
    } else if (this.kind === UPDATE_ACTIVE_SET_SIZE) {
      w.key('new_size').u64(this.newSize);
    } else {
      w.key('mix_id').u64(this.mixId);
      if (this.kind === PLEDGE_MORE) w.key('amount').string(this.amount.toString());
      if (this.kind === DECREASE_PLEDGE) w.key('decrease_by').string(this.amount.toString());
    }
    w.endObject().endObject();
  }

  write(w: JsonWriter): void {
    w.beginObject().key('created_at').u64(this.createdAt).key('kind');
    this.writeKind(w);
    w.endObject();
  }

  static read(json: JsonValue): Result<PendingEpochEvent> {
    const f = new Fields(json, 'PendingEpochEventData');
    const createdAt = f.u64('created_at');
    const kind = decodeVariant(f.value('kind'), 'PendingEpochEventKind');
    const problem = f.finish();
    if (problem !== null) return Result.err<PendingEpochEvent>(problem);
    if (kind.isErr) return kind.cast<PendingEpochEvent>();
    const name = kind.value.name;
    const k = new Fields(kind.value.body, 'PendingEpochEventKind::' + name);
    const isDelegation = name === DELEGATE || name === UNDELEGATE;
    const owner = isDelegation ? k.string('owner') : '';
    const mixId = name === UPDATE_ACTIVE_SET_SIZE ? 0 : k.u32('mix_id');
    let amount = Uint128.zero();
    if (name === DELEGATE || name === PLEDGE_MORE) amount = k.uint128('amount');
    if (name === DECREASE_PLEDGE) amount = k.uint128('decrease_by');
    const proxy = isDelegation ? k.optionalString('proxy') : null;
    const size = name === UPDATE_ACTIVE_SET_SIZE ? k.u32('new_size') : 0;
    const kindProblem = k.finish();
    if (kindProblem !== null) return Result.err<PendingEpochEvent>(kindProblem);
    return Result.ok<PendingEpochEvent>(
      new PendingEpochEvent(0, createdAt, name, owner, mixId, amount, proxy, size),
    );
  }
}

/** Changed rewarding parameters; null (or 0 for the set size) leaves a parameter as it is. */
export class RewardingParamsUpdate {
  constructor(
    readonly rewardPool: Decimal | null,
    readonly stakingSupply: Decimal | null,
    readonly stakingSupplyScaleFactor: Decimal | null,
    readonly sybilResistance: Decimal | null,
    readonly activeSetWorkFactor: Decimal | null,
    readonly intervalPoolEmission: Decimal | null,
    readonly rewardedSetSize: u32,
  ) {}

  validate(): string | null {
    const fractions: Array<Decimal | null> = [
      this.stakingSupplyScaleFactor,
      this.sybilResistance,
      this.intervalPoolEmission,
    ];
    const names = ['staking_supply_scale_factor', 'sybil_resistance', 'interval_pool_emission'];
    let any = this.rewardPool !== null || this.stakingSupply !== null || this.activeSetWorkFactor !== null;
    any = any || this.rewardedSetSize !== 0;
    for (let i = 0; i < fractions.length; i++) {
      const fraction = fractions[i];
      if (fraction === null) continue;
      any = true;
      const problem = checkUnitInterval(names[i], fraction);
      if (problem !== null) return problem;
    }
    const factor = this.activeSetWorkFactor;
    if (factor !== null && factor.compare(Decimal.one()) < 0)
      return '`active_set_work_factor` must be at least 1';
    return any ? null : 'The rewarding parameters update changes nothing';
  }

  write(w: JsonWriter): void {
    w.beginObject().key('reward_pool');
    writeOptionalDecimal(w, this.rewardPool);
    w.key('staking_supply');
    writeOptionalDecimal(w, this.stakingSupply);
    w.key('staking_supply_scale_factor');
    writeOptionalDecimal(w, this.stakingSupplyScaleFactor);
    w.key('sybil_resistance');
    writeOptionalDecimal(w, this.sybilResistance);
    w.key('active_set_work_factor');
    writeOptionalDecimal(w, this.activeSetWorkFactor);
    w.key('interval_pool_emission');
    writeOptionalDecimal(w, this.intervalPoolEmission);
    w.key('rewarded_set_size');
    if (this.rewardedSetSize === 0) w.nullValue();
    else w.u64(this.rewardedSetSize);
    w.endObject();
  }

  static read(json: JsonValue): Result<RewardingParamsUpdate> {
    const f = new Fields(json, 'IntervalRewardingParamsUpdate');
    const update = new RewardingParamsUpdate(
      optionalDecimal(f, 'reward_pool'),
      optionalDecimal(f, 'staking_supply'),
      optionalDecimal(f, 'staking_supply_scale_factor'),
      optionalDecimal(f, 'sybil_resistance'),
      optionalDecimal(f, 'active_set_work_factor'),
      optionalDecimal(f, 'interval_pool_emission'),
      f.has('rewarded_set_size') ? f.u32('rewarded_set_size') : 0,
    );
    const problem = f.finish();
    if (problem !== null) return Result.err<RewardingParamsUpdate>(problem);
    if (update.rewardedSetSize === 0 && f.has('rewarded_set_size'))
      return Result.err<RewardingParamsUpdate>('`rewarded_set_size` must be positive');
    return Result.ok<RewardingParamsUpdate>(update);
  }
}

export class PendingIntervalEvent {
  constructor(
    public id: u32,
    readonly createdAt: u64,
    readonly kind: string,
    readonly mixId: u32,
    readonly costs: CostParams | null,
    readonly update: RewardingParamsUpdate | null,
    readonly epochsInInterval: u32,
    readonly epochDurationSecs: u64,
  ) {}

  static costChange(height: u64, mixId: u32, costs: CostParams): PendingIntervalEvent {
    return new PendingIntervalEvent(0, height, CHANGE_MIX_COST_PARAMS, mixId, costs, null, 0, 0);
  }

  static rewardingParams(height: u64, update: RewardingParamsUpdate): PendingIntervalEvent {
    return new PendingIntervalEvent(0, height, UPDATE_REWARDING_PARAMS, 0, null, update, 0, 0);
  }

  static intervalConfig(height: u64, epochs: u32, seconds: u64): PendingIntervalEvent {
    return new PendingIntervalEvent(0, height, UPDATE_INTERVAL_CONFIG, 0, null, null, epochs, seconds);
  }

  writeKind(w: JsonWriter): void {
    w.beginObject().key(this.kind).beginObject();
    const costs = this.costs;
    const update = this.update;
    if (costs !== null) {
      w.key('mix_id').u64(this.mixId).key('new_costs');
      costs.write(w);
    } else if (update !== null) {
      w.key('update');
      update.write(w);
    } else {
      w.key('epochs_in_interval').u64(this.epochsInInterval);
      w.key('epoch_duration_secs').u64(this.epochDurationSecs);
    }
    w.endObject().endObject();
  }

  write(w: JsonWriter): void {
    w.beginObject().key('created_at').u64(this.createdAt).key('kind');
    this.writeKind(w);
    w.endObject();
  }

  static read(json: JsonValue): Result<PendingIntervalEvent> {
    const f = new Fields(json, 'PendingIntervalEventData');
    const createdAt = f.u64('created_at');
    const kind = decodeVariant(f.value('kind'), 'PendingIntervalEventKind');
    const problem = f.finish();
    if (problem !== null) return Result.err<PendingIntervalEvent>(problem);
    if (kind.isErr) return kind.cast<PendingIntervalEvent>();
    const name = kind.value.name;
    const k = new Fields(kind.value.body, 'PendingIntervalEventKind::' + name);
    if (name === CHANGE_MIX_COST_PARAMS) {
      const mixId = k.u32('mix_id');
      const costs = CostParams.read(k.value('new_costs'));
      const kindProblem = k.finish();
      if (kindProblem !== null) return Result.err<PendingIntervalEvent>(kindProblem);
      if (costs.isErr) return costs.cast<PendingIntervalEvent>();
      return Result.ok<PendingIntervalEvent>(PendingIntervalEvent.costChange(createdAt, mixId, costs.value));
    }
    if (name === UPDATE_REWARDING_PARAMS) {
      const update = RewardingParamsUpdate.read(k.value('update'));
      const kindProblem = k.finish();
      if (kindProblem !== null) return Result.err<PendingIntervalEvent>(kindProblem);
      if (update.isErr) return update.cast<PendingIntervalEvent>();
      return Result.ok<PendingIntervalEvent>(PendingIntervalEvent.rewardingParams(createdAt, update.value));
    }
    const epochs = k.u32('epochs_in_interval');
    const seconds = k.u64('epoch_duration_secs');
    const kindProblem = k.finish();
    if (kindProblem !== null) return Result.err<PendingIntervalEvent>(kindProblem);
    return Result.ok<PendingIntervalEvent>(PendingIntervalEvent.intervalConfig(createdAt, epochs, seconds));
  }
}

function writeEpochEvent(value: PendingEpochEvent, w: JsonWriter): void {
  value.write(w);
}
function writeIntervalEvent(value: PendingIntervalEvent, w: JsonWriter): void {
  value.write(w);
}

export const EPOCH_EVENT_CODEC = new Codec<PendingEpochEvent>(writeEpochEvent, PendingEpochEvent.read);
export const INTERVAL_EVENT_CODEC = new Codec<PendingIntervalEvent>(
  writeIntervalEvent,
  PendingIntervalEvent.read,
);
