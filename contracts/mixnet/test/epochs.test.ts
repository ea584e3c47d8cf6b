// Epochs, intervals and the rewarded set: only the rewarding validator advances, and only once
// the epoch is over; the set is a stake-weighted draw from the validator's randomness (replayed
// here independently); layers stay balanced and nodes change layer whenever they can.
import { createHash } from 'node:crypto';
import { account, eventsOf } from './support/chain';
import { ADMIN, EPOCH_SECONDS, Mixnet, NodeKeys, NYM, randomness, VALIDATOR } from './support/mixnet';
import { decimal, ONE } from './support/model';

const owners = Array.from({ length: 12 }, (_, i) => account(40 + i));

function refusedOn(m: Mixnet, call: () => unknown, message: string | RegExp): void {
  const before = m.chain.snapshot();
  expect(call).toThrow(message);
  expect(m.chain.snapshot()).toEqual(before);
}

/** The draw contracts/README.md describes: SHA-256(randomness ‖ u32be(i)), first 16 bytes, mod total stake. */
function replayDraw(seed: string, candidates: Array<{ id: number; weight: bigint }>, size: number): number[] {
  const bytes = Buffer.from(seed, 'base64');
  const left = [...candidates].sort((a, b) => a.id - b.id);
  let total = left.reduce((sum, c) => sum + c.weight, 0n);
  const picks: number[] = [];
  for (let counter = 0; picks.length < size && total > 0n; counter++) {
    const index = Buffer.alloc(4);
    index.writeUInt32BE(counter);
    const digest = createHash('sha256')
      .update(Buffer.concat([bytes, index]))
      .digest();
    const target = BigInt(`0x${digest.subarray(0, 16).toString('hex')}`) % total;
    let cumulative = 0n;
    const at = left.findIndex((c) => (cumulative += c.weight) > target);
    picks.push(left[at]!.id);
    total -= left[at]!.weight;
    left.splice(at, 1);
  }
  return picks;
}

function stakeOf(m: Mixnet, mixId: number): bigint {
  const { rewarding_details: r } = m.query<{ rewarding_details: { operator: string; delegates: string } }>({
    get_mixnode_rewarding_details: { mix_id: mixId },
  });
  return (decimal(r.operator) + decimal(r.delegates)) / ONE;
}

function bondAll(m: Mixnet, count: number, pledge: (i: number) => bigint): number[] {
  return owners.slice(0, count).map((owner, i) => {
    m.fund(owner, 100_000n * NYM);
    return m.bondMixnode(owner, new NodeKeys(), pledge(i), undefined, i + 1);
  });
}

test('the rewarded set is the stake-weighted draw from the validator’s randomness', () => {
  const m = Mixnet.deploy();
  const ids = bondAll(m, 12, (i) => BigInt(100 + 700 * i) * NYM);
  m.fund(account(90), 10_000n * NYM);
  m.delegate(account(90), ids[0]!, 9_000n * NYM);
  for (let epoch = 0; epoch < 4; epoch++) {
    const candidates = ids.map((id) => ({ id, weight: 0n }));
    m.advance(`draw ${epoch}`);
    // delegations count from the epoch they were applied in, so read the stakes the draw used
    for (const c of candidates) c.weight = stakeOf(m, c.id);
    const picks = replayDraw(randomness(`draw ${epoch}`), candidates, 6);
    const set = m.rewardedSet();
    expect(set.metadata).toMatchObject({
      epoch_id: epoch + 1,
      active_set_size: 3,
      standby_set_size: 3,
      randomness: Buffer.from(randomness(`draw ${epoch}`), 'base64').toString('hex'),
    });
    const with_ = (status: string) =>
      set.nodes
        .filter((n) => n.status === status)
        .map((n) => n.mix_id)
        .sort((a, b) => a - b);
    expect(with_('active')).toEqual(picks.slice(0, 3).sort((a, b) => a - b));
    expect(with_('standby')).toEqual(picks.slice(3).sort((a, b) => a - b));
  }
});

