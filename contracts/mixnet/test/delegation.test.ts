// Delegations: asked for any time, applied at the epoch's end; many delegators per node, each
// earning through the node's cumulative reward ratio; listed per node and per delegator.
import { account, eventsOf } from './support/chain';
import { Mixnet, NodeKeys, NYM, REWARDING_PARAMS } from './support/mixnet';
import { decimal, decimalString, ONE } from './support/model';

const operator = account(10);
const delegators = [account(20), account(21), account(22), account(23), account(24)];

let m: Mixnet;
let mixId: number;

beforeEach(() => {
  m = Mixnet.deploy({ minimumDelegation: '1000000' });
  m.fund(operator, 10_000n * NYM);
  mixId = m.bondMixnode(operator, new NodeKeys(), 1_000n * NYM);
  for (const d of delegators) m.fund(d, 10_000n * NYM);
});

function refused(call: () => unknown, message: string | RegExp): void {
  const before = m.chain.snapshot();
  expect(call).toThrow(message);
  expect(m.chain.snapshot()).toEqual(before);
}

type Page = {
  delegations: Array<{ owner: string; mix_id: number; amount: string }>;
  start_next_after: string | null;
};

test('many delegators per node, listed per node and per delegator, page by page', () => {
  const second = (m.fund(account(30), 1_000n * NYM), m.bondMixnode(account(30), new NodeKeys(), 200n * NYM));
  delegators.forEach((d, i) => m.delegate(d, mixId, BigInt(i + 1) * 10n * NYM));
  m.delegate(delegators[0]!, second, 7n * NYM);
  const pending = eventsOf(m.delegate(delegators[1]!, second, 8n * NYM), 'pending_delegation');
  expect(pending).toEqual([
    expect.objectContaining({ delegator: delegators[1], mix_id: `${second}`, amount: '8000000' }),
  ]);
  m.advance();
  const pages: Page[] = [m.query<Page>({ get_mixnode_delegations: { mix_id: mixId, limit: 2 } })];
  while (pages.at(-1)!.start_next_after !== null)
    pages.push(
      m.query<Page>({
        get_mixnode_delegations: { mix_id: mixId, limit: 2, start_after: pages.at(-1)!.start_next_after },
      }),
    );
  const listed = pages.flatMap((p) => p.delegations);
  expect(listed.map((d) => d.owner)).toEqual([...delegators].sort());
  expect(listed.find((d) => d.owner === delegators[4])).toMatchObject({ amount: '50000000', mix_id: mixId });
  const mine = m.query<Page>({ get_delegator_delegations: { delegator: delegators[1], limit: 1 } });
  expect(mine.delegations.map((d) => d.mix_id)).toEqual([mixId]);
  const rest = m.query<Page>({
    get_delegator_delegations: { delegator: delegators[1], start_after: mine.start_next_after },
  });
  expect(rest).toEqual({
    delegations: [expect.objectContaining({ mix_id: second, amount: '8000000' })],
    start_next_after: null,
  });
  expect(m.query({ get_mixnode_rewarding_details: { mix_id: mixId } })).toMatchObject({
    rewarding_details: { delegates: '150000000', unique_delegations: 5 },
  });
});

test('delegating again to the same node adds to the delegation, rewards included', () => {
  m.delegate(delegators[0]!, mixId, 100n * NYM);
  m.advance();
  m.endEpoch();
  m.reward(mixId, '1');
  const earned = m.query<{ amount_earned: string }>({
    get_pending_delegator_reward: { address: delegators[0], mix_id: mixId },
  }).amount_earned;
  expect(BigInt(earned)).toBeGreaterThan(0n);
  m.advance();
  m.delegate(delegators[0]!, mixId, 50n * NYM);
  m.advance();
  expect(m.query({ get_delegation_details: { mix_id: mixId, delegator: delegators[0] } })).toMatchObject({
    delegation: { amount: (150n * NYM + BigInt(earned)).toString() },
    mixnode_still_bonded: true,
  });
  expect(m.query({ get_mixnode_rewarding_details: { mix_id: mixId } })).toMatchObject({
    rewarding_details: { unique_delegations: 1 },
  });
});

