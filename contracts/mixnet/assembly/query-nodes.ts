import {
  Bound,
  Fields,
  fromUtf8,
  jsonAnswer,
  JsonWriter,
  Key,
  Order,
  pageLimit,
  readU32BigEndian,
  Result,
} from '../../std/assembly/index';
import { writeOptionalDecimal } from './json-util';
import { stakeSaturation } from './rewards';
import {
  GATEWAYS,
  loadRewardedSetMetadata,
  loadRewardingParams,
  MIXNODE_IDENTITIES,
  mixnodeBond,
  mixnodeRewarding,
  MIXNODES,
  ownedGateway,
  ownedMixnode,
  REWARDED_SET,
} from './storage';
import { GatewayBond, MixNodeBond } from './types';

// Queries about mix nodes, gateways and the rewarded set (the topology clients read).

const DEFAULT_PAGE: u32 = 50;
const MAX_PAGE: u32 = 100;
const DEFAULT_SET_PAGE: u32 = 100;
const MAX_SET_PAGE: u32 = 250;

function limitOf(f: Fields, defaultLimit: u32, maxLimit: u32): i32 {
  return pageLimit(f.optionalU64('limit', 0) as u32, f.has('limit'), defaultLimit, maxLimit);
}

export function defaultPageLimit(f: Fields): i32 {
  return limitOf(f, DEFAULT_PAGE, MAX_PAGE);
}

/** `{"status": "active", "layer": 2}`, `{"status": "standby", "layer": null}` or null. */
function writeSetStatus(w: JsonWriter, mixId: u32): void {
  const layer = REWARDED_SET.load(Key.u32(mixId));
  if (layer.isErr) {
    w.nullValue();
    return;
  }
  w.beginObject()
    .key('status')
    .string(layer.value === 0 ? 'standby' : 'active')
    .key('layer');
  if (layer.value === 0) w.nullValue();
  else w.u64(layer.value);
  w.endObject();
}

function writeDetails(w: JsonWriter, bond: MixNodeBond | null): void {
  if (bond === null) {
    w.nullValue();
    return;
  }
  const rewarding = mixnodeRewarding(bond.mixId);
  if (rewarding === null) abort('bonded mix node without a rewarding record');
  w.beginObject().key('bond_information');
  bond.write(w);
  w.key('rewarding_details');
  rewarding!.write(w);
  w.key('rewarded_set_status');
  writeSetStatus(w, bond.mixId);
  w.endObject();
}

function finishPage(w: JsonWriter, full: bool, next: u32): Result<Uint8Array> {
  w.endArray().key('start_next_after');
  if (full) w.u64(next);
  else w.nullValue();
  return jsonAnswer(w.endObject());
}

function mixnodePage(f: Fields, detailed: bool): Result<Uint8Array> {
  const startAfter = f.has('start_after') ? f.u32('start_after') : 0;
  const limit = defaultPageLimit(f);
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const bound = f.has('start_after') ? Bound.exclusive(Key.u32(startAfter)) : null;
  const entries = MIXNODES.range(bound, null, Order.Ascending, limit);
  const w = new JsonWriter().beginObject().key('nodes').beginArray();
  for (let i = 0; i < entries.length; i++) {
    if (detailed) writeDetails(w, entries[i].value);
    else entries[i].value.write(w);
  }
  const last = entries.length > 0 ? entries[entries.length - 1].value.mixId : 0;
  return finishPage(w, entries.length === limit && limit > 0, last);
}

function rewardedSetPage(f: Fields): Result<Uint8Array> {
  const startAfter = f.has('start_after') ? f.u32('start_after') : 0;
  const limit = limitOf(f, DEFAULT_SET_PAGE, MAX_SET_PAGE);
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const bound = f.has('start_after') ? Bound.exclusive(Key.u32(startAfter)) : null;
  const entries = REWARDED_SET.range(bound, null, Order.Ascending, limit);
  const w = new JsonWriter().beginObject().key('metadata');
  loadRewardedSetMetadata().write(w);
  w.key('nodes').beginArray();
  let last: u32 = 0;
  for (let i = 0; i < entries.length; i++) {
    last = readU32BigEndian(entries[i].key, 0);
    const bond = mixnodeBond(last);
    const rewarding = mixnodeRewarding(last);
    // A member whose unbonding was reconciled before the set is redrawn is no longer listed.
    if (bond === null || rewarding === null) continue;
    w.beginObject()
      .key('mix_id')
      .u64(last)
      .key('status')
      .string(entries[i].value === 0 ? 'standby' : 'active');
    w.key('layer');
    if (entries[i].value === 0) w.nullValue();
    else w.u64(entries[i].value);
    w.key('mix_node');
    bond!.mixNode.write(w);
    w.key('last_performance');
    writeOptionalDecimal(w, rewarding!.lastPerformance);
    w.endObject();
  }
  return finishPage(w, entries.length === limit && limit > 0, last);
}

function writeGateway(w: JsonWriter, bond: GatewayBond | null): void {
  if (bond === null) w.nullValue();
  else bond.write(w);
}

