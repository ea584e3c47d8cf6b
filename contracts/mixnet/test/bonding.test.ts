// Bonding mix nodes and gateways: the identity key must sign the owner and nonce, pledges have a
// minimum, an owner has one node and an identity key one bond; changes to a bond wait for the
// epoch (stake) or interval (costs) to end.
import { account, eventsOf } from './support/chain';
import {
  ADMIN,
  bondingMessage,
  DEFAULT_COSTS,
  gateway,
  Mixnet,
  mixNode,
  NodeKeys,
  NYM,
  VALIDATOR,
} from './support/mixnet';

const alice = account(10);
const bob = account(11);
const carol = account(12);

let m: Mixnet;

beforeEach(() => {
  m = Mixnet.deploy();
  for (const owner of [alice, bob, carol]) m.fund(owner, 10_000n * NYM);
});

/** Runs a call that must fail, and checks that it changed nothing at all. */
function refused(call: () => unknown, message: string | RegExp): void {
  const before = m.chain.snapshot();
  expect(call).toThrow(message);
  expect(m.chain.snapshot()).toEqual(before);
}

function bondWith(owner: string, keys: NodeKeys, signature: string, amount = 200n * NYM) {
  return m.send(owner, amount, {
    bond_mixnode: { mix_node: mixNode(keys), cost_params: DEFAULT_COSTS, owner_signature: signature },
  });
}

describe('bonding a mix node', () => {
  test('with the identity key’s signature over owner and nonce: bonded, findable, the nonce moves on', () => {
    const keys = new NodeKeys();
    expect(m.nonce(alice)).toBe(0);
    const held = m.balance(m.mixnet);
    const mixId = m.bondMixnode(alice, keys, 200n * NYM);
    expect(m.nonce(alice)).toBe(1);
    expect(m.balance(m.mixnet) - held).toBe(200n * NYM);
    const details = m.query({ get_owned_mixnode: { address: alice } });
    expect(details).toMatchObject({
      address: alice,
      mixnode_details: {
        bond_information: {
          mix_id: mixId,
          owner: alice,
          original_pledge: '200000000',
          mix_node: mixNode(keys),
          proxy: null,
          is_unbonding: false,
        },
        rewarding_details: { operator: '200000000', delegates: '0', cost_params: DEFAULT_COSTS },
        rewarded_set_status: null,
      },
    });
    expect(m.query({ get_bonded_mixnode_details_by_identity: { mix_identity: keys.identityKey } })).toEqual({
      identity_key: keys.identityKey,
      mixnode_details: (details as { mixnode_details: unknown }).mixnode_details,
    });
    expect(m.query({ get_mix_node_bonds: {} })).toMatchObject({
      nodes: [{ mix_id: mixId }],
      start_next_after: null,
    });
  });

  test('a forged signature is refused: another key, another owner, another contract, a used nonce', () => {
    const keys = new NodeKeys();
    const other = new NodeKeys();
    const forged = [
      other.sign(bondingMessage('mixnode-bonding', m.mixnet, alice, 0)),
      keys.sign(bondingMessage('mixnode-bonding', m.mixnet, bob, 0)),
      keys.sign(bondingMessage('mixnode-bonding', m.token, alice, 0)),
      keys.sign(bondingMessage('gateway-bonding', m.mixnet, alice, 0)),
      keys.sign(bondingMessage('mixnode-bonding', m.mixnet, alice, 1)),
    ];
    for (const signature of forged) {
      refused(
        () => bondWith(alice, keys, signature),
        `Invalid owner signature: identity key ${keys.identityKey} did not sign mixnode-bonding for ${alice} with nonce 0`,
      );
    }
    refused(
      () => bondWith(alice, keys, 'not-base58!'),
      '`owner_signature` is not a base58-encoded 64-byte signature',
    );
    // a signature is good for one bond: after unbonding, the old one no longer works
    const signature = keys.sign(bondingMessage('mixnode-bonding', m.mixnet, alice, 0));
    bondWith(alice, keys, signature);
    m.execute(alice, { unbond_mixnode: {} });
    m.advance();
    refused(() => bondWith(alice, keys, signature), /with nonce 1:/);
    m.bondMixnode(alice, keys, 200n * NYM);
  });

  test('an identity key bonds once, across mix nodes and gateways', () => {
    const keys = new NodeKeys();
    m.bondMixnode(alice, keys, 200n * NYM);
    const duplicate = `A node with identity key ${keys.identityKey} is already bonded`;
    refused(() => bondWith(bob, keys, m.signature(keys, 'mixnode-bonding', bob)), duplicate);
    refused(() => m.bondGateway(bob, keys, 200n * NYM), duplicate);
    const gatewayKeys = new NodeKeys();
    m.bondGateway(carol, gatewayKeys, 200n * NYM);
    refused(
      () => m.bondMixnode(bob, gatewayKeys, 200n * NYM),
      `A node with identity key ${gatewayKeys.identityKey} is already bonded`,
    );
  });

  test('one node per owner', () => {
    m.bondMixnode(alice, new NodeKeys(), 200n * NYM);
    refused(() => m.bondMixnode(alice, new NodeKeys(), 200n * NYM), `${alice} already owns a mix node`);
    refused(() => m.bondGateway(alice, new NodeKeys(), 200n * NYM), `${alice} already owns a mix node`);
    m.bondGateway(bob, new NodeKeys(), 200n * NYM);
    refused(() => m.bondMixnode(bob, new NodeKeys(), 200n * NYM), `${bob} already owns a gateway`);
  });

  test('the pledge must reach the minimum (100 NYM by default)', () => {
    refused(
      () => m.bondMixnode(alice, new NodeKeys(), 100n * NYM - 1n),
      'Pledge too small: 99999999 unym is below the minimum pledge of 100000000 unym',
    );
    refused(() => m.bondGateway(alice, new NodeKeys(), 50n * NYM), /^Pledge too small: 50000000 unym/);
    m.bondMixnode(alice, new NodeKeys(), 100n * NYM);
  });

  test('node descriptions and costs are checked', () => {
    const keys = new NodeKeys();
    const bond = (node: Record<string, unknown>, costs: Record<string, unknown> = DEFAULT_COSTS) =>
      m.send(alice, 200n * NYM, {
        bond_mixnode: {
          mix_node: { ...mixNode(keys), ...node },
          cost_params: costs,
          owner_signature: m.signature(keys, 'mixnode-bonding', alice),
        },
      });
    refused(() => bond({ mix_port: 0 }), 'Invalid mix node: `mix_port` must be a port between 1 and 65535');
    refused(() => bond({ http_api_port: 70000 }), /`http_api_port` must be a port/);
    refused(() => bond({ host: '' }), 'Invalid mix node: `host` must not be empty');
    refused(
      () => bond({ sphinx_key: 'abc' }),
      'Invalid mix node: `sphinx_key` is not a base58-encoded 32-byte key',
    );
    refused(() => bond({ identity_key: '0OIl' }), /`identity_key` is not a base58-encoded 32-byte key/);
    refused(
      () => bond({}, { profit_margin_percent: '1.01', interval_operating_cost: '0' }),
      /`profit_margin_percent` must be between 0 and 1/,
    );
    refused(() => bond({ colour: 'blue' }), /unknown field `colour`/);
  });

  test('NYM must come from the configured token', () => {
    const { chain } = m;
    refused(
      () => chain.execute(ADMIN, m.mixnet, { receive: { sender: alice, amount: '200000000', msg: 'e30=' } }),
      `Unauthorized: ${ADMIN} is not the NYM token contract ${m.token}`,
    );
    refused(() => m.send(alice, 200n * NYM, { bond_everything: {} }), /unknown variant `bond_everything`/);
  });
});