test('undelegating returns the delegation at the epoch’s end', () => {
  m.delegate(delegators[0]!, mixId, 100n * NYM);
  refused(
    () => m.execute(delegators[0]!, { undelegate_from_mixnode: { mix_id: mixId } }),
    `${delegators[0]} has no delegation to mix node ${mixId}`,
  );
  m.advance();
  const before = m.balance(delegators[0]!);
  m.execute(delegators[0]!, { undelegate_from_mixnode: { mix_id: mixId } });
  expect(m.balance(delegators[0]!)).toBe(before);
  const advanced = m.advance();
  expect(eventsOf(advanced, 'undelegation')).toEqual([
    expect.objectContaining({ delegator: delegators[0], amount: '100000000' }),
  ]);
  expect(m.balance(delegators[0]!) - before).toBe(100n * NYM);
  expect(m.query({ get_delegation_details: { mix_id: mixId, delegator: delegators[0] } })).toMatchObject({
    delegation: null,
  });
  expect(m.query({ get_mixnode_rewarding_details: { mix_id: mixId } })).toMatchObject({
    rewarding_details: { delegates: '0', unique_delegations: 0 },
  });
});

test('delegations are refused to missing nodes, below the minimum, and rewards only when earned', () => {
  refused(() => m.delegate(delegators[0]!, 42, 10n * NYM), 'Mix node 42 is not bonded');
  refused(
    () => m.delegate(delegators[0]!, mixId, 999_999n),
    'Delegation too small: 999999 unym is below the minimum of 1000000 unym',
  );
  m.delegate(delegators[0]!, mixId, 10n * NYM);
  m.advance();
  refused(
    () => m.execute(delegators[0]!, { withdraw_delegator_reward: { mix_id: mixId } }),
    `No rewards to withdraw from mix node ${mixId}`,
  );
  refused(
    () => m.execute(delegators[1]!, { withdraw_delegator_reward: { mix_id: mixId } }),
    `${delegators[1]} has no delegation to mix node ${mixId}`,
  );
  refused(
    () => m.execute(operator, { withdraw_operator_reward: {} }),
    `No rewards to withdraw from mix node ${mixId}`,
  );
});

test('estimates for the current epoch follow the reward the node would get', () => {
  m.delegate(delegators[0]!, mixId, 100n * NYM);
  m.advance();
  const operatorEstimate = m.query<{ estimation: string; original_stake: string }>({
    get_estimated_current_epoch_operator_reward: { mix_id: mixId, estimated_performance: '1' },
  });
  const delegatorEstimate = m.query<{ estimation: string }>({
    get_estimated_current_epoch_delegator_reward: {
      address: delegators[0],
      mix_id: mixId,
      estimated_performance: '1',
    },
  });
  // σ = stake ÷ (staking supply ÷ rewarded set size), in Decimal arithmetic
  const saturationPoint = (decimal(REWARDING_PARAMS.initial_staking_supply) * ONE) / (6n * ONE);
  const sigma = (1_100n * NYM * ONE * ONE) / saturationPoint;
  expect(m.query({ get_stake_saturation: { mix_id: mixId } })).toEqual({
    mix_id: mixId,
    current_saturation: decimalString(sigma),
    uncapped_saturation: decimalString(sigma),
  });
  m.endEpoch();
  const rewarded = eventsOf(m.reward(mixId, '1'), 'mix_rewarding')[0]!;
  expect(operatorEstimate).toMatchObject({
    original_stake: '1000000000',
    estimation: rewarded.operator_reward,
  });
  // one delegator holds all the delegation, so it gets the delegates' whole share
  expect(delegatorEstimate.estimation).toBe(rewarded.delegates_reward);
});
