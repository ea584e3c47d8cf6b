// The vesting contract's API in the CosmWasm IDL format; `npm run build:contracts` writes it to
// schema/vesting.json, which @cosmwasm/ts-codegen reads.
import {
  type ContractIdl,
  type JsonSchema,
  optional,
  required,
  root,
  s,
  struct,
  taggedEnum,
} from '@nymts/contract-build';

const address = (description: string) => required(s.string(), description);
const accountAddress = { vesting_account_address: address('The owner of the vesting account.') };
const atTime = {
  ...accountAddress,
  block_time: optional(s.u64(), 'Unix seconds to evaluate at (default: the current block time).'),
};
const onBehalfOf = {
  on_behalf_of: optional(s.string(), 'Act on this owner’s account; the sender must be its staking address.'),
};

const DEFINITIONS: Record<string, JsonSchema> = {
  PledgeCap: {
    description: 'How much of its original vesting amount an account may pledge.',
    oneOf: [
      {
        description: 'A fraction of the original vesting amount (at most 1).',
        type: 'object',
        required: ['percent'],
        properties: { percent: s.decimal() },
        additionalProperties: false,
      },
      {
        description: 'An amount of unym.',
        type: 'object',
        required: ['absolute'],
        properties: { absolute: s.uint128() },
        additionalProperties: false,
      },
    ],
  },
  VestingSpecification: struct(
    {
      start_time: optional(s.u64(), 'Unix seconds at which the first period starts (default: now).'),
      period_seconds: optional(s.u64(), 'Length of one period (default: 7776000, 90 days).'),
      num_periods: optional(s.u64(), 'Number of periods (default: 8).'),
    },
    'When the NYM vests: one equal step at the end of each period.',
  ),
  Cw20ReceiveMsg: struct(
    {
      sender: required(s.string(), 'Who sent the NYM through the token.'),
      amount: required(s.uint128()),
      msg: required(s.binary(), 'A ReceiveMsg, as JSON.'),
    },
    'The cw20 receive hook: the NYM token tells this contract it received `amount`.',
  ),
  ReceiveMsg: {
    description: 'What a cw20 Send of NYM to this contract asks for (the base64 `msg` of the Send).',
    ...taggedEnum({
      create_account: {
        description: 'Open a vesting account holding the sent NYM (from the admin only).',
        fields: {
          owner_address: address('The account owner.'),
          staking_address: optional(s.string(), 'An address that may stake on the owner’s behalf.'),
          vesting_spec: optional(s.ref('VestingSpecification')),
          cap: optional(s.ref('PledgeCap'), 'The locked pledge cap (default: 10%).'),
        },
      },
      track_undelegation: {
        description: 'The mixnet contract returns a delegation (with its rewards).',
        fields: { owner: address('The account owner.'), mix_id: required(s.u32()) },
      },
      track_unbond: {
        description: 'The mixnet contract returns a pledge (with its rewards) after unbonding a node.',
        fields: { owner: address('The account owner.') },
      },
      track_decrease_pledge: {
        description: 'The mixnet contract returns the part of a pledge taken off it.',
        fields: { owner: address('The account owner.') },
      },
      track_reward: {
        description: 'The mixnet contract pays out rewards of staked NYM.',
        fields: { owner: address('The account owner.') },
      },
    }),
  },
  Config: struct({
    admin: required(s.string()),
    token_address: required(s.string()),
    mixnet_contract_address: optional(s.string()),
  }),
  Account: struct({
    id: required(s.u64()),
    owner_address: required(s.string()),
    staking_address: optional(s.string()),
    start_time: required(s.u64()),
    period_seconds: required(s.u64()),
    num_periods: required(s.u64()),
    original: required(s.uint128()),
    balance: required(s.uint128(), 'NYM the contract holds for this account now.'),
    withdrawn: required(s.uint128()),
    delegated: required(s.uint128()),
    pledged: required(s.uint128()),
    pledge_cap: required(s.ref('PledgeCap')),
  }),
  Period: {
    description: 'Where a moment falls in a schedule.',
    oneOf: [
      { type: 'string', enum: ['before', 'after'] },
      {
        description: 'Inside period `in` (0-based).',
        type: 'object',
        required: ['in'],
        properties: { in: s.u64() },
        additionalProperties: false,
      },
    ],
  },
  AmountResponse: struct({ amount: required(s.uint128()) }),
  // The mixnet contract defines these; the vesting contract passes them on unchanged.
  MixNode: {
    description: 'The mix node to bond, as the mixnet contract reads it (passed on as is).',
    type: 'object',
  },
  MixNodeCostParams: { description: 'The mix node’s cost parameters (passed on as is).', type: 'object' },
  MixNodeConfigUpdate: {
    description: 'A mix node’s new host, ports and version (passed on as is).',
    type: 'object',
  },
  Gateway: {
    description: 'The gateway to bond, as the mixnet contract reads it (passed on as is).',
    type: 'object',
  },
  GatewayConfigUpdate: {
    description: 'A gateway’s new host, ports and version (passed on as is).',
    type: 'object',
  },
};

