// Every call made by someone not allowed to make it is refused, and changes nothing: not the
// mixnet contract's state, not the token's balances, not the vesting contract's accounts.
import { account } from './support/chain';
import {
  ADMIN,
  DEFAULT_COSTS,
  gateway,
  Mixnet,
  mixNode,
  NodeKeys,
  NYM,
  randomness,
  VALIDATOR,
} from './support/mixnet';

const alice = account(10); // a mix node operator
const bob = account(11); // a gateway operator
const dan = account(12); // a delegator
const vera = account(13); // a vesting account owner with a node bonded through the vesting contract
const mallory = account(66);

let m: Mixnet;
let aliceNode: number;
let veraNode: number;
let gatewayKey: string;

beforeAll(() => {
  m = Mixnet.deploy();
  for (const who of [alice, bob, dan, mallory]) m.fund(who, 10_000n * NYM);
  aliceNode = m.bondMixnode(alice, new NodeKeys(), 1_000n * NYM);
  const gatewayKeys = new NodeKeys();
  gatewayKey = gatewayKeys.identityKey;
  m.bondGateway(bob, gatewayKeys, 100n * NYM);
  m.send(ADMIN, 10_000n * NYM, { create_account: { owner_address: vera } }, m.vesting);
  const veraKeys = new NodeKeys();
  m.chain.execute(vera, m.vesting, {
    bond_mixnode: {
      mix_node: mixNode(veraKeys, 2),
      cost_params: DEFAULT_COSTS,
      owner_signature: m.signature(veraKeys, 'mixnode-bonding', vera),
      amount: (500n * NYM).toString(),
    },
  });
  veraNode = aliceNode + 1;
  m.delegate(dan, aliceNode, 10n * NYM);
  m.advance();
  m.endEpoch(); // so the validator's calls fail only for who makes them
});

const notOwner = (who: string) => `Unauthorized: ${who} is not the contract owner`;
const notValidator = (who: string) => `Unauthorized: ${who} is not the rewarding validator`;
const notVesting = (who: string) => `Unauthorized: ${who} is not the vesting contract`;

const OWNER_CALLS = [
  { update_rewarding_validator_address: { address: mallory } },
  { update_admin: { admin: mallory } },
  {
    update_contract_state_params: {
      updated_parameters: { minimum_mixnode_pledge: '1', minimum_gateway_pledge: '1' },
    },
  },
  { update_active_set_size: { active_set_size: 1, force_immediately: true } },
  { update_rewarding_params: { updated_params: { reward_pool: '1' }, force_immediately: true } },
  { update_interval_config: { epochs_in_interval: 1, epoch_duration_secs: 1, force_immediately: true } },
];

const VALIDATOR_CALLS = () => [
  { advance_current_epoch: { randomness: randomness('x') } },
  { reward_mixnode: { mix_id: aliceNode, performance: '1' } },
  { report_gateway_performance: { identity: gatewayKey, performance: '1' } },
  { reconcile_epoch_events: {} },
];

const ON_BEHALF_CALLS = () => [
  { unbond_mixnode_on_behalf: { owner: vera } },
  { decrease_pledge_on_behalf: { owner: vera, decrease_by: '1' } },
  { update_mixnode_cost_params_on_behalf: { owner: vera, new_costs: DEFAULT_COSTS } },
  {
    update_mixnode_config_on_behalf: {
      owner: vera,
      new_config: { host: 'h', mix_port: 1, http_api_port: 2, version: 'v', location: '' },
    },
  },
  { unbond_gateway_on_behalf: { owner: bob } },
  {
    update_gateway_config_on_behalf: {
      owner: bob,
      new_config: { host: 'h', mix_port: 1, clients_port: 2, http_api_port: 3, version: 'v', location: '' },
    },
  },
  { undelegate_from_mixnode_on_behalf: { mix_id: aliceNode, delegate: dan } },
  { withdraw_operator_reward_on_behalf: { owner: vera } },
  { withdraw_delegator_reward_on_behalf: { mix_id: aliceNode, owner: dan } },
];