test('layers stay balanced and nodes change layer whenever the sizes allow it', () => {
  const m = Mixnet.deploy({ rewardingParams: { rewarded_set_size: 10, active_set_size: 7 } });
  // one node holds nearly all the stake, so small active sets keep drawing it
  const ids = bondAll(m, 10, (i) => (i === 0 ? 90_000n : BigInt(100 + 50 * i)) * NYM);
  let previous = new Map<number, number>();
  let unavoidable = 0;
  const sizes = [7, 7, 7, 7, 5, 5, 2, 2, 1, 1, 3, 3, 4, 7, 7, 6];
  sizes.forEach((size, epoch) => {
    m.execute(ADMIN, { update_active_set_size: { active_set_size: size, force_immediately: true } });
    m.advance(`layers ${epoch}`);
    const active = m.rewardedSet().nodes.filter((n) => n.status === 'active');
    expect(active).toHaveLength(Math.min(size, ids.length));
    const capacity = (layer: number) => Math.floor(size / 3) + (layer <= size % 3 ? 1 : 0);
    for (const layer of [1, 2, 3])
      expect(active.filter((n) => n.layer === layer)).toHaveLength(capacity(layer));
    // the fewest nodes that must stay: for each layer p, those from p beyond what the others hold
    let minimum = 0;
    for (const p of [1, 2, 3]) {
      const fromP = active.filter((n) => previous.get(n.mix_id) === p).length;
      minimum += Math.max(0, fromP - (size - capacity(p)));
    }
    const stayed = active.filter((n) => previous.get(n.mix_id) === n.layer).length;
    expect(stayed).toBe(minimum);
    unavoidable += minimum;
    expect(m.query({ get_layer_distribution: {} })).toEqual({
      layer1: capacity(1),
      layer2: capacity(2),
      layer3: capacity(3),
    });
    previous = new Map(active.map((n) => [n.mix_id, n.layer!]));
  });
  expect(unavoidable).toBeGreaterThan(0); // the run includes epochs where staying cannot be avoided
});

