import { Codec, Decimal, Fields, JsonValue, JsonWriter, Result, Uint128 } from '../../std/assembly/index';
import { checkUnitInterval } from './decimals';
import {
  optionalDecimal,
  optionalId,
  writeOptionalDecimal,
  writeOptionalId,
  writeOptionalString,
} from './json-util';
import { decodeBase58 } from './base58';

// Nodes, bonds and delegations as stored and as the queries show them (snake_case JSON, amounts
// in unym as Uint128 strings, fractions as Decimal strings).

const MAX_HOST_LENGTH = 255;
const MAX_VERSION_LENGTH = 64;
const MAX_LOCATION_LENGTH = 128;

function checkPort(field: string, port: u32): string | null {
  if (port === 0 || port > 65535) return '`' + field + '` must be a port between 1 and 65535';
  return null;
}

function checkText(field: string, value: string, maxLength: i32, allowEmpty: bool): string | null {
  if (!allowEmpty && value.length === 0) return '`' + field + '` must not be empty';
  if (String.UTF8.byteLength(value) > maxLength)
    return '`' + field + '` is longer than ' + maxLength.toString() + ' bytes';
  return null;
}

function checkKey(field: string, key: string): string | null {
  if (decodeBase58(key, 32) === null) return '`' + field + '` is not a base58-encoded 32-byte key';
  return null;
}

function firstProblem(problems: Array<string | null>): string | null {
  for (let i = 0; i < problems.length; i++) if (problems[i] !== null) return problems[i];
  return null;
}

/** What a mix node announces: where it listens and its keys (base58, as Nym prints them). */
export class MixNode {
  constructor(
    public host: string,
    public mixPort: u32,
    public httpApiPort: u32,
    readonly sphinxKey: string,
    readonly identityKey: string,
    public version: string,
    public location: string,
  ) {}

  validate(): string | null {
    return firstProblem([
      checkText('host', this.host, MAX_HOST_LENGTH, false),
      checkPort('mix_port', this.mixPort),
      checkPort('http_api_port', this.httpApiPort),
      checkKey('sphinx_key', this.sphinxKey),
      checkKey('identity_key', this.identityKey),
      checkText('version', this.version, MAX_VERSION_LENGTH, false),
      checkText('location', this.location, MAX_LOCATION_LENGTH, true),
    ]);
  }

  write(w: JsonWriter): void {
    w.beginObject().key('host').string(this.host).key('mix_port').u64(this.mixPort);
    w.key('http_api_port').u64(this.httpApiPort).key('sphinx_key').string(this.sphinxKey);
    w.key('identity_key').string(this.identityKey).key('version').string(this.version);
    w.key('location').string(this.location).endObject();
  }

  static read(json: JsonValue): Result<MixNode> {
    const f = new Fields(json, 'MixNode');
    const node = new MixNode(
      f.string('host'),
      f.u32('mix_port'),
      f.u32('http_api_port'),
      f.string('sphinx_key'),
      f.string('identity_key'),
      f.string('version'),
      f.string('location'),
    );
    const problem = f.finish();
    return problem !== null ? Result.err<MixNode>(problem) : Result.ok<MixNode>(node);
  }
}

/** The parts of a mix node's description its owner may change (keys stay). */
export class MixNodeConfigUpdate {
  constructor(
    readonly host: string,
    readonly mixPort: u32,
    readonly httpApiPort: u32,
    readonly version: string,
    readonly location: string,
  ) {}

  static read(json: JsonValue): Result<MixNodeConfigUpdate> {
    const f = new Fields(json, 'MixNodeConfigUpdate');
    const update = new MixNodeConfigUpdate(
      f.string('host'),
      f.u32('mix_port'),
      f.u32('http_api_port'),
      f.string('version'),
      f.string('location'),
    );
    const problem = f.finish();
    return problem !== null
      ? Result.err<MixNodeConfigUpdate>(problem)
      : Result.ok<MixNodeConfigUpdate>(update);
  }

  applyTo(node: MixNode): void {
    node.host = this.host;
    node.mixPort = this.mixPort;
    node.httpApiPort = this.httpApiPort;
    node.version = this.version;
    node.location = this.location;
  }
}

export class Gateway {
  constructor(
    public host: string,
    public mixPort: u32,
    public clientsPort: u32,
    public httpApiPort: u32,
    public location: string,
    readonly sphinxKey: string,
    readonly identityKey: string,
    public version: string,
  ) {}

  validate(): string | null {
    return firstProblem([
      checkText('host', this.host, MAX_HOST_LENGTH, false),
      checkPort('mix_port', this.mixPort),
      checkPort('clients_port', this.clientsPort),
      checkPort('http_api_port', this.httpApiPort),
      checkText('location', this.location, MAX_LOCATION_LENGTH, true),
      checkKey('sphinx_key', this.sphinxKey),
      checkKey('identity_key', this.identityKey),
      checkText('version', this.version, MAX_VERSION_LENGTH, false),
    ]);
  }

