// cw3-flex-multisig 1.0.1 (cw-plus `contracts/cw3-flex-multisig/src/{msg,state}.rs`,
// `packages/cw3/src/{query,deposit}.rs`): votes on DKG verification keys, weighted by a cw4 group.
import {
  type ContractIdl,
  type JsonSchema,
  optional,
  required,
  root,
  s,
  struct,
} from '@nymts/contract-build';
import { DEFINITIONS, newtypeVariant, structVariant, unitVariants } from './shared';

const CW3_DEFINITIONS: Record<string, JsonSchema> = {
  ...DEFINITIONS,
  Executor: {
    description: 'Who may execute a passed proposal.',
    oneOf: [
      unitVariants(['member'], 'Any member of the voting group, even with 0 weight.'),
      newtypeVariant('only', s.ref('Addr'), 'Only this address.'),
    ],
  },
  UncheckedDenom: {
    description: 'The denom of a proposal deposit, as given (not yet validated).',
    oneOf: [newtypeVariant('native', s.string()), newtypeVariant('cw20', s.string())],
  },
  Denom: {
    oneOf: [newtypeVariant('native', s.string()), newtypeVariant('cw20', s.ref('Addr'))],
  },
  UncheckedDepositInfo: struct(
    {
      amount: required(s.uint128(), 'The amount a proposer deposits.'),
      denom: required(s.ref('UncheckedDenom')),
      refund_failed_proposals: required(s.boolean(), 'Whether to refund the deposit of a rejected proposal.'),
    },
    'A deposit required to open a proposal.',
  ),
  DepositInfo: struct({
    amount: required(s.uint128()),
    denom: required(s.ref('Denom')),
    refund_failed_proposals: required(s.boolean()),
  }),
  ProposalResponse_for_Empty: struct({
    id: required(s.u64()),
    title: required(s.string()),
    description: required(s.string()),
    msgs: required(s.array(s.ref('CosmosMsg_for_Empty'))),
    status: required(s.ref('Status')),
    expires: required(s.ref('Expiration')),
    threshold: required(s.ref('ThresholdResponse')),
    proposer: required(s.ref('Addr')),
    deposit: optional(s.ref('DepositInfo')),
  }),
  VoteInfo: struct({
    proposal_id: required(s.u64()),
    voter: required(s.string()),
    vote: required(s.ref('Vote')),
    weight: required(s.u64()),
  }),
  VoterDetail: struct({ addr: required(s.string()), weight: required(s.u64()) }),
};

const execute: JsonSchema = {
  oneOf: [
    structVariant(
      'propose',
      {
        title: required(s.string()),
        description: required(s.string()),
        msgs: required(s.array(s.ref('CosmosMsg_for_Empty'))),
        latest: optional(
          s.ref('Expiration'),
          'Voting ends here at the latest (capped by max_voting_period).',
        ),
      },
      'Open a proposal (members only); the proposer votes yes.',
    ),
    structVariant(
      'vote',
      { proposal_id: required(s.u64()), vote: required(s.ref('Vote')) },
      'Vote on an open proposal (members only).',
    ),
    structVariant('execute', { proposal_id: required(s.u64()) }, 'Run the messages of a passed proposal.'),
    structVariant(
      'close',
      { proposal_id: required(s.u64()) },
      'Close an expired proposal that did not pass.',
    ),
    newtypeVariant(
      'member_changed_hook',
      s.ref('MemberChangedHookMsg'),
      'Handles update hook messages from the group contract.',
    ),
  ],
};

const query: JsonSchema = {
  oneOf: [
    structVariant('threshold', {}, 'The threshold and the group’s total weight.'),
    structVariant('proposal', { proposal_id: required(s.u64()) }),
    structVariant('list_proposals', { start_after: optional(s.u64()), limit: optional(s.u32()) }),
    structVariant('reverse_proposals', { start_before: optional(s.u64()), limit: optional(s.u32()) }),
    structVariant('vote', { proposal_id: required(s.u64()), voter: required(s.string()) }),
    structVariant('list_votes', {
      proposal_id: required(s.u64()),
      start_after: optional(s.string()),
      limit: optional(s.u32()),
    }),
    structVariant('voter', { address: required(s.string()) }),
    structVariant('list_voters', { start_after: optional(s.string()), limit: optional(s.u32()) }),
    structVariant('config', {}, 'The multisig’s configuration.'),
  ],
};

const proposalList = () =>
  root(
    'ProposalListResponse_for_Empty',
    struct({ proposals: required(s.array(s.ref('ProposalResponse_for_Empty'))) }),
    CW3_DEFINITIONS,
  );

export const idl: ContractIdl = {
  contract_name: 'cw3-flex-multisig',
  contract_version: '1.0.1',
  idl_version: '1.0.0',
  instantiate: root(
    'InstantiateMsg',
    struct({
      group_addr: required(s.string(), 'The cw4 contract that holds the voters and their weights.'),
      threshold: required(s.ref('Threshold')),
      max_voting_period: required(s.ref('Duration')),
      executor: optional(s.ref('Executor'), 'Who may execute passed proposals (default: anyone).'),
      proposal_deposit: optional(s.ref('UncheckedDepositInfo')),
    }),
    CW3_DEFINITIONS,
  ),
  execute: root('ExecuteMsg', execute, CW3_DEFINITIONS),
  query: root('QueryMsg', query, CW3_DEFINITIONS),
  migrate: root('MigrateMsg', { description: 'Takes an empty object.', type: 'object' }),
  sudo: null,
  responses: {
    threshold: root('ThresholdResponse', CW3_DEFINITIONS.ThresholdResponse!, CW3_DEFINITIONS),
    proposal: root(
      'ProposalResponse_for_Empty',
      CW3_DEFINITIONS.ProposalResponse_for_Empty!,
      CW3_DEFINITIONS,
    ),
    list_proposals: proposalList(),
    reverse_proposals: proposalList(),
    vote: root('VoteResponse', struct({ vote: optional(s.ref('VoteInfo')) }), CW3_DEFINITIONS),
    list_votes: root(
      'VoteListResponse',
      struct({ votes: required(s.array(s.ref('VoteInfo'))) }),
      CW3_DEFINITIONS,
    ),
    voter: root('VoterResponse', struct({ weight: optional(s.u64()) })),
    list_voters: root(
      'VoterListResponse',
      struct({ voters: required(s.array(s.ref('VoterDetail'))) }),
      CW3_DEFINITIONS,
    ),
    config: root(
      'Config',
      struct({
        threshold: required(s.ref('Threshold')),
        max_voting_period: required(s.ref('Duration')),
        group_addr: required(s.ref('Addr'), 'The cw4 group contract.'),
        executor: optional(s.ref('Executor')),
        proposal_deposit: optional(s.ref('DepositInfo')),
      }),
      CW3_DEFINITIONS,
    ),
  },
};
