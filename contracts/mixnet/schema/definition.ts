// The mixnet contract's API in the CosmWasm IDL format; `npm run build:contracts` writes it to
// schema/mixnet.json, which @cosmwasm/ts-codegen reads.
import {
  type ContractIdl,
  type Field,
  type JsonSchema,
  optional,
  required,
  root,
  s,
  struct,
  taggedEnum,
} from '@nymts/contract-build';

const address = (description: string) => required(s.string(), description);
const page = (
  cursor: JsonSchema,
  description: string,
  sizes = 'default 50, at most 100',
): Record<string, Field> => ({
  start_after: optional(cursor, description),
  limit: optional(s.u32(), `Page size (${sizes}).`),
});
const nullable = (schema: JsonSchema, description?: string) => optional(schema, description);
const u8 = (): JsonSchema => ({ type: 'integer', format: 'uint8', minimum: 0 });
const i64 = (): JsonSchema => ({ type: 'integer', format: 'int64' });
const port = (description: string) =>
  required({ type: 'integer', format: 'uint16', minimum: 1 }, description);
const key = (description: string) => required(s.string(), description);
const onBehalf = (field: 'owner' | 'delegate') => ({
  [field]: address('The vesting account owner the vesting contract acts for.'),
});

const mixNodeFields = {
  host: required(s.string(), 'Host name or IP address clients and nodes connect to.'),
  mix_port: port('TCP port for Sphinx packets (default 1789).'),
  http_api_port: port('Port of the node’s HTTP API (default 8000).'),
};
const gatewayFields = {
  host: required(s.string(), 'Host name or IP address clients and nodes connect to.'),
  mix_port: port('TCP port for Sphinx packets (default 1789).'),
  clients_port: port('Port of the client WebSocket (default 9000).'),
  http_api_port: port('Port of the node’s HTTP API (default 8000).'),
};
const description = {
  version: required(s.string(), 'The node software’s version.'),
  location: required(s.string(), 'Where the node runs (free text, may be empty).'),
};
const keys = {
  sphinx_key: key('The x25519 Sphinx public key, base58 (32 bytes).'),
  identity_key: key('The ed25519 identity public key, base58 (32 bytes).'),
};

