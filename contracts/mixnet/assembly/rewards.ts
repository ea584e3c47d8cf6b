import { Decimal, Result, Uint128 } from '../../std/assembly/index';
import { decimalOf, decimalOfU64, minDecimal, mulRatio, saturatingSub } from './decimals';
import { RewardingParams } from './params';
import { Delegation, MixNodeRewarding } from './types';

// Nym's reward model (reference nym-platform.md §7), in checked Decimal arithmetic that rounds
// down at every step, evaluated in exactly the order written here (contracts/README.md repeats
// it so that anyone can recompute a reward to the last atomic unit).

export class RewardDistribution {
  constructor(
    readonly operator: Decimal,
    readonly delegates: Decimal,
    readonly operatingCost: Decimal,
  ) {}

  get total(): Decimal {
    return new Decimal(this.operator.atomics.add(this.delegates.atomics));
  }
}

/**
 * ω: standby = 1 ÷ (f·k − (f − 1)·k_standby), active = f × standby, so the work of the whole
 * rewarded set sums to 1.
 */
function nodeWork(params: RewardingParams, active: bool): Result<Decimal> {
  const f = params.activeSetWorkFactor;
  const k = decimalOfU64(params.rewardedSetSize);
  const standbyCount = decimalOfU64(params.rewardedSetSize - params.activeSetSize);
  const fk = f.checkedMul(k);
  if (fk.isErr) return fk;
  const fMinusOne = f.checkedSub(Decimal.one());
  if (fMinusOne.isErr) return fMinusOne;
  const standbyShare = fMinusOne.value.checkedMul(standbyCount);
  if (standbyShare.isErr) return standbyShare;
  const denominator = fk.value.checkedSub(standbyShare.value);
  if (denominator.isErr) return denominator;
  const standby = Decimal.one().checkedDiv(denominator.value);
  if (standby.isErr || !active) return standby;
  return f.checkedMul(standby.value);
}

export function bondOf(rewarding: MixNodeRewarding): Decimal {
  return new Decimal(rewarding.operator.atomics.add(rewarding.delegates.atomics));
}

/** σ = min(1, (operator + delegates) ÷ saturation point), the node's stake saturation. */
export function stakeSaturation(rewarding: MixNodeRewarding, params: RewardingParams): Result<Decimal> {
  const uncapped = bondOf(rewarding).checkedDiv(params.stakeSaturationPoint);
  if (uncapped.isErr) return uncapped;
  return Result.ok<Decimal>(minDecimal(uncapped.value, Decimal.one()));
}

/**
 * reward = budget × performance × σ × (ω + α × λ ÷ k) ÷ (1 + α), with λ = min(1, operator ÷
 * saturation point), evaluated left to right.
 */
export function nodeReward(
  params: RewardingParams,
  rewarding: MixNodeRewarding,
  performance: Decimal,
  active: bool,
): Result<Decimal> {
  const sigma = stakeSaturation(rewarding, params);
  if (sigma.isErr) return sigma;
  const pledgeShare = rewarding.operator.checkedDiv(params.stakeSaturationPoint);
  if (pledgeShare.isErr) return pledgeShare;
  const lambda = minDecimal(pledgeShare.value, Decimal.one());
  const work = nodeWork(params, active);
  if (work.isErr) return work;
  const alphaLambda = params.sybilResistance.checkedMul(lambda);
  if (alphaLambda.isErr) return alphaLambda;
  const perNode = alphaLambda.value.checkedDiv(decimalOfU64(params.rewardedSetSize));
  if (perNode.isErr) return perNode;
  const factor = work.value.checkedAdd(perNode.value);
  if (factor.isErr) return factor;
  let reward = params.epochRewardBudget.checkedMul(performance);
  if (reward.isOk) reward = reward.value.checkedMul(sigma.value);
  if (reward.isOk) reward = reward.value.checkedMul(factor.value);
  if (reward.isErr) return reward;
  const onePlusAlpha = Decimal.one().checkedAdd(params.sybilResistance);
  if (onePlusAlpha.isErr) return onePlusAlpha;
  return reward.value.checkedDiv(onePlusAlpha.value);
}

