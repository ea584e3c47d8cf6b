// The committed schema is the definition's; it lists exactly the messages the contract accepts;
// every query answer of a populated contract validates against its response schema, and the
// messages the tests send validate against the message schemas (what generated clients rely on).
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { variantNames, type JsonSchema } from '@nymts/contract-build';
import { idl } from '../schema/definition';
import { MIXNET_SCHEMA } from '../src';
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

function acceptedVariants(call: () => unknown): string[] {
  let message = '';
  try {
    call();
  } catch (error) {
    message = (error as Error).message;
  }
  const list = message.replace(/^.*expected one of /, '').replace(/: execute wasm contract failed$/, '');
  return [...list.matchAll(/`([a-z_0-9]+)`/g)].map((m) => m[1]!).sort();
}

const definitions = idl.execute.definitions as Record<string, JsonSchema>;
/** The ReceiveMsg carried inside a cw20 Send, with the definitions it refers to. */
const receiveMsg: JsonSchema = { ...definitions.ReceiveMsg, definitions };

const ajv = new Ajv({ allErrors: true });
// The integer formats cosmwasm-schema (schemars) writes, checked for their ranges.
const ranges: Record<string, [bigint, bigint]> = {
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
};
for (const [format, [min, max]] of Object.entries(ranges))
  ajv.addFormat(format, {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && BigInt(n) >= min && BigInt(n) <= max,
  });
function validate(schema: JsonSchema, value: unknown, what: string): void {
  const check = ajv.compile(schema);
  if (!check(value)) throw new Error(`${what} does not match its schema: ${ajv.errorsText(check.errors)}`);
}

test('the committed schema file is the definition, as the build writes it', () => {
  expect(JSON.parse(readFileSync(MIXNET_SCHEMA, 'utf8'))).toEqual(JSON.parse(JSON.stringify(idl)));
  expect(idl).toMatchObject({ contract_name: 'mixnet', idl_version: '1.0.0', sudo: null });
  expect(Object.keys(idl.responses).sort()).toEqual(variantNames(idl.query).sort());
});

describe('on a populated contract', () => {
  const alice = account(10);
  const bob = account(11);
  const dan = account(12);
  let m: Mixnet;
  let mixId: number;
  let gatewayKey: string;

  beforeAll(() => {
    m = Mixnet.deploy();
    for (const who of [alice, bob, dan]) m.fund(who, 10_000n * NYM);
    const keys = new NodeKeys();
    const bond = {
      bond_mixnode: {
        mix_node: mixNode(keys),
        cost_params: DEFAULT_COSTS,
        owner_signature: m.signature(keys, 'mixnode-bonding', alice),
      },
    };
    validate(receiveMsg, bond, 'bond_mixnode');
    m.send(alice, 1_000n * NYM, bond);
    mixId = 1;
    const gatewayKeys = new NodeKeys();
    gatewayKey = gatewayKeys.identityKey;
    m.bondGateway(bob, gatewayKeys, 100n * NYM);
    m.delegate(dan, mixId, 50n * NYM);
    m.advance();
    m.delegate(dan, mixId, 5n * NYM);
    m.execute(alice, { update_mixnode_cost_params: { new_costs: DEFAULT_COSTS } });
    m.endEpoch();
    m.reward(mixId, '0.9');
    m.execute(VALIDATOR, { report_gateway_performance: { identity: gatewayKey, performance: '0.8' } });
  });

  test('execute, query and receive variants are exactly those the contract accepts', () => {
    expect(acceptedVariants(() => m.execute(alice, { not_a_message: {} }))).toEqual(
      variantNames(idl.execute).sort(),
    );
    expect(acceptedVariants(() => m.query({ not_a_query: {} }))).toEqual(variantNames(idl.query).sort());
    const receive = (idl.execute.definitions as Record<string, JsonSchema>).ReceiveMsg!;
    expect(acceptedVariants(() => m.send(alice, 1n, { not_a_hook: {} }))).toEqual(
      variantNames(receive).sort(),
    );
  });

  test('every query answer matches its response schema', () => {
    const queries: Record<string, Record<string, unknown>> = {
      get_state: {},
      get_state_params: {},
      get_rewarding_validator_address: {},
      get_rewarding_params: {},
      get_epoch_status: {},
      get_current_interval_details: {},
      get_rewarded_set: { limit: 10 },
      get_layer_distribution: {},
      get_mix_node_bonds: {},
      get_mix_nodes_detailed: { start_after: 0 },
      get_owned_mixnode: { address: alice },
      get_mixnode_details: { mix_id: mixId },
      get_mixnode_rewarding_details: { mix_id: mixId },
      get_bonded_mixnode_details_by_identity: { mix_identity: 'unknown' },
      get_stake_saturation: { mix_id: mixId },
      get_gateways: {},
      get_gateway_bond: { identity: gatewayKey },
      get_owned_gateway: { address: bob },
      get_mixnode_delegations: { mix_id: mixId },
      get_delegator_delegations: { delegator: dan },
      get_delegation_details: { mix_id: mixId, delegator: dan },
      get_pending_operator_reward: { address: alice },
      get_pending_mix_node_operator_reward: { mix_id: mixId },
      get_pending_delegator_reward: { address: dan, mix_id: mixId },
      get_estimated_current_epoch_operator_reward: { mix_id: mixId, estimated_performance: '1' },
      get_estimated_current_epoch_delegator_reward: {
        address: dan,
        mix_id: mixId,
        estimated_performance: '1',
      },
      get_pending_epoch_events: {},
      get_pending_interval_events: {},
      get_pending_epoch_event: { event_id: 2 },
      get_pending_interval_event: { event_id: 1 },
      get_number_of_pending_events: {},
      get_signing_nonce: { address: alice },
    };
    expect(Object.keys(queries).sort()).toEqual(variantNames(idl.query).sort());
    for (const [name, body] of Object.entries(queries)) {
      const msg = { [name]: body };
      validate(idl.query, msg, `query ${name}`);
      validate(idl.responses[name]!, m.query(msg), `the answer to ${name}`);
    }
  });

  test('the messages the contract takes validate against the execute schema', () => {
    const messages = [
      { advance_current_epoch: { randomness: randomness(1) } },
      { reward_mixnode: { mix_id: 1, performance: '1' } },
      { update_interval_config: { epochs_in_interval: 1, epoch_duration_secs: 1, force_immediately: false } },
      { undelegate_from_mixnode_on_behalf: { mix_id: 1, delegate: dan } },
      { receive: { sender: alice, amount: '1', msg: 'e30=' } },
    ];
    for (const msg of messages) validate(idl.execute, msg, Object.keys(msg)[0]!);
    validate(
      receiveMsg,
      { bond_gateway_on_behalf: { gateway: gateway(new NodeKeys()), owner_signature: 'x', owner: ADMIN } },
      'bond_gateway_on_behalf',
    );
    expect(() => validate(idl.execute, { reward_mixnode: { mix_id: 1 } }, 'incomplete')).toThrow(
      /performance/,
    );
  });
});