const DEFINITIONS: Record<string, JsonSchema> = {
  MixNode: struct(
    { ...mixNodeFields, ...keys, ...description },
    'What a mix node announces: where it listens and its keys.',
  ),
  MixNodeConfigUpdate: struct(
    { ...mixNodeFields, ...description },
    'The parts of a mix node’s description its owner may change (keys stay).',
  ),
  Gateway: struct({
    ...gatewayFields,
    location: description.location,
    ...keys,
    version: description.version,
  }),
  GatewayConfigUpdate: struct({
    ...gatewayFields,
    location: description.location,
    version: description.version,
  }),
  MixNodeCostParams: struct(
    {
      profit_margin_percent: required(s.decimal(), 'The operator’s share of the profit, 0–1.'),
      interval_operating_cost: required(
        s.uint128(),
        'unym per interval the operator takes before any split.',
      ),
    },
    'The operator’s terms.',
  ),
  MixNodeBond: struct({
    mix_id: required(s.u32()),
    owner: required(s.string()),
    original_pledge: required(s.uint128(), 'The pledge in unym (rewards not included).'),
    mix_node: required(s.ref('MixNode')),
    proxy: nullable(s.string(), 'The vesting contract when bonded with vesting NYM.'),
    bonding_height: required(s.u64()),
    is_unbonding: required(s.boolean(), 'Unbonding at the end of the current epoch.'),
    pending_pledge_change: nullable(s.u32(), 'The id of the pending pledge change event, if any.'),
  }),
  MixNodeRewarding: struct(
    {
      cost_params: required(s.ref('MixNodeCostParams')),
      operator: required(s.decimal(), 'Pledge plus rewards not yet withdrawn (unym).'),
      delegates: required(s.decimal(), 'All delegations plus their rewards (unym).'),
      total_unit_reward: required(s.decimal(), 'The cumulative reward ratio T.'),
      unit_delegation: required(
        s.decimal(),
        'The base U of the ratio: a delegation made at T0 is worth amount × (U + T) ÷ (U + T0).',
      ),
      last_rewarded_epoch: required(s.u32()),
      unique_delegations: required(s.u32()),
      last_performance: nullable(s.decimal(), 'The last performance the rewarding validator reported.'),
    },
    'A node’s stake and rewards.',
  ),
  RewardedSetStatus: struct({
    status: required({ type: 'string', enum: ['active', 'standby'] }),
    layer: nullable(u8(), 'Layer 1–3 for active nodes.'),
  }),
  MixNodeDetails: struct({
    bond_information: required(s.ref('MixNodeBond')),
    rewarding_details: required(s.ref('MixNodeRewarding')),
    rewarded_set_status: nullable(s.ref('RewardedSetStatus'), 'Null when not in the current rewarded set.'),
  }),
  GatewayBond: struct({
    owner: required(s.string()),
    pledge_amount: required(s.uint128()),
    gateway: required(s.ref('Gateway')),
    proxy: nullable(s.string(), 'The vesting contract when bonded with vesting NYM.'),
    bonding_height: required(s.u64()),
    last_performance: nullable(s.decimal(), 'The last performance the rewarding validator reported.'),
  }),
  Delegation: struct({
    owner: required(s.string()),
    mix_id: required(s.u32()),
    cumulative_reward_ratio: required(
      s.decimal(),
      'The node’s total_unit_reward when made or last paid out.',
    ),
    amount: required(s.uint128()),
    height: required(s.u64()),
    proxy: nullable(s.string(), 'The vesting contract when delegated with vesting NYM.'),
  }),
  ContractStateParams: struct({
    minimum_mixnode_delegation: nullable(s.uint128()),
    minimum_mixnode_pledge: required(s.uint128()),
    minimum_gateway_pledge: required(s.uint128()),
  }),
  ContractState: struct({
    owner: required(s.string()),
    rewarding_validator_address: required(s.string()),
    vesting_contract_address: required(s.string()),
    token_address: required(s.string(), 'The NYM cw20 token.'),
    params: required(s.ref('ContractStateParams')),
  }),
  Interval: struct({
    id: required(s.u32()),
    epochs_in_interval: required(s.u32()),
    current_epoch_start: required(s.u64(), 'Unix seconds.'),
    current_epoch_id: required(s.u32(), 'Within the interval, from 0.'),
    epoch_length_secs: required(s.u64()),
    total_elapsed_epochs: required(s.u32(), 'The absolute id of the current epoch.'),
  }),
  IntervalRewardParams: struct({
    reward_pool: required(s.decimal()),
    staking_supply: required(s.decimal()),
    staking_supply_scale_factor: required(s.decimal()),
    epoch_reward_budget: required(s.decimal()),
    stake_saturation_point: required(s.decimal()),
    sybil_resistance: required(s.decimal()),
    active_set_work_factor: required(s.decimal()),
    interval_pool_emission: required(s.decimal()),
  }),
  RewardingParams: struct({
    interval: required(s.ref('IntervalRewardParams')),
    rewarded_set_size: required(s.u32()),
    active_set_size: required(s.u32()),
  }),
  InitialRewardingParams: struct({
    initial_reward_pool: required(s.decimal(), 'unym the contract holds to pay rewards from.'),
    initial_staking_supply: required(s.decimal()),
    staking_supply_scale_factor: required(s.decimal(), '0–1.'),
    sybil_resistance: required(s.decimal(), 'α, 0–1.'),
    active_set_work_factor: required(s.decimal(), 'f, at least 1.'),
    interval_pool_emission: required(s.decimal(), '0–1.'),
    rewarded_set_size: required(s.u32()),
    active_set_size: required(s.u32()),
  }),
  IntervalRewardingParamsUpdate: struct({
    reward_pool: nullable(s.decimal()),
    staking_supply: nullable(s.decimal()),
    staking_supply_scale_factor: nullable(s.decimal()),
    sybil_resistance: nullable(s.decimal()),
    active_set_work_factor: nullable(s.decimal()),
    interval_pool_emission: nullable(s.decimal()),
    rewarded_set_size: nullable(s.u32()),
  }),
  PendingEpochEventKind: taggedEnum({
    delegate: {
      description: 'A delegation waiting for the epoch’s end.',
      fields: {
        owner: required(s.string()),
        mix_id: required(s.u32()),
        amount: required(s.uint128()),
        proxy: nullable(s.string()),
      },
    },
    undelegate: {
      description: 'An undelegation waiting for the epoch’s end.',
      fields: { owner: required(s.string()), mix_id: required(s.u32()), proxy: nullable(s.string()) },
    },
    pledge_more: {
      description: 'A pledge increase.',
      fields: { mix_id: required(s.u32()), amount: required(s.uint128()) },
    },
    decrease_pledge: {
      description: 'A pledge decrease.',
      fields: { mix_id: required(s.u32()), decrease_by: required(s.uint128()) },
    },
    unbond_mixnode: { description: 'A mix node leaving.', fields: { mix_id: required(s.u32()) } },
    update_active_set_size: {
      description: 'A new active set size.',
      fields: { new_size: required(s.u32()) },
    },
  }),
  PendingIntervalEventKind: taggedEnum({
    change_mix_cost_params: {
      description: 'New operator terms.',
      fields: { mix_id: required(s.u32()), new_costs: required(s.ref('MixNodeCostParams')) },
    },
    update_rewarding_params: {
      description: 'New rewarding parameters.',
      fields: { update: required(s.ref('IntervalRewardingParamsUpdate')) },
    },
    update_interval_config: {
      description: 'New interval and epoch lengths.',
      fields: { epochs_in_interval: required(s.u32()), epoch_duration_secs: required(s.u64()) },
    },
  }),
  PendingEpochEventData: struct({
    created_at: required(s.u64(), 'Block height.'),
    kind: required(s.ref('PendingEpochEventKind')),
  }),
  PendingIntervalEventData: struct({
    created_at: required(s.u64(), 'Block height.'),
    kind: required(s.ref('PendingIntervalEventKind')),
  }),
  RewardedSetMetadata: struct({
    epoch_id: required(s.u32(), 'The absolute epoch the set was drawn for.'),
    active_set_size: required(s.u32()),
    standby_set_size: required(s.u32()),
    layer1: required(s.u32()),
    layer2: required(s.u32()),
    layer3: required(s.u32()),
    randomness: required(s.string(), 'Hex of the randomness the set was drawn from.'),
  }),
  RewardedSetNode: struct({
    mix_id: required(s.u32()),
    status: required({ type: 'string', enum: ['active', 'standby'] }),
    layer: nullable(u8(), 'Layer 1–3 for active nodes.'),
    mix_node: required(s.ref('MixNode')),
    last_performance: nullable(s.decimal()),
  }),
  Cw20ReceiveMsg: struct(
    {
      sender: required(s.string(), 'Who sent the NYM through the token.'),
      amount: required(s.uint128()),
      msg: required(s.binary(), 'A ReceiveMsg, as JSON.'),
    },
    'The cw20 receive hook: the NYM token tells this contract it received `amount`.',
  ),
};