/**
 * cost = interval_operating_cost ÷ epochs_in_interval × performance. Above the cost, the operator
 * takes cost + profit × (pm + (1 − pm) × operator ÷ bond) and the delegates the rest; at or below
 * it, the operator takes everything.
 */
export function splitReward(
  rewarding: MixNodeRewarding,
  reward: Decimal,
  performance: Decimal,
  epochsInInterval: u32,
): Result<RewardDistribution> {
  const perEpoch = Decimal.fromRatio(
    rewarding.costParams.intervalOperatingCost,
    Uint128.fromU64(epochsInInterval),
  );
  if (perEpoch.isErr) return perEpoch.cast<RewardDistribution>();
  const cost = perEpoch.value.checkedMul(performance);
  if (cost.isErr) return cost.cast<RewardDistribution>();
  if (reward.compare(cost.value) <= 0)
    return Result.ok<RewardDistribution>(new RewardDistribution(reward, Decimal.zero(), cost.value));
  const profit = reward.checkedSub(cost.value).value;
  const operatorShare = rewarding.operator.checkedDiv(bondOf(rewarding));
  if (operatorShare.isErr) return operatorShare.cast<RewardDistribution>();
  const margin = rewarding.costParams.profitMargin;
  const rest = Decimal.one().checkedSub(margin);
  if (rest.isErr) return rest.cast<RewardDistribution>();
  let share = rest.value.checkedMul(operatorShare.value);
  if (share.isOk) share = margin.checkedAdd(share.value);
  if (share.isErr) return share.cast<RewardDistribution>();
  let operator = share.value.checkedMul(profit);
  if (operator.isOk) operator = operator.value.checkedAdd(cost.value);
  if (operator.isErr) return operator.cast<RewardDistribution>();
  const delegates = saturatingSub(reward, operator.value);
  return Result.ok<RewardDistribution>(new RewardDistribution(operator.value, delegates, cost.value));
}

/** Credits a distribution: total_unit_reward += delegates' reward × (unit + total) ÷ delegates. */
export function distribute(rewarding: MixNodeRewarding, distribution: RewardDistribution): Result<bool> {
  if (!distribution.delegates.isZero && !rewarding.delegates.isZero) {
    const unitValue = rewarding.unitDelegation.checkedAdd(rewarding.totalUnitReward);
    if (unitValue.isErr) return unitValue.cast<bool>();
    const perUnit = mulRatio(distribution.delegates, unitValue.value, rewarding.delegates);
    if (perUnit.isErr) return perUnit.cast<bool>();
    const total = rewarding.totalUnitReward.checkedAdd(perUnit.value);
    if (total.isErr) return total.cast<bool>();
    rewarding.totalUnitReward = total.value;
  }
  const operator = rewarding.operator.checkedAdd(distribution.operator);
  if (operator.isErr) return operator.cast<bool>();
  const delegates = rewarding.delegates.checkedAdd(distribution.delegates);
  if (delegates.isErr) return delegates.cast<bool>();
  rewarding.operator = operator.value;
  rewarding.delegates = delegates.value;
  return Result.ok<bool>(true);
}

/** What a delegation has earned: amount × (total_unit_reward − T0) ÷ (unit_delegation + T0). */
export function delegationReward(rewarding: MixNodeRewarding, delegation: Delegation): Result<Decimal> {
  const amount = decimalOf(delegation.amount);
  if (amount.isErr) return amount;
  const growth = rewarding.totalUnitReward.checkedSub(delegation.cumulativeRewardRatio);
  if (growth.isErr) return growth;
  const base = rewarding.unitDelegation.checkedAdd(delegation.cumulativeRewardRatio);
  if (base.isErr) return base;
  return mulRatio(amount.value, growth.value, base.value);
}

/** The operator's rewards not yet withdrawn: operator − pledge. */
export function operatorReward(rewarding: MixNodeRewarding, pledge: Uint128): Result<Decimal> {
  const staked = decimalOf(pledge);
  if (staked.isErr) return staked;
  return Result.ok<Decimal>(saturatingSub(rewarding.operator, staked.value));
}
