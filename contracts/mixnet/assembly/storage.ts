import {
  Codec,
  Decimal,
  IndexedMap,
  Item,
  JsonKind,
  JsonValue,
  JsonWriter,
  Key,
  Map,
  MultiIndex,
  Result,
  stringCodec,
  u64Codec,
} from '../../std/assembly/index';
import { EPOCH_EVENT_CODEC, INTERVAL_EVENT_CODEC, PendingEpochEvent, PendingIntervalEvent } from './events';
import {
  ContractState,
  COUNTERS_CODEC,
  EventCounters,
  Interval,
  INTERVAL_CODEC,
  METADATA_CODEC,
  RewardedSetMetadata,
  REWARDING_PARAMS_CODEC,
  RewardingParams,
  STATE_CODEC,
} from './params';
import {
  BOND_CODEC,
  Delegation,
  DELEGATION_CODEC,
  GATEWAY_CODEC,
  GatewayBond,
  MixNodeBond,
  MixNodeRewarding,
  REWARDING_CODEC,
} from './types';

// The contract's storage (cw-storage-plus layout, see contracts/README.md):
//   state, interval, rewarding_params, reward_pool_change, event_counters, mixnode_id_counter,
//   rewarded_set_metadata                                      Items
//   mixnodes             mix_id                     → MixNodeBond
//   mixnode_rewarding    mix_id                     → MixNodeRewarding (kept after unbonding
//                                                     while delegations remain)
//   mixnode_owners       owner                      → mix_id
//   mixnode_identities   identity key               → mix_id
//   gateways             identity key               → GatewayBond
//   gateway_owners       owner                      → identity key
//   delegations          (mix_id, owner, proxy|"")  → Delegation, indexed by owner (delegations__owner)
//   signing_nonces       address                    → u64
//   rewarded_set         mix_id                     → layer (1–3, 0 for standby)
//   pending_epoch_events, pending_interval_events   id → event

function writeDecimal(value: Decimal, w: JsonWriter): void {
  w.string(value.toString());
}

function readDecimal(json: JsonValue): Result<Decimal> {
  if (json.kind !== JsonKind.String) return Result.err<Decimal>('invalid type: expected a Decimal string');
  return Decimal.parse(json.text);
}

const DECIMAL_CODEC = new Codec<Decimal>(writeDecimal, readDecimal);

export const STATE = new Item<ContractState>('state', STATE_CODEC);
export const INTERVAL = new Item<Interval>('interval', INTERVAL_CODEC);
export const REWARDING_PARAMS = new Item<RewardingParams>('rewarding_params', REWARDING_PARAMS_CODEC);
/** Rewards paid out in the current interval (taken off the reward pool when it ends). */
export const REWARD_POOL_CHANGE = new Item<Decimal>('reward_pool_change', DECIMAL_CODEC);
export const COUNTERS = new Item<EventCounters>('event_counters', COUNTERS_CODEC);
export const MIXNODE_ID_COUNTER = new Item<u64>('mixnode_id_counter', u64Codec);
export const REWARDED_SET_METADATA = new Item<RewardedSetMetadata>('rewarded_set_metadata', METADATA_CODEC);

export const MIXNODES = new Map<MixNodeBond>('mixnodes', BOND_CODEC);
export const REWARDING = new Map<MixNodeRewarding>('mixnode_rewarding', REWARDING_CODEC);
export const MIXNODE_OWNERS = new Map<u64>('mixnode_owners', u64Codec);
export const MIXNODE_IDENTITIES = new Map<u64>('mixnode_identities', u64Codec);
export const GATEWAYS = new Map<GatewayBond>('gateways', GATEWAY_CODEC);
export const GATEWAY_OWNERS = new Map<string>('gateway_owners', stringCodec);
export const SIGNING_NONCES = new Map<u64>('signing_nonces', u64Codec);
export const REWARDED_SET = new Map<u64>('rewarded_set', u64Codec);
export const EPOCH_EVENTS = new Map<PendingEpochEvent>('pending_epoch_events', EPOCH_EVENT_CODEC);
export const INTERVAL_EVENTS = new Map<PendingIntervalEvent>('pending_interval_events', INTERVAL_EVENT_CODEC);

function delegationOwner(delegation: Delegation): Key {
  return Key.str(delegation.owner);
}

export const DELEGATIONS = new IndexedMap<Delegation>('delegations', DELEGATION_CODEC);
export const DELEGATIONS_BY_OWNER = new MultiIndex<Delegation>(
  'delegations__owner',
  delegationOwner,
  DELEGATIONS.primary,
);
DELEGATIONS.addIndex(DELEGATIONS_BY_OWNER);

export function delegationKey(mixId: u32, owner: string, proxy: string | null): Key {
  return Key.u32(mixId)
    .then(Key.str(owner))
    .then(Key.str(proxy !== null ? proxy : ''));
}

// Loading what instantiate saved: missing or corrupt contract state is not a user error.
export function loadState(): ContractState {
  const state = STATE.load();
  if (state.isErr) abort('mixnet contract state: ' + state.message);
  return state.value;
}

export function loadInterval(): Interval {
  const interval = INTERVAL.load();
  if (interval.isErr) abort('mixnet interval: ' + interval.message);
  return interval.value;
}

export function loadRewardingParams(): RewardingParams {
  const params = REWARDING_PARAMS.load();
  if (params.isErr) abort('mixnet rewarding params: ' + params.message);
  return params.value;
}

export function loadCounters(): EventCounters {
  const counters = COUNTERS.load();
  if (counters.isErr) abort('mixnet event counters: ' + counters.message);
  return counters.value;
}

export function loadRewardPoolChange(): Decimal {
  const change = REWARD_POOL_CHANGE.load();
  if (change.isErr) abort('mixnet reward pool change: ' + change.message);
  return change.value;
}

export function loadRewardedSetMetadata(): RewardedSetMetadata {
  const metadata = REWARDED_SET_METADATA.load();
  if (metadata.isErr) abort('mixnet rewarded set metadata: ' + metadata.message);
  return metadata.value;
}

export function mixnodeRewarding(mixId: u32): MixNodeRewarding | null {
  return REWARDING.mayLoad(Key.u32(mixId));
}

export function mixnodeBond(mixId: u32): MixNodeBond | null {
  return MIXNODES.mayLoad(Key.u32(mixId));
}

/** The mix node `owner` has bonded, or null. */
export function ownedMixnode(owner: string): MixNodeBond | null {
  const id = MIXNODE_OWNERS.load(Key.str(owner));
  if (id.isErr) return null;
  return mixnodeBond(id.value as u32);
}

export function ownedGateway(owner: string): GatewayBond | null {
  const identity = GATEWAY_OWNERS.mayLoad(Key.str(owner));
  if (identity === null) return null;
  return GATEWAYS.mayLoad(Key.str(identity));
}

export function saveEpochEvent(event: PendingEpochEvent): u32 {
  const counters = loadCounters();
  counters.lastEpochEvent += 1;
  event.id = counters.lastEpochEvent;
  EPOCH_EVENTS.save(Key.u32(event.id), event);
  COUNTERS.save(counters);
  return event.id;
}

export function saveIntervalEvent(event: PendingIntervalEvent): u32 {
  const counters = loadCounters();
  counters.lastIntervalEvent += 1;
  event.id = counters.lastIntervalEvent;
  INTERVAL_EVENTS.save(Key.u32(event.id), event);
  COUNTERS.save(counters);
  return event.id;
}