function gatewayPage(f: Fields): Result<Uint8Array> {
  const startAfter = f.optionalString('start_after');
  const limit = defaultPageLimit(f);
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const bound = startAfter !== null ? Bound.exclusive(Key.str(startAfter)) : null;
  const entries = GATEWAYS.range(bound, null, Order.Ascending, limit);
  const w = new JsonWriter().beginObject().key('nodes').beginArray();
  for (let i = 0; i < entries.length; i++) entries[i].value.write(w);
  w.endArray().key('start_next_after');
  if (entries.length === limit && limit > 0) w.string(fromUtf8(entries[entries.length - 1].key));
  else w.nullValue();
  return jsonAnswer(w.endObject());
}

function stakeSaturationAnswer(mixId: u32): Result<Uint8Array> {
  const w = new JsonWriter().beginObject().key('mix_id').u64(mixId);
  const rewarding = mixnodeBond(mixId) !== null ? mixnodeRewarding(mixId) : null;
  if (rewarding === null) {
    w.key('current_saturation').nullValue().key('uncapped_saturation').nullValue();
    return jsonAnswer(w.endObject());
  }
  const params = loadRewardingParams();
  const capped = stakeSaturation(rewarding, params);
  if (capped.isErr) return capped.cast<Uint8Array>();
  const bond = rewarding.operator.checkedAdd(rewarding.delegates);
  if (bond.isErr) return bond.cast<Uint8Array>();
  const uncapped = bond.value.checkedDiv(params.stakeSaturationPoint);
  if (uncapped.isErr) return uncapped.cast<Uint8Array>();
  w.key('current_saturation').string(capped.value.toString());
  w.key('uncapped_saturation').string(uncapped.value.toString());
  return jsonAnswer(w.endObject());
}

export const NODE_QUERIES = [
  'get_mix_node_bonds',
  'get_mix_nodes_detailed',
  'get_owned_mixnode',
  'get_mixnode_details',
  'get_mixnode_rewarding_details',
  'get_bonded_mixnode_details_by_identity',
  'get_stake_saturation',
  'get_rewarded_set',
  'get_layer_distribution',
  'get_gateways',
  'get_gateway_bond',
  'get_owned_gateway',
];

/** The node queries that take one key: an address, a mix id or an identity key. */
function singleNodeQuery(name: string, f: Fields): Result<Uint8Array> {
  const byAddress = name === 'get_owned_mixnode' || name === 'get_owned_gateway';
  const byMixId =
    name === 'get_mixnode_details' ||
    name === 'get_mixnode_rewarding_details' ||
    name === 'get_stake_saturation';
  const keyField = byAddress
    ? 'address'
    : byMixId
      ? 'mix_id'
      : name === 'get_gateway_bond'
        ? 'identity'
        : 'mix_identity';
  const text = byMixId ? '' : f.string(keyField);
  const mixId = byMixId ? f.u32('mix_id') : 0;
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  if (name === 'get_stake_saturation') return stakeSaturationAnswer(mixId);
  const w = new JsonWriter().beginObject();
  if (byMixId) w.key('mix_id').u64(mixId);
  else w.key(keyField === 'mix_identity' ? 'identity_key' : keyField).string(text);
  if (name === 'get_owned_mixnode') writeDetails(w.key('mixnode_details'), ownedMixnode(text));
  else if (name === 'get_mixnode_details') writeDetails(w.key('mixnode_details'), mixnodeBond(mixId));
  else if (name === 'get_owned_gateway') writeGateway(w.key('gateway'), ownedGateway(text));
  else if (name === 'get_gateway_bond') writeGateway(w.key('gateway'), GATEWAYS.mayLoad(Key.str(text)));
  else if (name === 'get_mixnode_rewarding_details') {
    const rewarding = mixnodeRewarding(mixId);
    w.key('rewarding_details');
    if (rewarding === null) w.nullValue();
    else rewarding.write(w);
  } else {
    const id = MIXNODE_IDENTITIES.load(Key.str(text));
    writeDetails(w.key('mixnode_details'), id.isErr ? null : mixnodeBond(id.value as u32));
  }
  return jsonAnswer(w.endObject());
}

export function nodeQuery(name: string, f: Fields): Result<Uint8Array> {
  if (name === 'get_mix_node_bonds') return mixnodePage(f, false);
  if (name === 'get_mix_nodes_detailed') return mixnodePage(f, true);
  if (name === 'get_rewarded_set') return rewardedSetPage(f);
  if (name === 'get_gateways') return gatewayPage(f);
  if (name === 'get_layer_distribution') {
    const problem = f.finish();
    if (problem !== null) return Result.err<Uint8Array>(problem);
    const metadata = loadRewardedSetMetadata();
    const w = new JsonWriter().beginObject().key('layer1').u64(metadata.layer1);
    w.key('layer2').u64(metadata.layer2).key('layer3').u64(metadata.layer3);
    return jsonAnswer(w.endObject());
  }
  return singleNodeQuery(name, f);
}