describe('advancing and reporting', () => {
  let m: Mixnet;
  let ids: number[];
  beforeEach(() => {
    m = Mixnet.deploy();
    ids = bondAll(m, 4, () => 200n * NYM);
    m.advance();
  });

  test('only the rewarding validator advances, and only once the epoch is over', () => {
    const { current_epoch_start: start } = m.interval();
    refusedOn(
      m,
      () => m.execute(VALIDATOR, { advance_current_epoch: { randomness: randomness(1) } }),
      `Epoch 1 is still in progress until ${start + EPOCH_SECONDS}; it is now ${m.chain.time}`,
    );
    m.endEpoch();
    expect(m.query({ get_epoch_status: {} })).toEqual({
      being_advanced_by: VALIDATOR,
      epoch_id: 1,
      epoch_end: start + EPOCH_SECONDS,
      state: 'rewarding',
    });
    for (const sender of [ADMIN, owners[0]!])
      refusedOn(
        m,
        () => m.execute(sender, { advance_current_epoch: { randomness: randomness(1) } }),
        `Unauthorized: ${sender} is not the rewarding validator`,
      );
    refusedOn(
      m,
      () =>
        m.execute(VALIDATOR, { advance_current_epoch: { randomness: Buffer.alloc(31).toString('base64') } }),
      '`randomness` must be 32 bytes',
    );
    const advanced = m.execute(VALIDATOR, { advance_current_epoch: { randomness: randomness(1) } });
    expect(eventsOf(advanced, 'advance_epoch')[0]).toMatchObject({
      epoch: '2',
      interval: '1',
      epoch_in_interval: '0',
    });
    expect(m.query({ get_current_interval_details: {} })).toMatchObject({
      interval: {
        id: 1,
        current_epoch_id: 0,
        total_elapsed_epochs: 2,
        current_epoch_start: m.chain.time - 5,
      },
      is_current_epoch_over: false,
      is_current_interval_over: false,
    });
  });

  test('performance reports: in the set, once per epoch, between 0 and 1, after the epoch ends', () => {
    const set = m.rewardedSet().nodes.map((n) => n.mix_id);
    refusedOn(m, () => m.reward(set[0]!, '1'), /^Epoch 1 is still in progress until/);
    m.endEpoch();
    refusedOn(m, () => m.reward(set[0]!, '1.5'), '`performance` must be between 0 and 1, got 1.5');
    refusedOn(
      m,
      () => m.execute(owners[0]!, { reward_mixnode: { mix_id: set[0], performance: '1' } }),
      `Unauthorized: ${owners[0]} is not the rewarding validator`,
    );
    refusedOn(m, () => m.reward(99, '1'), 'Mix node 99 is not in the rewarded set of epoch 1');
    m.reward(set[0]!, '0.9');
    refusedOn(m, () => m.reward(set[0]!, '0.9'), `Mix node ${set[0]} has already been rewarded for epoch 1`);
    expect(m.rewardedSet().nodes.find((n) => n.mix_id === set[0])).toMatchObject({ last_performance: '0.9' });
    expect(ids).toContain(set[0]);
  });

  test('pending epoch events apply in the order they were asked for, in batches if need be', () => {
    const [first, second] = ids;
    m.fund(owners[5]!, 1_000n * NYM);
    m.send(owners[0]!, 300n * NYM, { pledge_more: {} }); // node `first`
    m.delegate(owners[5]!, second!, 50n * NYM);
    m.execute(owners[0]!, { unbond_mixnode: {} });
    m.execute(ADMIN, { update_active_set_size: { active_set_size: 2, force_immediately: false } });
    const pending = m.query<{ events: Array<{ id: number; event: { kind: Record<string, unknown> } }> }>({
      get_pending_epoch_events: {},
    });
    expect(pending.events.map((e) => [e.id, Object.keys(e.event.kind)[0]])).toEqual([
      [1, 'pledge_more'],
      [2, 'delegate'],
      [3, 'unbond_mixnode'],
      [4, 'update_active_set_size'],
    ]);
    expect(m.query({ get_pending_epoch_events: { limit: 2 } })).toMatchObject({ start_next_after: 2 });
    expect(m.query({ get_pending_epoch_event: { event_id: 3 } })).toEqual({
      event_id: 3,
      event: { created_at: expect.any(Number), kind: { unbond_mixnode: { mix_id: first } } },
    });
    refusedOn(m, () => m.execute(VALIDATOR, { reconcile_epoch_events: { limit: 1 } }), /still in progress/);
    m.endEpoch();
    const before = m.balance(owners[0]!);
    m.execute(VALIDATOR, { reconcile_epoch_events: { limit: 2 } });
    expect(m.query({ get_number_of_pending_events: {} })).toEqual({ epoch_events: 2, interval_events: 0 });
    expect(m.query({ get_mixnode_details: { mix_id: first } })).toMatchObject({
      mixnode_details: { bond_information: { original_pledge: '500000000' } },
    });
    m.advance();
    // the unbonding came after the pledge increase, so it returns both
    expect(m.balance(owners[0]!) - before).toBe(500n * NYM);
    expect(m.query({ get_rewarding_params: {} })).toMatchObject({ active_set_size: 2 });
    expect(m.query({ get_number_of_pending_events: {} })).toEqual({ epoch_events: 0, interval_events: 0 });
    expect(m.query({ get_delegation_details: { mix_id: second, delegator: owners[5] } })).toMatchObject({
      delegation: { amount: '50000000' },
    });
  });

  test('a node whose unbonding was reconciled early leaves the listing and cannot be rewarded', () => {
    const leaving = ids[0]!;
    m.execute(owners[0]!, { unbond_mixnode: {} });
    m.endEpoch();
    m.execute(VALIDATOR, { reconcile_epoch_events: {} });
    expect(m.rewardedSet().nodes.map((n) => n.mix_id)).not.toContain(leaving);
    refusedOn(m, () => m.reward(leaving, '1'), `Mix node ${leaving} is not bonded`);
    m.reward(ids[1]!, '1');
  });

  test('gateways’ performance is reported in the same window', () => {
    const keys = new NodeKeys();
    m.bondGateway(owners[6]!, (m.fund(owners[6]!, 1_000n * NYM), keys), 100n * NYM);
    const report = { report_gateway_performance: { identity: keys.identityKey, performance: '0.5' } };
    refusedOn(m, () => m.execute(VALIDATOR, report), /still in progress/);
    m.endEpoch();
    refusedOn(m, () => m.execute(ADMIN, report), `Unauthorized: ${ADMIN} is not the rewarding validator`);
    refusedOn(
      m,
      () => m.execute(VALIDATOR, { report_gateway_performance: { identity: 'nope', performance: '1' } }),
      'No gateway with identity key nope is bonded',
    );
    m.execute(VALIDATOR, report);
    expect(m.query({ get_gateways: {} })).toMatchObject({ nodes: [{ last_performance: '0.5' }] });
  });
});