function refused(call: () => unknown, message: string | RegExp): void {
  const before = m.chain.snapshot();
  expect(call).toThrow(message);
  expect(m.chain.snapshot()).toEqual(before);
}

const NOT_OWNERS = [
  ['the rewarding validator', VALIDATOR],
  ['a stranger', mallory],
] as const;

test.each(
  OWNER_CALLS.flatMap((msg) =>
    NOT_OWNERS.map(([role, who]) => [Object.keys(msg)[0], role, who, msg] as const),
  ),
)('owner only: %s by %s', (_name, _role, who, msg) => refused(() => m.execute(who, msg), notOwner(who)));

test('validator only: advancing, rewarding, reporting, reconciling', () => {
  for (const msg of VALIDATOR_CALLS())
    for (const who of [ADMIN, mallory, alice]) refused(() => m.execute(who, msg), notValidator(who));
});

test('vesting contract only: every …_on_behalf message, direct or with NYM', () => {
  for (const msg of ON_BEHALF_CALLS())
    for (const who of [mallory, vera, alice]) refused(() => m.execute(who, msg), notVesting(who));
  const withNym = [
    {
      bond_mixnode_on_behalf: {
        owner: mallory,
        mix_node: mixNode(new NodeKeys()),
        cost_params: DEFAULT_COSTS,
        owner_signature: 'x',
      },
    },
    { bond_gateway_on_behalf: { owner: mallory, gateway: gateway(new NodeKeys()), owner_signature: 'x' } },
    { pledge_more_on_behalf: { owner: vera } },
    { delegate_to_mixnode_on_behalf: { mix_id: aliceNode, delegate: vera } },
  ];
  for (const msg of withNym) refused(() => m.send(mallory, 200n * NYM, msg), notVesting(mallory));
});

test('only a node’s owner changes it, only a delegator undelegates', () => {
  const calls: Array<[unknown, string]> = [
    [{ unbond_mixnode: {} }, `${mallory} does not own a mix node`],
    [{ decrease_pledge: { decrease_by: '1' } }, `${mallory} does not own a mix node`],
    [{ update_mixnode_cost_params: { new_costs: DEFAULT_COSTS } }, `${mallory} does not own a mix node`],
    [
      {
        update_mixnode_config: {
          new_config: { host: 'h', mix_port: 1, http_api_port: 2, version: 'v', location: '' },
        },
      },
      `${mallory} does not own a mix node`,
    ],
    [{ withdraw_operator_reward: {} }, `${mallory} does not own a mix node`],
    [{ unbond_gateway: {} }, `${mallory} does not own a gateway`],
    [
      {
        update_gateway_config: {
          new_config: {
            host: 'h',
            mix_port: 1,
            clients_port: 2,
            http_api_port: 3,
            version: 'v',
            location: '',
          },
        },
      },
      `${mallory} does not own a gateway`,
    ],
    [
      { undelegate_from_mixnode: { mix_id: aliceNode } },
      `${mallory} has no delegation to mix node ${aliceNode}`,
    ],
    [
      { withdraw_delegator_reward: { mix_id: aliceNode } },
      `${mallory} has no delegation to mix node ${aliceNode}`,
    ],
  ];
  for (const [msg, message] of calls) refused(() => m.execute(mallory, msg), message);
  refused(() => m.send(mallory, 1n, { pledge_more: {} }), `${mallory} does not own a mix node`);
});

test('a node bonded with vesting NYM is managed through the vesting contract only', () => {
  const route = `Mix node ${veraNode} was bonded with vesting NYM: manage it through the vesting contract`;
  for (const msg of [
    { unbond_mixnode: {} },
    { decrease_pledge: { decrease_by: '1' } },
    { withdraw_operator_reward: {} },
  ])
    refused(() => m.execute(vera, msg), route);
});

test('native funds are refused: NYM comes through the token', () => {
  m.chain.mintNative(alice, [{ denom: 'unyx', amount: '10' }]);
  refused(
    () =>
      m.chain.execute(alice, m.mixnet, { withdraw_operator_reward: {} }, undefined, [
        { denom: 'unyx', amount: '10' },
      ]),
    'This contract takes NYM through the token contract (cw20 Send), not as funds',
  );
});
