// Nym's reward model worked out independently in BigInt from the formulas in contracts/README.md
// (Decimal = integer count of 10⁻¹⁸, every product and quotient rounded down), so the tests can
// compare what the contract pays with what the model says to the last atomic unit.

export const ONE = 10n ** 18n;

export function decimal(text: string): bigint {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole!) * ONE + BigInt(fraction.padEnd(18, '0'));
}

export function decimalString(atomics: bigint): string {
  const whole = atomics / ONE;
  const fraction = (atomics % ONE).toString().padStart(18, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}

const mul = (a: bigint, b: bigint) => (a * b) / ONE;
const div = (a: bigint, b: bigint) => (a * ONE) / b;
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const units = (amount: bigint) => amount * ONE;

export interface ModelParams {
  rewardPool: bigint;
  stakingSupply: bigint;
  scaleFactor: bigint;
  sybilResistance: bigint;
  workFactor: bigint;
  emission: bigint;
  rewardedSetSize: bigint;
  activeSetSize: bigint;
  epochsInInterval: bigint;
}

interface ModelNode {
  pledge: bigint;
  operator: bigint;
  delegates: bigint;
  totalUnitReward: bigint;
  profitMargin: bigint;
  intervalCost: bigint;
}

interface ModelDelegation {
  mixId: number;
  amount: bigint;
  ratio: bigint;
}

export const UNIT_DELEGATION = units(1_000_000_000n);

export class RewardModel {
  budget = 0n;
  saturationPoint = 0n;
  distributed = 0n;
  readonly nodes = new Map<number, ModelNode>();
  readonly delegations = new Map<string, ModelDelegation>();

  constructor(readonly p: ModelParams) {
    this.recompute();
  }

  private recompute(): void {
    this.budget = mul(div(this.p.rewardPool, units(this.p.epochsInInterval)), this.p.emission);
    this.saturationPoint = div(this.p.stakingSupply, units(this.p.rewardedSetSize));
  }

  bond(mixId: number, pledge: bigint, profitMargin: string, intervalCost: bigint): void {
    this.nodes.set(mixId, {
      pledge,
      operator: units(pledge),
      delegates: 0n,
      totalUnitReward: 0n,
      profitMargin: decimal(profitMargin),
      intervalCost,
    });
  }

  private node(mixId: number): ModelNode {
    const node = this.nodes.get(mixId);
    if (node === undefined) throw new Error(`model has no node ${mixId}`);
    return node;
  }

  /** ω: standby 1 / (f·k − (f − 1)·(k − k_active)), active f × standby. */
  work(active: boolean): bigint {
    const { workFactor: f, rewardedSetSize: k, activeSetSize: ka } = this.p;
    const standby = div(ONE, mul(f, units(k)) - mul(f - ONE, units(k - ka)));
    return active ? mul(f, standby) : standby;
  }

  /** The node's reward and its split, credited as the contract credits it; returns the split. */
  reward(mixId: number, performance: string, active: boolean): { operator: bigint; delegates: bigint } {
    const node = this.node(mixId);
    const perf = decimal(performance);
    const bond = node.operator + node.delegates;
    const sigma = min(div(bond, this.saturationPoint), ONE);
    const lambda = min(div(node.operator, this.saturationPoint), ONE);
    const alpha = this.p.sybilResistance;
    const factor = this.work(active) + div(mul(alpha, lambda), units(this.p.rewardedSetSize));
    const reward = div(mul(mul(mul(this.budget, perf), sigma), factor), ONE + alpha);
    const cost = mul(div(units(node.intervalCost), units(this.p.epochsInInterval)), perf);
    let operator = reward;
    let delegates = 0n;
    if (reward > cost) {
      const profit = reward - cost;
      const share = node.profitMargin + mul(ONE - node.profitMargin, div(node.operator, bond));
      operator = mul(share, profit) + cost;
      delegates = reward - operator;
    }
    if (delegates > 0n && node.delegates > 0n)
      node.totalUnitReward += (delegates * (UNIT_DELEGATION + node.totalUnitReward)) / node.delegates;
    node.operator += operator;
    node.delegates += delegates;
    this.distributed += operator + delegates;
    return { operator, delegates };
  }

  /** A delegation applied at an epoch's end. */
  delegate(key: string, mixId: number, amount: bigint): void {
    const node = this.node(mixId);
    if (this.delegations.has(key)) throw new Error('the model handles one delegation per key');
    this.delegations.set(key, { mixId, amount, ratio: node.totalUnitReward });
    node.delegates += units(amount);
  }

  /** amount × (T − T0) ÷ (unit + T0), exact (atomics). */
  delegationReward(key: string): bigint {
    const delegation = this.delegations.get(key)!;
    const node = this.node(delegation.mixId);
    return (
      (units(delegation.amount) * (node.totalUnitReward - delegation.ratio)) /
      (UNIT_DELEGATION + delegation.ratio)
    );
  }

  /** Pays out a delegator's rewards (in unym), as withdraw_delegator_reward does. */
  withdrawDelegatorReward(key: string): bigint {
    const reward = this.delegationReward(key);
    const delegation = this.delegations.get(key)!;
    const node = this.node(delegation.mixId);
    node.delegates -= reward;
    delegation.ratio = node.totalUnitReward;
    return reward / ONE;
  }

  /** Pays out an operator's rewards (in unym), as withdraw_operator_reward does. */
  withdrawOperatorReward(mixId: number): bigint {
    const node = this.node(mixId);
    const paid = (node.operator - units(node.pledge)) / ONE;
    node.operator -= units(paid);
    return paid;
  }

  /** Removes a delegation, paying amount plus rewards (in unym). */
  undelegate(key: string): bigint {
    const delegation = this.delegations.get(key)!;
    const node = this.node(delegation.mixId);
    const value = units(delegation.amount) + this.delegationReward(key);
    node.delegates -= value;
    this.delegations.delete(key);
    return value / ONE;
  }

  /** Unbonding pays the operator's whole stake (in unym). */
  unbond(mixId: number): bigint {
    const node = this.node(mixId);
    const paid = node.operator / ONE;
    node.operator = 0n;
    return paid;
  }

  /** reward_pool −= distributed; staking_supply += scale × distributed; budget and saturation follow. */
  endInterval(): void {
    this.p.rewardPool -= this.distributed;
    this.p.stakingSupply += mul(this.p.scaleFactor, this.distributed);
    this.distributed = 0n;
    this.recompute();
  }

  operator(mixId: number): bigint {
    return this.node(mixId).operator;
  }

  delegates(mixId: number): bigint {
    return this.node(mixId).delegates;
  }

  totalUnitReward(mixId: number): bigint {
    return this.node(mixId).totalUnitReward;
  }
}