describe('the owner’s parameters', () => {
  test('rewarding parameters and interval lengths change at the interval’s end unless forced', () => {
    const m = Mixnet.deploy();
    const budget = () =>
      m.query<{ interval: { epoch_reward_budget: string } }>({ get_rewarding_params: {} }).interval
        .epoch_reward_budget;
    const initial = budget();
    m.execute(ADMIN, {
      update_rewarding_params: {
        updated_params: { interval_pool_emission: '0.04' },
        force_immediately: false,
      },
    });
    m.execute(ADMIN, {
      update_interval_config: { epochs_in_interval: 4, epoch_duration_secs: 60, force_immediately: false },
    });
    expect(m.query({ get_number_of_pending_events: {} })).toEqual({ epoch_events: 0, interval_events: 2 });
    m.advance();
    expect(budget()).toBe(initial);
    m.advance(); // the interval ends: twice the emission over twice the epochs
    expect(budget()).toBe(initial);
    expect(m.interval()).toMatchObject({ epoch_length_secs: 60 });
    m.execute(ADMIN, {
      update_rewarding_params: {
        updated_params: { interval_pool_emission: '0.08', rewarded_set_size: 2 },
        force_immediately: true,
      },
    });
    expect(budget()).not.toBe(initial);
    expect(m.query({ get_rewarding_params: {} })).toMatchObject({ rewarded_set_size: 2, active_set_size: 2 });
    refusedOn(
      m,
      () => m.execute(ADMIN, { update_active_set_size: { active_set_size: 3, force_immediately: true } }),
      'The active set size (3) must not exceed the rewarded set size (2)',
    );
    refusedOn(
      m,
      () =>
        m.execute(ADMIN, {
          update_rewarding_params: { updated_params: { sybil_resistance: '2' }, force_immediately: true },
        }),
      '`sybil_resistance` must be between 0 and 1, got 2',
    );
    refusedOn(
      m,
      () => m.execute(ADMIN, { update_rewarding_params: { updated_params: {}, force_immediately: true } }),
      'The rewarding parameters update changes nothing',
    );
    refusedOn(
      m,
      () =>
        m.execute(ADMIN, {
          update_interval_config: { epochs_in_interval: 0, epoch_duration_secs: 1, force_immediately: true },
        }),
      'An interval needs at least one epoch',
    );
  });

  test('state params, the rewarding validator and the owner role', () => {
    const m = Mixnet.deploy();
    const updated_parameters = {
      minimum_mixnode_delegation: '5',
      minimum_mixnode_pledge: '1000',
      minimum_gateway_pledge: '2000',
    };
    m.execute(ADMIN, { update_contract_state_params: { updated_parameters } });
    expect(m.query({ get_state_params: {} })).toEqual(updated_parameters);
    m.execute(ADMIN, { update_rewarding_validator_address: { address: owners[0] } });
    expect(m.query({ get_rewarding_validator_address: {} })).toBe(owners[0]);
    m.execute(ADMIN, { update_admin: { admin: owners[1] } });
    expect(m.query({ get_state: {} })).toMatchObject({
      owner: owners[1],
      rewarding_validator_address: owners[0],
    });
    refusedOn(
      m,
      () => m.execute(ADMIN, { update_admin: { admin: ADMIN } }),
      `Unauthorized: ${ADMIN} is not the contract owner`,
    );
    refusedOn(
      m,
      () => m.execute(owners[1]!, { update_rewarding_validator_address: { address: 'n1bad' } }),
      /^Invalid address in `address`/,
    );
  });
});