const bondMixnode = {
  mix_node: required(s.ref('MixNode')),
  cost_params: required(s.ref('MixNodeCostParams')),
  owner_signature: required(
    s.string(),
    'base58 ed25519 signature by the identity key of {"message_type":"mixnode-bonding","contract":…,"owner":…,"nonce":…}.',
  ),
};
const bondGateway = {
  gateway: required(s.ref('Gateway')),
  owner_signature: required(
    s.string(),
    'base58 ed25519 signature by the identity key of {"message_type":"gateway-bonding","contract":…,"owner":…,"nonce":…}.',
  ),
};

DEFINITIONS.ReceiveMsg = {
  description: 'What a cw20 Send of NYM to this contract asks for (the base64 `msg` of the Send).',
  ...taggedEnum({
    bond_mixnode: { description: 'Bond a mix node; the NYM sent is the pledge.', fields: bondMixnode },
    bond_mixnode_on_behalf: {
      description: 'Bond a mix node with vesting NYM (from the vesting contract only).',
      fields: { ...bondMixnode, ...onBehalf('owner') },
    },
    bond_gateway: { description: 'Bond a gateway; the NYM sent is the pledge.', fields: bondGateway },
    bond_gateway_on_behalf: {
      description: 'Bond a gateway with vesting NYM (from the vesting contract only).',
      fields: { ...bondGateway, ...onBehalf('owner') },
    },
    pledge_more: { description: 'Add the NYM sent to the sender’s mix node pledge at the epoch’s end.' },
    pledge_more_on_behalf: {
      description: 'Pledge more vesting NYM (from the vesting contract only).',
      fields: onBehalf('owner'),
    },
    delegate_to_mixnode: {
      description: 'Delegate the NYM sent to a mix node from the epoch’s end.',
      fields: { mix_id: required(s.u32()) },
    },
    delegate_to_mixnode_on_behalf: {
      description: 'Delegate vesting NYM (from the vesting contract only).',
      fields: { mix_id: required(s.u32()), ...onBehalf('delegate') },
    },
  }),
};

