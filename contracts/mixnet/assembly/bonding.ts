import {
  Decimal,
  ed25519Verify,
  Env,
  Event,
  Fields,
  JsonWriter,
  Key,
  Response,
  Result,
  Uint128,
} from '../../std/assembly/index';
import { Actor, ActorField, checkProxy } from './actor';
import { decodeBase58 } from './base58';
import { payout, TRACK_UNBOND } from './common';
import { decimalOf, decimalOfU64 } from './decimals';
import {
  DECREASE_PLEDGE,
  PendingEpochEvent,
  PendingIntervalEvent,
  PLEDGE_MORE,
  UNBOND_MIXNODE,
} from './events';
import { ContractState } from './params';
import {
  GATEWAY_OWNERS,
  GATEWAYS,
  loadInterval,
  MIXNODE_ID_COUNTER,
  MIXNODE_IDENTITIES,
  MIXNODE_OWNERS,
  MIXNODES,
  ownedGateway,
  ownedMixnode,
  REWARDING,
  saveEpochEvent,
  saveIntervalEvent,
  SIGNING_NONCES,
} from './storage';
import {
  CostParams,
  Gateway,
  GatewayBond,
  GatewayConfigUpdate,
  MixNode,
  MixNodeBond,
  MixNodeConfigUpdate,
  MixNodeRewarding,
} from './types';

// Bonding mix nodes and gateways, and everything an operator changes about a bond afterwards.
// Bonds take effect at once (a new mix node waits for the next rewarded-set draw anyway); stake
// changes wait for the epoch's end, cost changes for the interval's end.

const MIXNODE_BONDING = 'mixnode-bonding';
const GATEWAY_BONDING = 'gateway-bonding';
/** The base of the delegators' reward ratio (1000 NYM), as in Nym's contract. */
const UNIT_DELEGATION: u64 = 1000000000;

export function signingNonce(address: string): u64 {
  const nonce = SIGNING_NONCES.load(Key.str(address));
  return nonce.isErr ? 0 : nonce.value;
}

/**
 * The bytes a node's identity key signs to let `owner` bond it: compact JSON
 * `{"message_type":…,"contract":…,"owner":…,"nonce":…}`. The nonce is the owner's signing nonce,
 * raised by every bond, so a signature is good for one bond only.
 */
function bondingMessage(messageType: string, contract: string, owner: string, nonce: u64): Uint8Array {
  const w = new JsonWriter();
  w.beginObject().key('message_type').string(messageType).key('contract').string(contract);
  w.key('owner').string(owner).key('nonce').u64(nonce).endObject();
  return w.toBytes();
}

function verifyOwnerSignature(
  env: Env,
  messageType: string,
  owner: string,
  identityKey: string,
  signature: string,
): string | null {
  const key = decodeBase58(identityKey, 32);
  if (key === null) return '`identity_key` is not a base58-encoded 32-byte key';
  const signatureBytes = decodeBase58(signature, 64);
  if (signatureBytes === null) return '`owner_signature` is not a base58-encoded 64-byte signature';
  const nonce = signingNonce(owner);
  const message = bondingMessage(messageType, env.contractAddress, owner, nonce);
  const valid = ed25519Verify(message, signatureBytes, key);
  if (valid.isErr) return valid.message;
  if (!valid.value) {
    return (
      'Invalid owner signature: identity key ' +
      identityKey +
      ' did not sign ' +
      messageType +
      ' for ' +
      owner +
      ' with nonce ' +
      nonce.toString()
    );
  }
  return null;
}

/** The checks every bond passes: pledge, one node per owner, unused identity key, signature. */
function checkNewBond(
  env: Env,
  actor: Actor,
  pledge: Uint128,
  minimum: Uint128,
  identityKey: string,
  messageType: string,
  signature: string,
): string | null {
  if (pledge.lt(minimum)) {
    return (
      'Pledge too small: ' +
      pledge.toString() +
      ' unym is below the minimum pledge of ' +
      minimum.toString() +
      ' unym'
    );
  }
  if (ownedMixnode(actor.owner) !== null) return actor.owner + ' already owns a mix node';
  if (ownedGateway(actor.owner) !== null) return actor.owner + ' already owns a gateway';
  if (MIXNODE_IDENTITIES.has(Key.str(identityKey)) || GATEWAYS.has(Key.str(identityKey)))
    return 'A node with identity key ' + identityKey + ' is already bonded';
  return verifyOwnerSignature(env, messageType, actor.owner, identityKey, signature);
}