const execute = taggedEnum({
  receive: {
    description: 'The NYM token delivers NYM (cw20 Send) with a ReceiveMsg.',
    fields: {
      sender: required(s.string()),
      amount: required(s.uint128()),
      msg: required(s.binary(), 'A ReceiveMsg, as JSON.'),
    },
  },
  withdraw_vested_coins: {
    description: 'Withdraw spendable (vested, unstaked) NYM to the owner.',
    fields: { amount: required(s.uint128()) },
  },
  transfer_ownership: {
    description: 'Give the account to another address (which must not own one).',
    fields: { to_address: address('The new owner.') },
  },
  update_staking_address: {
    description: 'Set or clear the address allowed to stake for the owner.',
    fields: { to_address: optional(s.string()) },
  },
  update_locked_pledge_cap: {
    description: 'Change an account’s locked pledge cap (admin).',
    fields: { address: address('The account owner.'), cap: required(s.ref('PledgeCap')) },
  },
  update_admin: {
    description: 'Hand the admin role to another address (admin).',
    fields: { admin: address('The new admin.') },
  },
  update_mixnet_address: {
    description: 'Set the mixnet contract that staking goes through (admin).',
    fields: { address: address('The mixnet contract.') },
  },
  delegate_to_mixnode: {
    description: 'Delegate the account’s NYM to a mix node through the mixnet contract.',
    fields: { mix_id: required(s.u32()), amount: required(s.uint128()), ...onBehalfOf },
  },
  undelegate_from_mixnode: {
    description: 'Ask the mixnet contract to return a delegation (it comes back with track_undelegation).',
    fields: { mix_id: required(s.u32()), ...onBehalfOf },
  },
  bond_mixnode: {
    description: 'Bond a mix node with the account’s NYM, within the locked pledge cap.',
    fields: {
      mix_node: required(s.ref('MixNode')),
      cost_params: required(s.ref('MixNodeCostParams')),
      owner_signature: required(s.string()),
      amount: required(s.uint128()),
      ...onBehalfOf,
    },
  },
  bond_gateway: {
    description: 'Bond a gateway with the account’s NYM, within the locked pledge cap.',
    fields: {
      gateway: required(s.ref('Gateway')),
      owner_signature: required(s.string()),
      amount: required(s.uint128()),
      ...onBehalfOf,
    },
  },
  pledge_more: {
    description: 'Add to the bonded mix node’s pledge, within the locked pledge cap.',
    fields: { amount: required(s.uint128()), ...onBehalfOf },
  },
  unbond_mixnode: {
    description: 'Ask the mixnet contract to unbond (the pledge comes back with track_unbond).',
    fields: { ...onBehalfOf },
  },
  unbond_gateway: {
    description: 'Unbond the gateway (the pledge comes back at once with track_unbond).',
    fields: { ...onBehalfOf },
  },
  decrease_pledge: {
    description: 'Take part of the mix node’s pledge back at the epoch’s end (with track_decrease_pledge).',
    fields: { amount: required(s.uint128()), ...onBehalfOf },
  },
  update_mixnode_cost_params: {
    description: 'Change the mix node’s profit margin and operating cost (from the next interval).',
    fields: { new_costs: required(s.ref('MixNodeCostParams')), ...onBehalfOf },
  },
  update_mixnode_config: {
    description: 'Change the mix node’s host, ports and version.',
    fields: { new_config: required(s.ref('MixNodeConfigUpdate')), ...onBehalfOf },
  },
  update_gateway_config: {
    description: 'Change the gateway’s host, ports and version.',
    fields: { new_config: required(s.ref('GatewayConfigUpdate')), ...onBehalfOf },
  },
  claim_operator_reward: {
    description: 'Withdraw the mix node’s operator rewards into the account (they come with track_reward).',
    fields: { ...onBehalfOf },
  },
  claim_delegator_reward: {
    description: 'Withdraw a delegation’s rewards into the account (they come with track_reward).',
    fields: { mix_id: required(s.u32()), ...onBehalfOf },
  },
});