const withOnBehalf = (
  name: string,
  text: string,
  fields: Record<string, Field>,
  ownerField: 'owner' | 'delegate' = 'owner',
) => ({
  [name]: { description: text, fields },
  [`${name}_on_behalf`]: {
    description: `${text} For a vesting account (from the vesting contract only).`,
    fields: { ...fields, ...onBehalf(ownerField) },
  },
});

const execute = taggedEnum({
  receive: {
    description: 'The NYM token delivers NYM (cw20 Send) with a ReceiveMsg: bonding, pledging, delegating.',
    fields: {
      sender: required(s.string()),
      amount: required(s.uint128()),
      msg: required(s.binary(), 'A ReceiveMsg, as JSON.'),
    },
  },
  ...withOnBehalf(
    'unbond_mixnode',
    'Unbond the sender’s mix node at the epoch’s end (pledge and rewards return).',
    {},
  ),
  ...withOnBehalf('decrease_pledge', 'Take part of the pledge back at the epoch’s end.', {
    decrease_by: required(s.uint128()),
  }),
  ...withOnBehalf('update_mixnode_cost_params', 'New operator terms from the next interval.', {
    new_costs: required(s.ref('MixNodeCostParams')),
  }),
  ...withOnBehalf('update_mixnode_config', 'Change the mix node’s host, ports, version and location.', {
    new_config: required(s.ref('MixNodeConfigUpdate')),
  }),
  ...withOnBehalf('unbond_gateway', 'Unbond the sender’s gateway (the pledge returns at once).', {}),
  ...withOnBehalf('update_gateway_config', 'Change the gateway’s host, ports, version and location.', {
    new_config: required(s.ref('GatewayConfigUpdate')),
  }),
  ...withOnBehalf(
    'undelegate_from_mixnode',
    'Undelegate at the epoch’s end (at once if the node has unbonded); amount and rewards return.',
    { mix_id: required(s.u32()) },
    'delegate',
  ),
  ...withOnBehalf('withdraw_operator_reward', 'Withdraw the mix node’s operator rewards.', {}),
  ...withOnBehalf('withdraw_delegator_reward', 'Withdraw a delegation’s rewards.', {
    mix_id: required(s.u32()),
  }),
  reward_mixnode: {
    description:
      'Report a rewarded-set node’s performance for the ended epoch and reward it (rewarding validator).',
    fields: { mix_id: required(s.u32()), performance: required(s.decimal(), '0–1.') },
  },
  report_gateway_performance: {
    description: 'Report a gateway’s performance for the ended epoch (rewarding validator).',
    fields: { identity: required(s.string()), performance: required(s.decimal(), '0–1.') },
  },
  advance_current_epoch: {
    description:
      'End the epoch: apply pending events, roll the interval if it ended, draw the next rewarded set (rewarding validator).',
    fields: { randomness: required(s.binary(), '32 bytes the rewarded set is drawn from.') },
  },
  reconcile_epoch_events: {
    description: 'Apply up to `limit` pending epoch events ahead of advancing (rewarding validator).',
    fields: { limit: optional(s.u32(), 'Default: all.') },
  },
  update_rewarding_validator_address: {
    description: 'Hand the rewarding validator role to another address (owner).',
    fields: { address: address('The new rewarding validator.') },
  },
  update_admin: {
    description: 'Hand the owner role to another address (owner).',
    fields: { admin: address('The new owner.') },
  },
  update_contract_state_params: {
    description: 'Change the minimum pledges and delegation (owner).',
    fields: { updated_parameters: required(s.ref('ContractStateParams')) },
  },
  update_active_set_size: {
    description: 'Change the active set size at the epoch’s end, or now (owner).',
    fields: { active_set_size: required(s.u32()), force_immediately: required(s.boolean()) },
  },
  update_rewarding_params: {
    description: 'Change rewarding parameters at the interval’s end, or now (owner).',
    fields: {
      updated_params: required(s.ref('IntervalRewardingParamsUpdate')),
      force_immediately: required(s.boolean()),
    },
  },
  update_interval_config: {
    description: 'Change the interval and epoch lengths at the interval’s end, or now (owner).',
    fields: {
      epochs_in_interval: required(s.u32()),
      epoch_duration_secs: required(s.u64()),
      force_immediately: required(s.boolean()),
    },
  },
});