describe('changing a bond', () => {
  let mixId: number;
  beforeEach(() => {
    mixId = m.bondMixnode(alice, new NodeKeys(), 1_000n * NYM);
  });

  test('config changes at once; keys stay', () => {
    const keys = m.query<{ mixnode_details: { bond_information: { mix_node: Record<string, unknown> } } }>({
      get_mixnode_details: { mix_id: mixId },
    }).mixnode_details.bond_information.mix_node;
    const new_config = {
      host: 'mix.example',
      mix_port: 1790,
      http_api_port: 8001,
      version: '0.2.0',
      location: 'Moon',
    };
    m.execute(alice, { update_mixnode_config: { new_config } });
    expect(m.query({ get_mixnode_details: { mix_id: mixId } })).toMatchObject({
      mixnode_details: {
        bond_information: {
          mix_node: { ...new_config, identity_key: keys.identity_key, sphinx_key: keys.sphinx_key },
        },
      },
    });
    refused(
      () => m.execute(bob, { update_mixnode_config: { new_config } }),
      `${bob} does not own a mix node`,
    );
  });

  test('cost parameters change at the interval’s end', () => {
    const new_costs = { profit_margin_percent: '0.3', interval_operating_cost: '1' };
    m.execute(alice, { update_mixnode_cost_params: { new_costs } });
    expect(m.query({ get_pending_interval_events: {} })).toMatchObject({
      events: [{ id: 1, event: { kind: { change_mix_cost_params: { mix_id: mixId, new_costs } } } }],
    });
    m.advance(); // epoch 0 → 1 (interval 0 has two epochs)
    expect(m.query({ get_mixnode_rewarding_details: { mix_id: mixId } })).toMatchObject({
      rewarding_details: { cost_params: DEFAULT_COSTS },
    });
    m.advance(); // interval 0 ends
    expect(m.query({ get_mixnode_rewarding_details: { mix_id: mixId } })).toMatchObject({
      rewarding_details: { cost_params: new_costs },
    });
    expect(m.query({ get_number_of_pending_events: {} })).toEqual({ epoch_events: 0, interval_events: 0 });
  });

  test('pledging more and decreasing the pledge wait for the epoch’s end, one change at a time', () => {
    m.send(alice, 500n * NYM, { pledge_more: {} });
    refused(() => m.send(alice, 1n, { pledge_more: {} }), /already has a pending pledge change \(event 1\)/);
    refused(
      () => m.execute(alice, { decrease_pledge: { decrease_by: '1' } }),
      /already has a pending pledge change/,
    );
    expect(m.query({ get_mixnode_details: { mix_id: mixId } })).toMatchObject({
      mixnode_details: { bond_information: { original_pledge: '1000000000', pending_pledge_change: 1 } },
    });
    m.advance();
    expect(m.query({ get_mixnode_details: { mix_id: mixId } })).toMatchObject({
      mixnode_details: {
        bond_information: { original_pledge: '1500000000', pending_pledge_change: null },
        rewarding_details: { operator: '1500000000' },
      },
    });
    refused(
      () => m.execute(alice, { decrease_pledge: { decrease_by: '1400000001' } }),
      'Decreasing the pledge of 1500000000 unym by 1400000001 would take it below the minimum pledge of 100000000 unym',
    );
    const before = m.balance(alice);
    m.execute(alice, { decrease_pledge: { decrease_by: '1400000000' } });
    expect(m.balance(alice)).toBe(before);
    m.advance();
    expect(m.balance(alice) - before).toBe(1_400n * NYM);
    expect(m.query({ get_mixnode_details: { mix_id: mixId } })).toMatchObject({
      mixnode_details: { bond_information: { original_pledge: '100000000' } },
    });
  });

  test('unbonding waits for the epoch’s end, then returns the pledge and frees the node’s keys', () => {
    const before = m.balance(alice);
    const asked = m.execute(alice, { unbond_mixnode: {} });
    expect(eventsOf(asked, 'pending_mixnode_unbonding')).toEqual([
      expect.objectContaining({ mix_id: `${mixId}` }),
    ]);
    refused(() => m.execute(alice, { unbond_mixnode: {} }), `Mix node ${mixId} is unbonding`);
    refused(() => m.delegate(bob, mixId, 10n * NYM), `Mix node ${mixId} is unbonding`);
    refused(() => m.send(alice, 1n, { pledge_more: {} }), `Mix node ${mixId} is unbonding`);
    expect(m.query({ get_pending_mix_node_operator_reward: { mix_id: mixId } })).toMatchObject({
      mixnode_still_fully_bonded: false,
    });
    expect(m.balance(alice)).toBe(before);
    m.advance();
    expect(m.balance(alice) - before).toBe(1_000n * NYM);
    expect(m.query({ get_owned_mixnode: { address: alice } })).toEqual({
      address: alice,
      mixnode_details: null,
    });
    expect(m.query({ get_mix_node_bonds: {} })).toEqual({ nodes: [], start_next_after: null });
    m.bondGateway(alice, new NodeKeys(), 100n * NYM); // the owner may bond again
  });
});

