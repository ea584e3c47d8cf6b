// Bonding and delegating unvested NYM: the vesting contract stakes for its accounts with
// `…_on_behalf` messages, and the mixnet contract returns NYM to it with `track_…` messages, so
// the vesting account's books follow (reference nym-platform.md §6.2, contracts/README.md).
import { account } from './support/chain';
import { ADMIN, DEFAULT_COSTS, gateway, Mixnet, mixNode, NodeKeys, NYM } from './support/mixnet';

const alice = account(10);
const vera = account(13);

interface Summary {
  balance: string;
  delegated: string;
  pledged: string;
}

test('a vesting account bonds, delegates, earns, and gets everything back through the vesting contract', () => {
  const m = Mixnet.deploy();
  m.fund(alice, 10_000n * NYM);
  const aliceNode = m.bondMixnode(alice, new NodeKeys(), 1_000n * NYM);
  m.send(
    ADMIN,
    10_000n * NYM,
    { create_account: { owner_address: vera, cap: { absolute: '2000000000' } } },
    m.vesting,
  );
  const viaVesting = (msg: unknown) => m.chain.execute(vera, m.vesting, msg);
  const summary = () => m.chain.query<Summary>(m.vesting, { get_account_summary: { address: vera } });
  const vestingHeld = () => m.balance(m.vesting);

  const keys = new NodeKeys();
  viaVesting({
    bond_mixnode: {
      mix_node: mixNode(keys, 2),
      cost_params: DEFAULT_COSTS,
      owner_signature: m.signature(keys, 'mixnode-bonding', vera),
      amount: (500n * NYM).toString(),
    },
  });
  const veraNode = m.query<{ mixnode_details: { bond_information: { mix_id: number } } }>({
    get_owned_mixnode: { address: vera },
  }).mixnode_details.bond_information.mix_id;
  expect(m.query({ get_mixnode_details: { mix_id: veraNode } })).toMatchObject({
    mixnode_details: { bond_information: { owner: vera, proxy: m.vesting, original_pledge: '500000000' } },
  });
  viaVesting({ delegate_to_mixnode: { mix_id: aliceNode, amount: (2_000n * NYM).toString() } });
  expect(summary()).toMatchObject({ balance: '7500000000', delegated: '2000000000', pledged: '500000000' });
  m.advance();
  expect(
    m.query({ get_delegation_details: { mix_id: aliceNode, delegator: vera, proxy: m.vesting } }),
  ).toMatchObject({
    delegation: { owner: vera, amount: '2000000000', proxy: m.vesting },
  });
  // a direct delegation by the same owner is a different delegation
  expect(m.query({ get_delegation_details: { mix_id: aliceNode, delegator: vera } })).toMatchObject({
    delegation: null,
  });

  m.endEpoch();
  for (const node of m.rewardedSet().nodes) m.reward(node.mix_id, '1');
  m.advance();

  // rewards come back to the vesting account
  const operatorReward = BigInt(
    m.query<{ amount_earned: string }>({ get_pending_operator_reward: { address: vera } }).amount_earned,
  );
  expect(operatorReward).toBeGreaterThan(0n);
  let held = vestingHeld();
  viaVesting({ claim_operator_reward: {} });
  expect(vestingHeld() - held).toBe(operatorReward);
  expect(BigInt(summary().balance)).toBe(7_500n * NYM + operatorReward);
  const delegatorReward = BigInt(
    m.query<{ amount_earned: string }>({
      get_pending_delegator_reward: { address: vera, mix_id: aliceNode, proxy: m.vesting },
    }).amount_earned,
  );
  expect(delegatorReward).toBeGreaterThan(0n);
  viaVesting({ claim_delegator_reward: { mix_id: aliceNode } });
  let balance = 7_500n * NYM + operatorReward + delegatorReward;
  expect(BigInt(summary().balance)).toBe(balance);

  // pledge changes follow at the epoch's end
  viaVesting({ pledge_more: { amount: (300n * NYM).toString() } });
  m.advance();
  viaVesting({ decrease_pledge: { amount: (100n * NYM).toString() } });
  m.advance();
  balance += -300n * NYM + 100n * NYM;
  expect(summary()).toMatchObject({ pledged: '700000000', balance: balance.toString() });
  expect(m.query({ get_mixnode_details: { mix_id: veraNode } })).toMatchObject({
    mixnode_details: { bond_information: { original_pledge: '700000000' } },
  });

  // undelegating and unbonding return the stake with what it earned since
  m.endEpoch();
  for (const node of m.rewardedSet().nodes) m.reward(node.mix_id, '0.5');
  m.advance();
  const delegationValue = BigInt(
    m.query<{ amount_earned: string }>({
      get_pending_delegator_reward: { address: vera, mix_id: aliceNode, proxy: m.vesting },
    }).amount_earned,
  );
  const operatorValue = BigInt(
    m.query<{ amount_earned: string }>({ get_pending_operator_reward: { address: vera } }).amount_earned,
  );
  viaVesting({ undelegate_from_mixnode: { mix_id: aliceNode } });
  viaVesting({ unbond_mixnode: {} });
  held = vestingHeld();
  m.advance();
  const returned = 2_000n * NYM + delegationValue + 700n * NYM + operatorValue;
  expect(vestingHeld() - held).toBe(returned);
  expect(summary()).toMatchObject({ delegated: '0', pledged: '0', balance: (balance + returned).toString() });
  expect(m.query({ get_owned_mixnode: { address: vera } })).toMatchObject({ mixnode_details: null });
});

test('gateways bond with vesting NYM too, and unbond at once', () => {
  const m = Mixnet.deploy();
  m.send(ADMIN, 5_000n * NYM, { create_account: { owner_address: vera } }, m.vesting);
  const keys = new NodeKeys();
  m.chain.execute(vera, m.vesting, {
    bond_gateway: {
      gateway: gateway(keys),
      owner_signature: m.signature(keys, 'gateway-bonding', vera),
      amount: (200n * NYM).toString(),
    },
  });
  expect(m.query({ get_owned_gateway: { address: vera } })).toMatchObject({
    gateway: { owner: vera, proxy: m.vesting, pledge_amount: '200000000' },
  });
  expect(() => m.execute(vera, { unbond_gateway: {} })).toThrow(
    `Gateway ${keys.identityKey} was bonded with vesting NYM: manage it through the vesting contract`,
  );
  m.chain.execute(vera, m.vesting, { unbond_gateway: {} });
  expect(m.chain.query(m.vesting, { get_account_summary: { address: vera } })).toMatchObject({
    pledged: '0',
    balance: '5000000000',
  });
  expect(m.query({ get_owned_gateway: { address: vera } })).toEqual({ address: vera, gateway: null });
});

test('a node bonded directly is not managed through the vesting contract', () => {
  const m = Mixnet.deploy();
  m.fund(alice, 1_000n * NYM);
  const mixId = m.bondMixnode(alice, new NodeKeys(), 200n * NYM);
  m.send(ADMIN, 1_000n * NYM, { create_account: { owner_address: alice } }, m.vesting);
  const before = m.chain.snapshot();
  expect(() => m.chain.execute(alice, m.vesting, { claim_operator_reward: {} })).toThrow(
    `Mix node ${mixId} was not bonded with vesting NYM: its owner manages it directly`,
  );
  expect(m.chain.snapshot()).toEqual(before);
});