const nodePage = page(s.u32(), 'The last mix id of the previous page.');
const query = taggedEnum({
  get_state: { description: 'Owner, rewarding validator, vesting and token addresses, and the minimums.' },
  get_state_params: { description: 'The minimum pledges and delegation.' },
  get_rewarding_validator_address: { description: 'Who advances epochs and reports performance.' },
  get_rewarding_params: { description: 'The reward model’s parameters.' },
  get_epoch_status: { description: 'Whether the current epoch is in progress or awaiting its rewards.' },
  get_current_interval_details: { description: 'The interval and epoch clock.' },
  get_rewarded_set: {
    description: 'The rewarded set with layers, in mix id order.',
    fields: page(s.u32(), 'The last mix id of the previous page.', 'default 100, at most 250'),
  },
  get_layer_distribution: { description: 'How many active nodes each layer has.' },
  get_mix_node_bonds: { description: 'Bonded mix nodes.', fields: nodePage },
  get_mix_nodes_detailed: {
    description: 'Bonded mix nodes with stake, rewards and set status.',
    fields: nodePage,
  },
  get_owned_mixnode: {
    description: 'The mix node an address owns.',
    fields: { address: address('The owner.') },
  },
  get_mixnode_details: { description: 'One mix node.', fields: { mix_id: required(s.u32()) } },
  get_mixnode_rewarding_details: {
    description: 'One node’s stake and rewards (kept after unbonding while delegations remain).',
    fields: { mix_id: required(s.u32()) },
  },
  get_bonded_mixnode_details_by_identity: {
    description: 'The mix node with an identity key.',
    fields: { mix_identity: key('base58 identity key.') },
  },
  get_stake_saturation: {
    description: 'σ of a node, capped and uncapped.',
    fields: { mix_id: required(s.u32()) },
  },
  get_gateways: {
    description: 'Bonded gateways.',
    fields: page(s.string(), 'The last identity key of the previous page.'),
  },
  get_gateway_bond: {
    description: 'The gateway with an identity key.',
    fields: { identity: key('base58 identity key.') },
  },
  get_owned_gateway: {
    description: 'The gateway an address owns.',
    fields: { address: address('The owner.') },
  },
  get_mixnode_delegations: {
    description: 'A node’s delegations.',
    fields: {
      mix_id: required(s.u32()),
      ...page(s.string(), 'Cursor "owner" or "owner:proxy" from the previous page.'),
    },
  },
  get_delegator_delegations: {
    description: 'An address’s delegations.',
    fields: {
      delegator: address('The delegator.'),
      ...page(s.string(), 'Cursor "mix_id" or "mix_id:proxy" from the previous page.'),
    },
  },
  get_delegation_details: {
    description: 'One delegation.',
    fields: {
      mix_id: required(s.u32()),
      delegator: address('The delegator.'),
      proxy: optional(s.string(), 'The vesting contract for vesting delegations.'),
    },
  },
  get_pending_operator_reward: {
    description: 'What an operator may withdraw.',
    fields: { address: address('The owner.') },
  },
  get_pending_mix_node_operator_reward: {
    description: 'What a node’s operator may withdraw.',
    fields: { mix_id: required(s.u32()) },
  },
  get_pending_delegator_reward: {
    description: 'What a delegation has earned.',
    fields: {
      address: address('The delegator.'),
      mix_id: required(s.u32()),
      proxy: optional(s.string(), 'The vesting contract for vesting delegations.'),
    },
  },
  get_estimated_current_epoch_operator_reward: {
    description: 'The operator’s reward for this epoch at a given performance.',
    fields: { mix_id: required(s.u32()), estimated_performance: required(s.decimal()) },
  },
  get_estimated_current_epoch_delegator_reward: {
    description: 'A delegation’s reward for this epoch at a given performance.',
    fields: {
      address: address('The delegator.'),
      mix_id: required(s.u32()),
      proxy: optional(s.string()),
      estimated_performance: required(s.decimal()),
    },
  },
  get_pending_epoch_events: {
    description: 'Events waiting for the epoch’s end.',
    fields: page(s.u32(), 'The last event id.'),
  },
  get_pending_interval_events: {
    description: 'Events waiting for the interval’s end.',
    fields: page(s.u32(), 'The last event id.'),
  },
  get_pending_epoch_event: {
    description: 'One pending epoch event.',
    fields: { event_id: required(s.u32()) },
  },
  get_pending_interval_event: {
    description: 'One pending interval event.',
    fields: { event_id: required(s.u32()) },
  },
  get_number_of_pending_events: { description: 'How many epoch and interval events are pending.' },
  get_signing_nonce: {
    description: 'The nonce a bonding signature for this owner must carry.',
    fields: { address: address('The owner.') },
  },
});