function raiseNonce(owner: string): void {
  SIGNING_NONCES.save(Key.str(owner), signingNonce(owner) + 1);
}

/** `bond_mixnode` (and `…_on_behalf`): `f` is the message body, NYM the pledge. */
export function bondMixnode(
  env: Env,
  state: ContractState,
  sender: string,
  who: ActorField,
  pledge: Uint128,
  f: Fields,
): Result<Response> {
  const node = MixNode.read(f.value('mix_node'));
  const costs = CostParams.read(f.value('cost_params'));
  const signature = f.string('owner_signature');
  const resolved = who.finish(f, state, sender);
  if (resolved.isErr) return resolved.cast<Response>();
  const actor = resolved.value;
  if (node.isErr) return node.cast<Response>();
  if (costs.isErr) return costs.cast<Response>();
  const invalid = node.value.validate();
  if (invalid !== null) return Result.err<Response>('Invalid mix node: ' + invalid);
  const invalidCosts = costs.value.validate();
  if (invalidCosts !== null) return Result.err<Response>('Invalid cost parameters: ' + invalidCosts);
  const identity = node.value.identityKey;
  const refused = checkNewBond(
    env,
    actor,
    pledge,
    state.params.minimumMixnodePledge,
    identity,
    MIXNODE_BONDING,
    signature,
  );
  if (refused !== null) return Result.err<Response>(refused);
  const operator = decimalOf(pledge);
  if (operator.isErr) return operator.cast<Response>();

  raiseNonce(actor.owner);
  const counter = MIXNODE_ID_COUNTER.load();
  const mixId = ((counter.isErr ? 0 : counter.value) + 1) as u32;
  MIXNODE_ID_COUNTER.save(mixId);
  const bond = new MixNodeBond(
    mixId,
    actor.owner,
    pledge,
    node.value,
    actor.proxy,
    env.block.height,
    false,
    0,
  );
  MIXNODES.save(Key.u32(mixId), bond);
  MIXNODE_OWNERS.save(Key.str(actor.owner), mixId);
  MIXNODE_IDENTITIES.save(Key.str(identity), mixId);
  const epoch = loadInterval().totalElapsedEpochs;
  REWARDING.save(
    Key.u32(mixId),
    new MixNodeRewarding(
      costs.value,
      operator.value,
      Decimal.zero(),
      Decimal.zero(),
      decimalOfU64(UNIT_DELEGATION),
      epoch,
      0,
      null,
    ),
  );
  const bonded = new Event('mixnode_bonding')
    .add('mix_id', mixId.toString())
    .add('owner', actor.owner)
    .add('identity_key', identity)
    .add('amount', pledge.toString());
  if (actor.proxy !== null) bonded.add('proxy', actor.proxy!);
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'bond_mixnode')
      .addAttribute('mix_id', mixId.toString())
      .addEvent(bonded),
  );
}

export function bondGateway(
  env: Env,
  state: ContractState,
  sender: string,
  who: ActorField,
  pledge: Uint128,
  f: Fields,
): Result<Response> {
  const gateway = Gateway.read(f.value('gateway'));
  const signature = f.string('owner_signature');
  const resolved = who.finish(f, state, sender);
  if (resolved.isErr) return resolved.cast<Response>();
  const actor = resolved.value;
  if (gateway.isErr) return gateway.cast<Response>();
  const invalid = gateway.value.validate();
  if (invalid !== null) return Result.err<Response>('Invalid gateway: ' + invalid);
  const identity = gateway.value.identityKey;
  const refused = checkNewBond(
    env,
    actor,
    pledge,
    state.params.minimumGatewayPledge,
    identity,
    GATEWAY_BONDING,
    signature,
  );
  if (refused !== null) return Result.err<Response>(refused);

  raiseNonce(actor.owner);
  GATEWAYS.save(
    Key.str(identity),
    new GatewayBond(actor.owner, pledge, gateway.value, actor.proxy, env.block.height, null),
  );
  GATEWAY_OWNERS.save(Key.str(actor.owner), identity);
  const bonded = new Event('gateway_bonding')
    .add('owner', actor.owner)
    .add('identity_key', identity)
    .add('amount', pledge.toString());
  if (actor.proxy !== null) bonded.add('proxy', actor.proxy!);
  return Result.ok<Response>(new Response().addAttribute('action', 'bond_gateway').addEvent(bonded));
}

