// cw4-group 1.0.1 (cw-plus `contracts/cw4-group/src/msg.rs`, `packages/cw4/src/{msg,query}.rs`):
// the DKG group, who the DKG signers are.
import {
  type ContractIdl,
  type JsonSchema,
  optional,
  required,
  root,
  s,
  struct,
} from '@nymts/contract-build';
import { DEFINITIONS, page, structVariant } from './shared';

const execute: JsonSchema = {
  oneOf: [
    structVariant(
      'update_admin',
      { admin: optional(s.string()) },
      'Change the admin; null leaves the group without one (admin only).',
    ),
    structVariant(
      'update_members',
      { remove: required(s.array(s.string())), add: required(s.array(s.ref('Member'))) },
      'Apply a diff to the members: `remove` first, then `add` (which also updates weights; admin only).',
    ),
    structVariant(
      'add_hook',
      { addr: required(s.string()) },
      'Notify a contract of member changes (admin only).',
    ),
    structVariant('remove_hook', { addr: required(s.string()) }, 'Stop notifying a contract (admin only).'),
  ],
};

const query: JsonSchema = {
  oneOf: [
    structVariant('admin', {}, 'The admin, if any.'),
    structVariant('total_weight', { at_height: optional(s.u64()) }, 'The sum of all members’ weights.'),
    structVariant('list_members', page(), 'Members in address order (paginated).'),
    structVariant(
      'member',
      { addr: required(s.string()), at_height: optional(s.u64()) },
      'A member’s weight (null if not a member), now or at a past height.',
    ),
    structVariant('hooks', {}, 'The contracts notified of member changes.'),
  ],
};

export const idl: ContractIdl = {
  contract_name: 'cw4-group',
  contract_version: '1.0.1',
  idl_version: '1.0.0',
  instantiate: root(
    'InstantiateMsg',
    struct({
      admin: optional(s.string(), 'The admin may change the members; null makes the group immutable.'),
      members: required(s.array(s.ref('Member'))),
    }),
    DEFINITIONS,
  ),
  execute: root('ExecuteMsg', execute, DEFINITIONS),
  query: root('QueryMsg', query, DEFINITIONS),
  migrate: root('MigrateMsg', { description: 'Takes an empty object.', type: 'object' }),
  sudo: null,
  responses: {
    admin: root('AdminResponse', struct({ admin: optional(s.string()) })),
    total_weight: root('TotalWeightResponse', struct({ weight: required(s.u64()) })),
    list_members: root(
      'MemberListResponse',
      struct({ members: required(s.array(s.ref('Member'))) }),
      DEFINITIONS,
    ),
    member: root('MemberResponse', struct({ weight: optional(s.u64()) })),
    hooks: root('HooksResponse', struct({ hooks: required(s.array(s.string())) })),
  },
};