  write(w: JsonWriter): void {
    w.beginObject().key('host').string(this.host).key('mix_port').u64(this.mixPort);
    w.key('clients_port').u64(this.clientsPort).key('http_api_port').u64(this.httpApiPort);
    w.key('location').string(this.location).key('sphinx_key').string(this.sphinxKey);
    w.key('identity_key').string(this.identityKey).key('version').string(this.version).endObject();
  }

  static read(json: JsonValue): Result<Gateway> {
    const f = new Fields(json, 'Gateway');
    const gateway = new Gateway(
      f.string('host'),
      f.u32('mix_port'),
      f.u32('clients_port'),
      f.u32('http_api_port'),
      f.string('location'),
      f.string('sphinx_key'),
      f.string('identity_key'),
      f.string('version'),
    );
    const problem = f.finish();
    return problem !== null ? Result.err<Gateway>(problem) : Result.ok<Gateway>(gateway);
  }
}

export class GatewayConfigUpdate {
  constructor(
    readonly host: string,
    readonly mixPort: u32,
    readonly clientsPort: u32,
    readonly httpApiPort: u32,
    readonly location: string,
    readonly version: string,
  ) {}

  static read(json: JsonValue): Result<GatewayConfigUpdate> {
    const f = new Fields(json, 'GatewayConfigUpdate');
    const update = new GatewayConfigUpdate(
      f.string('host'),
      f.u32('mix_port'),
      f.u32('clients_port'),
      f.u32('http_api_port'),
      f.string('location'),
      f.string('version'),
    );
    const problem = f.finish();
    return problem !== null
      ? Result.err<GatewayConfigUpdate>(problem)
      : Result.ok<GatewayConfigUpdate>(update);
  }

  applyTo(gateway: Gateway): void {
    gateway.host = this.host;
    gateway.mixPort = this.mixPort;
    gateway.clientsPort = this.clientsPort;
    gateway.httpApiPort = this.httpApiPort;
    gateway.location = this.location;
    gateway.version = this.version;
  }
}

/** The operator's terms: a share of the profit, and a cost per interval paid before any split. */
export class CostParams {
  constructor(
    readonly profitMargin: Decimal,
    readonly intervalOperatingCost: Uint128,
  ) {}

  validate(): string | null {
    return checkUnitInterval('profit_margin_percent', this.profitMargin);
  }

  write(w: JsonWriter): void {
    w.beginObject().key('profit_margin_percent').string(this.profitMargin.toString());
    w.key('interval_operating_cost').string(this.intervalOperatingCost.toString()).endObject();
  }

  static read(json: JsonValue): Result<CostParams> {
    const f = new Fields(json, 'MixNodeCostParams');
    const params = new CostParams(f.decimal('profit_margin_percent'), f.uint128('interval_operating_cost'));
    const problem = f.finish();
    return problem !== null ? Result.err<CostParams>(problem) : Result.ok<CostParams>(params);
  }
}

export class MixNodeBond {
  constructor(
    readonly mixId: u32,
    readonly owner: string,
    public originalPledge: Uint128,
    readonly mixNode: MixNode,
    /** The vesting contract when the node was bonded with vesting NYM. */
    readonly proxy: string | null,
    readonly bondingHeight: u64,
    public isUnbonding: bool,
    /** The id of the pending pledge change (pledge more or decrease), 0 when there is none. */
    public pendingPledgeChange: u32,
  ) {}

  write(w: JsonWriter): void {
    w.beginObject().key('mix_id').u64(this.mixId).key('owner').string(this.owner);
    w.key('original_pledge').string(this.originalPledge.toString()).key('mix_node');
    this.mixNode.write(w);
    w.key('proxy');
    writeOptionalString(w, this.proxy);
    w.key('bonding_height').u64(this.bondingHeight).key('is_unbonding').bool(this.isUnbonding);
    w.key('pending_pledge_change');
    writeOptionalId(w, this.pendingPledgeChange);
    w.endObject();
  }

  static read(json: JsonValue): Result<MixNodeBond> {
    const f = new Fields(json, 'MixNodeBond');
    const mixId = f.u32('mix_id');
    const owner = f.string('owner');
    const pledge = f.uint128('original_pledge');
    const node = MixNode.read(f.value('mix_node'));
    const proxy = f.optionalString('proxy');
    const height = f.u64('bonding_height');
    const unbonding = f.bool('is_unbonding');
    const pending = optionalId(f, 'pending_pledge_change');
    const problem = f.finish();
    if (problem !== null) return Result.err<MixNodeBond>(problem);
    if (node.isErr) return node.cast<MixNodeBond>();
    return Result.ok<MixNodeBond>(
      new MixNodeBond(mixId, owner, pledge, node.value, proxy, height, unbonding, pending),
    );
  }
}

/**
 * A node's share of the stake and its rewards. `operator` is the pledge plus rewards not yet
 * withdrawn; `delegates` is every delegation plus its rewards. A delegation made when
 * `total_unit_reward` was T0 is worth amount × (unit_delegation + T) ÷ (unit_delegation + T0) now.
 */