/** The actor's mix node, if it may be changed through this route and is not on its way out. */
function changeableMixnode(resolved: Result<Actor>): Result<MixNodeBond> {
  if (resolved.isErr) return resolved.cast<MixNodeBond>();
  const actor = resolved.value;
  const bond = ownedMixnode(actor.owner);
  if (bond === null) return Result.err<MixNodeBond>(actor.owner + ' does not own a mix node');
  const what = 'Mix node ' + bond.mixId.toString();
  const wrongRoute = checkProxy(what, bond.proxy, actor);
  if (wrongRoute !== null) return Result.err<MixNodeBond>(wrongRoute);
  if (bond.isUnbonding) return Result.err<MixNodeBond>(what + ' is unbonding');
  return Result.ok<MixNodeBond>(bond);
}

function noPendingPledgeChange(bond: MixNodeBond): string | null {
  if (bond.pendingPledgeChange === 0) return null;
  return (
    'Mix node ' +
    bond.mixId.toString() +
    ' already has a pending pledge change (event ' +
    bond.pendingPledgeChange.toString() +
    '); wait for the epoch to end'
  );
}

export function pledgeMore(
  env: Env,
  state: ContractState,
  sender: string,
  who: ActorField,
  amount: Uint128,
  f: Fields,
): Result<Response> {
  const loaded = changeableMixnode(who.finish(f, state, sender));
  if (loaded.isErr) return loaded.cast<Response>();
  const bond = loaded.value;
  const pending = noPendingPledgeChange(bond);
  if (pending !== null) return Result.err<Response>(pending);
  if (amount.isZero) return Result.err<Response>('The pledge increase must be positive');
  bond.pendingPledgeChange = saveEpochEvent(
    PendingEpochEvent.forNode(env.block.height, PLEDGE_MORE, bond.mixId, amount),
  );
  MIXNODES.save(Key.u32(bond.mixId), bond);
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'pledge_more')
      .addEvent(
        new Event('pending_pledge_increase')
          .add('mix_id', bond.mixId.toString())
          .add('amount', amount.toString())
          .add('event_id', bond.pendingPledgeChange.toString()),
      ),
  );
}

export function decreasePledge(
  env: Env,
  state: ContractState,
  sender: string,
  who: ActorField,
  f: Fields,
): Result<Response> {
  const decrease = f.uint128('decrease_by');
  const loaded = changeableMixnode(who.finish(f, state, sender));
  if (loaded.isErr) return loaded.cast<Response>();
  const bond = loaded.value;
  const pending = noPendingPledgeChange(bond);
  if (pending !== null) return Result.err<Response>(pending);
  if (decrease.isZero) return Result.err<Response>('The pledge decrease must be positive');
  const minimum = state.params.minimumMixnodePledge;
  const left = bond.originalPledge.saturatingSub(decrease);
  if (decrease.ge(bond.originalPledge) || left.lt(minimum)) {
    return Result.err<Response>(
      'Decreasing the pledge of ' +
        bond.originalPledge.toString() +
        ' unym by ' +
        decrease.toString() +
        ' would take it below the minimum pledge of ' +
        minimum.toString() +
        ' unym',
    );
  }
  bond.pendingPledgeChange = saveEpochEvent(
    PendingEpochEvent.forNode(env.block.height, DECREASE_PLEDGE, bond.mixId, decrease),
  );
  MIXNODES.save(Key.u32(bond.mixId), bond);
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'decrease_pledge')
      .addEvent(
        new Event('pending_pledge_decrease')
          .add('mix_id', bond.mixId.toString())
          .add('decrease_by', decrease.toString())
          .add('event_id', bond.pendingPledgeChange.toString()),
      ),
  );
}

export function unbondMixnode(
  env: Env,
  state: ContractState,
  sender: string,
  who: ActorField,
  f: Fields,
): Result<Response> {
  const loaded = changeableMixnode(who.finish(f, state, sender));
  if (loaded.isErr) return loaded.cast<Response>();
  const bond = loaded.value;
  bond.isUnbonding = true;
  MIXNODES.save(Key.u32(bond.mixId), bond);
  const id = saveEpochEvent(
    PendingEpochEvent.forNode(env.block.height, UNBOND_MIXNODE, bond.mixId, Uint128.zero()),
  );
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'unbond_mixnode')
      .addEvent(
        new Event('pending_mixnode_unbonding')
          .add('mix_id', bond.mixId.toString())
          .add('owner', bond.owner)
          .add('event_id', id.toString()),
      ),
  );
}