const R = (title: string, schema: JsonSchema) => root(title, schema, DEFINITIONS);
const ref = (name: string) => R(name, DEFINITIONS[name]!);
const pageOf = (items: string, cursor: JsonSchema) =>
  struct({
    nodes: required(s.array(s.ref(items))),
    start_next_after: nullable(cursor, 'Pass as start_after; null on the last page.'),
  });
const pendingReward = R(
  'PendingRewardResponse',
  struct({
    amount_staked: nullable(s.uint128()),
    amount_earned: nullable(s.uint128(), 'What a withdrawal pays now (unym).'),
    amount_earned_detailed: nullable(s.decimal()),
    mixnode_still_fully_bonded: required(s.boolean()),
  }),
);
const estimated = R(
  'EstimatedCurrentEpochRewardResponse',
  struct({
    original_stake: nullable(s.uint128()),
    current_stake_value: nullable(s.uint128()),
    current_stake_value_detailed: nullable(s.decimal()),
    estimation: nullable(s.decimal(), 'Null when the node is not in the rewarded set.'),
  }),
);
const eventsPage = (data: string) =>
  struct({
    seconds_until_executable: required(i64(), 'Until the epoch (or interval) ends; negative once it has.'),
    events: required(s.array(struct({ id: required(s.u32()), event: required(s.ref(data)) }))),
    start_next_after: nullable(s.u32()),
  });
const singleEvent = (data: string) => struct({ event_id: required(s.u32()), event: nullable(s.ref(data)) });
const delegationsPage = struct({
  delegations: required(s.array(s.ref('Delegation'))),
  start_next_after: nullable(s.string(), 'Pass as start_after; null on the last page.'),
});
const mixnodeAnswer = (keyField: string, schema: JsonSchema) =>
  struct({ [keyField]: required(schema), mixnode_details: nullable(s.ref('MixNodeDetails')) });