describe('gateways', () => {
  test('bond, change config, report performance, unbond at once', () => {
    const keys = new NodeKeys();
    m.bondGateway(alice, keys, 300n * NYM, 7);
    expect(m.query({ get_gateways: {} })).toEqual({
      nodes: [
        {
          owner: alice,
          pledge_amount: '300000000',
          gateway: gateway(keys, 7),
          proxy: null,
          bonding_height: expect.any(Number),
          last_performance: null,
        },
      ],
      start_next_after: null,
    });
    const new_config = {
      host: 'gw.example',
      mix_port: 1789,
      clients_port: 9001,
      http_api_port: 8000,
      location: 'Mars',
      version: '1.0.0',
    };
    m.execute(alice, { update_gateway_config: { new_config } });
    m.endEpoch();
    m.execute(VALIDATOR, { report_gateway_performance: { identity: keys.identityKey, performance: '0.75' } });
    expect(m.query({ get_owned_gateway: { address: alice } })).toMatchObject({
      gateway: { gateway: { ...new_config, identity_key: keys.identityKey }, last_performance: '0.75' },
    });
    expect(m.query({ get_gateway_bond: { identity: keys.identityKey } })).toMatchObject({
      identity: keys.identityKey,
    });
    const before = m.balance(alice);
    refused(() => m.execute(bob, { unbond_gateway: {} }), `${bob} does not own a gateway`);
    m.execute(alice, { unbond_gateway: {} });
    expect(m.balance(alice) - before).toBe(300n * NYM);
    expect(m.query({ get_gateway_bond: { identity: keys.identityKey } })).toEqual({
      identity: keys.identityKey,
      gateway: null,
    });
  });

  test('gateways are paged by identity key', () => {
    const keys = [new NodeKeys(), new NodeKeys(), new NodeKeys()];
    [alice, bob, carol].forEach((owner, i) => m.bondGateway(owner, keys[i]!, 100n * NYM, i));
    const first = m.query<{ nodes: Array<{ gateway: { identity_key: string } }>; start_next_after: string }>({
      get_gateways: { limit: 2 },
    });
    const rest = m.query<{ nodes: Array<{ gateway: { identity_key: string } }>; start_next_after: null }>({
      get_gateways: { start_after: first.start_next_after, limit: 2 },
    });
    const seen = [...first.nodes, ...rest.nodes].map((n) => n.gateway.identity_key);
    expect(seen).toEqual(keys.map((k) => k.identityKey).sort());
    expect(rest.start_next_after).toBeNull();
  });
});