const query = taggedEnum({
  get_config: { description: 'Admin, token and mixnet contract addresses.' },
  get_account: { description: 'The account record.', fields: { address: address('The owner.') } },
  get_accounts_paged: {
    description: 'Accounts in owner-address order.',
    fields: {
      start_next_after: optional(s.string(), 'The last owner of the previous page.'),
      limit: optional(s.u32(), 'Page size (default 50, at most 100).'),
    },
  },
  get_vested_coins: { description: 'NYM vested so far.', fields: atTime },
  get_vesting_coins: { description: 'NYM still vesting.', fields: atTime },
  locked_coins: { description: 'Vesting NYM not staked (vesting − delegated − pledged).', fields: atTime },
  spendable_coins: { description: 'NYM the owner may withdraw (balance − locked).', fields: atTime },
  get_delegated_coins: { description: 'NYM delegated through the mixnet contract.', fields: accountAddress },
  get_pledged_coins: { description: 'NYM pledged to a bonded mix node.', fields: accountAddress },
  get_withdrawn_coins: { description: 'NYM withdrawn so far.', fields: accountAddress },
  get_original_vesting: { description: 'The amount the account was created with.', fields: accountAddress },
  get_current_vesting_period: {
    description: 'Where a moment falls in the schedule.',
    fields: { address: address('The owner.'), block_time: optional(s.u64()) },
  },
  get_vesting_schedule: {
    description: 'Every period with its cumulative vested amount.',
    fields: { address: address('The owner.') },
  },
  get_account_summary: {
    description: 'All amounts of an account at once.',
    fields: { address: address('The owner.'), block_time: optional(s.u64()) },
  },
  get_locked_pledge_cap: {
    description: 'The account’s locked pledge cap.',
    fields: { address: address('The owner.') },
  },
  get_delegation: {
    description: 'NYM delegated to one mix node.',
    fields: { address: address('The owner.'), mix_id: required(s.u32()) },
  },
});

const amountResponse = root('AmountResponse', DEFINITIONS.AmountResponse!);
const amountQueries = [
  'get_vested_coins',
  'get_vesting_coins',
  'locked_coins',
  'spendable_coins',
  'get_delegated_coins',
  'get_pledged_coins',
  'get_withdrawn_coins',
  'get_original_vesting',
  'get_delegation',
];

export const idl: ContractIdl = {
  contract_name: 'vesting',
  contract_version: '0.1.0',
  idl_version: '1.0.0',
  instantiate: root(
    'InstantiateMsg',
    struct({
      token_address: address('The NYM cw20 token contract.'),
      mixnet_contract_address: optional(s.string(), 'The mixnet contract (can be set later).'),
    }),
  ),
  execute: root('ExecuteMsg', execute, DEFINITIONS, ['ReceiveMsg']),
  query: root('QueryMsg', query, DEFINITIONS),
  migrate: root('MigrateMsg', struct({})),
  sudo: null,
  responses: {
    ...Object.fromEntries(amountQueries.map((name) => [name, amountResponse])),
    get_config: root('Config', DEFINITIONS.Config!, DEFINITIONS),
    get_account: root('Account', DEFINITIONS.Account!, DEFINITIONS),
    get_accounts_paged: root(
      'AccountsResponse',
      struct({
        accounts: required(s.array(struct({ account_id: required(s.u64()), owner: required(s.string()) }))),
        start_next_after: optional(
          s.string(),
          'Pass as start_next_after for the next page; null on the last.',
        ),
      }),
    ),
    get_current_vesting_period: root('Period', DEFINITIONS.Period!),
    get_vesting_schedule: root(
      'VestingSchedule',
      struct({
        start_time: required(s.u64()),
        end_time: required(s.u64()),
        periods: required(
          s.array(
            struct({
              start_time: required(s.u64()),
              end_time: required(s.u64()),
              vested_at_end: required(s.uint128()),
            }),
          ),
        ),
      }),
    ),
    get_account_summary: root(
      'AccountSummary',
      struct({
        owner_address: required(s.string()),
        block_time: required(s.u64()),
        original: required(s.uint128()),
        vested: required(s.uint128()),
        vesting: required(s.uint128()),
        locked: required(s.uint128()),
        spendable: required(s.uint128()),
        balance: required(s.uint128()),
        withdrawn: required(s.uint128()),
        delegated: required(s.uint128()),
        pledged: required(s.uint128()),
        current_period: required(s.ref('Period')),
      }),
      DEFINITIONS,
    ),
    get_locked_pledge_cap: root('PledgeCap', DEFINITIONS.PledgeCap!, DEFINITIONS),
  },
};