export class MixNodeRewarding {
  constructor(
    public costParams: CostParams,
    public operator: Decimal,
    public delegates: Decimal,
    public totalUnitReward: Decimal,
    readonly unitDelegation: Decimal,
    public lastRewardedEpoch: u32,
    public uniqueDelegations: u32,
    public lastPerformance: Decimal | null,
  ) {}

  write(w: JsonWriter): void {
    w.beginObject().key('cost_params');
    this.costParams.write(w);
    w.key('operator').string(this.operator.toString()).key('delegates').string(this.delegates.toString());
    w.key('total_unit_reward').string(this.totalUnitReward.toString());
    w.key('unit_delegation').string(this.unitDelegation.toString());
    w.key('last_rewarded_epoch').u64(this.lastRewardedEpoch);
    w.key('unique_delegations').u64(this.uniqueDelegations).key('last_performance');
    writeOptionalDecimal(w, this.lastPerformance);
    w.endObject();
  }

  static read(json: JsonValue): Result<MixNodeRewarding> {
    const f = new Fields(json, 'MixNodeRewarding');
    const costs = CostParams.read(f.value('cost_params'));
    const operator = f.decimal('operator');
    const delegates = f.decimal('delegates');
    const total = f.decimal('total_unit_reward');
    const unit = f.decimal('unit_delegation');
    const last = f.u32('last_rewarded_epoch');
    const unique = f.u32('unique_delegations');
    const performance = optionalDecimal(f, 'last_performance');
    const problem = f.finish();
    if (problem !== null) return Result.err<MixNodeRewarding>(problem);
    if (costs.isErr) return costs.cast<MixNodeRewarding>();
    return Result.ok<MixNodeRewarding>(
      new MixNodeRewarding(costs.value, operator, delegates, total, unit, last, unique, performance),
    );
  }
}

export class GatewayBond {
  constructor(
    readonly owner: string,
    readonly pledgeAmount: Uint128,
    readonly gateway: Gateway,
    readonly proxy: string | null,
    readonly bondingHeight: u64,
    public lastPerformance: Decimal | null,
  ) {}

  write(w: JsonWriter): void {
    w.beginObject().key('owner').string(this.owner).key('pledge_amount').string(this.pledgeAmount.toString());
    w.key('gateway');
    this.gateway.write(w);
    w.key('proxy');
    writeOptionalString(w, this.proxy);
    w.key('bonding_height').u64(this.bondingHeight).key('last_performance');
    writeOptionalDecimal(w, this.lastPerformance);
    w.endObject();
  }

  static read(json: JsonValue): Result<GatewayBond> {
    const f = new Fields(json, 'GatewayBond');
    const owner = f.string('owner');
    const pledge = f.uint128('pledge_amount');
    const gateway = Gateway.read(f.value('gateway'));
    const proxy = f.optionalString('proxy');
    const height = f.u64('bonding_height');
    const performance = optionalDecimal(f, 'last_performance');
    const problem = f.finish();
    if (problem !== null) return Result.err<GatewayBond>(problem);
    if (gateway.isErr) return gateway.cast<GatewayBond>();
    return Result.ok<GatewayBond>(new GatewayBond(owner, pledge, gateway.value, proxy, height, performance));
  }
}

export class Delegation {
  constructor(
    readonly owner: string,
    readonly mixId: u32,
    /** The node's total_unit_reward when this delegation was made or last paid out. */
    public cumulativeRewardRatio: Decimal,
    public amount: Uint128,
    public height: u64,
    readonly proxy: string | null,
  ) {}

  write(w: JsonWriter): void {
    w.beginObject().key('owner').string(this.owner).key('mix_id').u64(this.mixId);
    w.key('cumulative_reward_ratio').string(this.cumulativeRewardRatio.toString());
    w.key('amount').string(this.amount.toString()).key('height').u64(this.height).key('proxy');
    writeOptionalString(w, this.proxy);
    w.endObject();
  }

  static read(json: JsonValue): Result<Delegation> {
    const f = new Fields(json, 'Delegation');
    const delegation = new Delegation(
      f.string('owner'),
      f.u32('mix_id'),
      f.decimal('cumulative_reward_ratio'),
      f.uint128('amount'),
      f.u64('height'),
      f.optionalString('proxy'),
    );
    const problem = f.finish();
    return problem !== null ? Result.err<Delegation>(problem) : Result.ok<Delegation>(delegation);
  }
}

function writeBond(value: MixNodeBond, w: JsonWriter): void {
  value.write(w);
}
function writeRewarding(value: MixNodeRewarding, w: JsonWriter): void {
  value.write(w);
}
function writeGatewayBond(value: GatewayBond, w: JsonWriter): void {
  value.write(w);
}
function writeDelegation(value: Delegation, w: JsonWriter): void {
  value.write(w);
}

export const BOND_CODEC = new Codec<MixNodeBond>(writeBond, MixNodeBond.read);
export const REWARDING_CODEC = new Codec<MixNodeRewarding>(writeRewarding, MixNodeRewarding.read);
export const GATEWAY_CODEC = new Codec<GatewayBond>(writeGatewayBond, GatewayBond.read);
export const DELEGATION_CODEC = new Codec<Delegation>(writeDelegation, Delegation.read);