export const idl: ContractIdl = {
  contract_name: 'mixnet',
  contract_version: '0.1.0',
  idl_version: '1.0.0',
  instantiate: root(
    'InstantiateMsg',
    struct({
      rewarding_validator_address: address('Advances epochs and reports performance.'),
      vesting_contract_address: address('May stake vesting NYM on behalf of its accounts.'),
      token_address: address('The NYM cw20 token.'),
      epochs_in_interval: required(s.u32()),
      epoch_duration_secs: required(s.u64()),
      initial_rewarding_params: required(s.ref('InitialRewardingParams')),
      minimum_mixnode_pledge: optional(s.uint128(), 'Default 100 NYM.'),
      minimum_gateway_pledge: optional(s.uint128(), 'Default 100 NYM.'),
      minimum_mixnode_delegation: optional(s.uint128(), 'Default: none.'),
    }),
    DEFINITIONS,
  ),
  execute: root('ExecuteMsg', execute, DEFINITIONS, ['ReceiveMsg']),
  query: root('QueryMsg', query, DEFINITIONS),
  migrate: root('MigrateMsg', struct({})),
  sudo: null,
  responses: {
    get_state: ref('ContractState'),
    get_state_params: ref('ContractStateParams'),
    get_rewarding_validator_address: root('Addr', s.string()),
    get_rewarding_params: ref('RewardingParams'),
    get_epoch_status: R(
      'EpochStatus',
      struct({
        being_advanced_by: required(s.string()),
        epoch_id: required(s.u32()),
        epoch_end: required(s.u64()),
        state: required({ type: 'string', enum: ['in_progress', 'rewarding'] }),
      }),
    ),
    get_current_interval_details: R(
      'CurrentIntervalResponse',
      struct({
        interval: required(s.ref('Interval')),
        current_blocktime: required(s.u64()),
        current_epoch_end: required(s.u64()),
        is_current_interval_over: required(s.boolean()),
        is_current_epoch_over: required(s.boolean()),
      }),
    ),
    get_rewarded_set: R(
      'RewardedSetResponse',
      struct({
        metadata: required(s.ref('RewardedSetMetadata')),
        nodes: required(s.array(s.ref('RewardedSetNode'))),
        start_next_after: nullable(s.u32()),
      }),
    ),
    get_layer_distribution: R(
      'LayerDistribution',
      struct({ layer1: required(s.u32()), layer2: required(s.u32()), layer3: required(s.u32()) }),
    ),
    get_mix_node_bonds: R('PagedMixnodeBondsResponse', pageOf('MixNodeBond', s.u32())),
    get_mix_nodes_detailed: R('PagedMixnodesDetailsResponse', pageOf('MixNodeDetails', s.u32())),
    get_owned_mixnode: R('MixOwnershipResponse', mixnodeAnswer('address', s.string())),
    get_mixnode_details: R('MixnodeDetailsResponse', mixnodeAnswer('mix_id', s.u32())),
    get_mixnode_rewarding_details: R(
      'MixnodeRewardingDetailsResponse',
      struct({ mix_id: required(s.u32()), rewarding_details: nullable(s.ref('MixNodeRewarding')) }),
    ),
    get_bonded_mixnode_details_by_identity: R(
      'MixnodeDetailsByIdentityResponse',
      mixnodeAnswer('identity_key', s.string()),
    ),
    get_stake_saturation: R(
      'StakeSaturationResponse',
      struct({
        mix_id: required(s.u32()),
        current_saturation: nullable(s.decimal()),
        uncapped_saturation: nullable(s.decimal()),
      }),
    ),
    get_gateways: R('PagedGatewayResponse', pageOf('GatewayBond', s.string())),
    get_gateway_bond: R(
      'GatewayBondResponse',
      struct({ identity: required(s.string()), gateway: nullable(s.ref('GatewayBond')) }),
    ),
    get_owned_gateway: R(
      'GatewayOwnershipResponse',
      struct({ address: required(s.string()), gateway: nullable(s.ref('GatewayBond')) }),
    ),
    get_mixnode_delegations: R('PagedMixNodeDelegationsResponse', delegationsPage),
    get_delegator_delegations: R('PagedDelegatorDelegationsResponse', delegationsPage),
    get_delegation_details: R(
      'MixNodeDelegationResponse',
      struct({ delegation: nullable(s.ref('Delegation')), mixnode_still_bonded: required(s.boolean()) }),
    ),
    get_pending_operator_reward: pendingReward,
    get_pending_mix_node_operator_reward: pendingReward,
    get_pending_delegator_reward: pendingReward,
    get_estimated_current_epoch_operator_reward: estimated,
    get_estimated_current_epoch_delegator_reward: estimated,
    get_pending_epoch_events: R('PendingEpochEventsResponse', eventsPage('PendingEpochEventData')),
    get_pending_interval_events: R('PendingIntervalEventsResponse', eventsPage('PendingIntervalEventData')),
    get_pending_epoch_event: R('PendingEpochEventResponse', singleEvent('PendingEpochEventData')),
    get_pending_interval_event: R('PendingIntervalEventResponse', singleEvent('PendingIntervalEventData')),
    get_number_of_pending_events: R(
      'NumberOfPendingEventsResponse',
      struct({ epoch_events: required(s.u32()), interval_events: required(s.u32()) }),
    ),
    get_signing_nonce: root('uint64', s.u64()),
  },
};