export function updateMixnodeCostParams(
  env: Env,
  state: ContractState,
  sender: string,
  who: ActorField,
  f: Fields,
): Result<Response> {
  const costs = CostParams.read(f.value('new_costs'));
  const loaded = changeableMixnode(who.finish(f, state, sender));
  if (loaded.isErr) return loaded.cast<Response>();
  if (costs.isErr) return costs.cast<Response>();
  const invalid = costs.value.validate();
  if (invalid !== null) return Result.err<Response>('Invalid cost parameters: ' + invalid);
  const mixId = loaded.value.mixId;
  const id = saveIntervalEvent(PendingIntervalEvent.costChange(env.block.height, mixId, costs.value));
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'update_mixnode_cost_params')
      .addEvent(
        new Event('pending_cost_params_update')
          .add('mix_id', mixId.toString())
          .add('profit_margin_percent', costs.value.profitMargin.toString())
          .add('interval_operating_cost', costs.value.intervalOperatingCost.toString())
          .add('event_id', id.toString()),
      ),
  );
}

export function updateMixnodeConfig(
  state: ContractState,
  sender: string,
  who: ActorField,
  f: Fields,
): Result<Response> {
  const update = MixNodeConfigUpdate.read(f.value('new_config'));
  const loaded = changeableMixnode(who.finish(f, state, sender));
  if (loaded.isErr) return loaded.cast<Response>();
  if (update.isErr) return update.cast<Response>();
  const bond = loaded.value;
  update.value.applyTo(bond.mixNode);
  const invalid = bond.mixNode.validate();
  if (invalid !== null) return Result.err<Response>('Invalid mix node: ' + invalid);
  MIXNODES.save(Key.u32(bond.mixId), bond);
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'update_mixnode_config')
      .addEvent(new Event('mixnode_config_update').add('mix_id', bond.mixId.toString())),
  );
}

function actorsGateway(resolved: Result<Actor>): Result<GatewayBond> {
  if (resolved.isErr) return resolved.cast<GatewayBond>();
  const actor = resolved.value;
  const bond = ownedGateway(actor.owner);
  if (bond === null) return Result.err<GatewayBond>(actor.owner + ' does not own a gateway');
  const wrongRoute = checkProxy('Gateway ' + bond.gateway.identityKey, bond.proxy, actor);
  if (wrongRoute !== null) return Result.err<GatewayBond>(wrongRoute);
  return Result.ok<GatewayBond>(bond);
}

/** Gateways earn no rewards, so unbonding one returns its pledge at once. */
export function unbondGateway(
  state: ContractState,
  sender: string,
  who: ActorField,
  f: Fields,
): Result<Response> {
  const loaded = actorsGateway(who.finish(f, state, sender));
  if (loaded.isErr) return loaded.cast<Response>();
  const bond = loaded.value;
  GATEWAYS.remove(Key.str(bond.gateway.identityKey));
  GATEWAY_OWNERS.remove(Key.str(bond.owner));
  const response = new Response().addAttribute('action', 'unbond_gateway');
  payout(response, state, bond.owner, bond.proxy, bond.pledgeAmount, TRACK_UNBOND, 0);
  return Result.ok<Response>(
    response.addEvent(
      new Event('gateway_unbonding')
        .add('owner', bond.owner)
        .add('identity_key', bond.gateway.identityKey)
        .add('amount', bond.pledgeAmount.toString()),
    ),
  );
}

export function updateGatewayConfig(
  state: ContractState,
  sender: string,
  who: ActorField,
  f: Fields,
): Result<Response> {
  const update = GatewayConfigUpdate.read(f.value('new_config'));
  const loaded = actorsGateway(who.finish(f, state, sender));
  if (loaded.isErr) return loaded.cast<Response>();
  if (update.isErr) return update.cast<Response>();
  const bond = loaded.value;
  update.value.applyTo(bond.gateway);
  const invalid = bond.gateway.validate();
  if (invalid !== null) return Result.err<Response>('Invalid gateway: ' + invalid);
  GATEWAYS.save(Key.str(bond.gateway.identityKey), bond);
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'update_gateway_config')
      .addEvent(new Event('gateway_config_update').add('identity_key', bond.gateway.identityKey)),
  );
}
