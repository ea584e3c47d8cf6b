import { defineSuite } from '@nymts/bench';
import { account } from '../test/support/chain';
import { DEFAULT_COSTS, Mixnet, mixNode, NodeKeys, NYM } from '../test/support/mixnet';

// Gas (SDK units, from the host's own accounting) of the mixnet contract's typical calls. Gas is
// deterministic, so each figure is one measurement; a bonding or delegation is the whole cw20
// Send (token contract plus the mixnet contract's receive hook). The rewarded set is sized as
// Nym's was in 2023 (240 places, all active), so all 100 nodes are drawn and given layers.
const NODES = 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export default defineSuite({
  name: 'mixnet contract gas',
  async run(ctx) {
    const m = Mixnet.deploy({ rewardingParams: { rewarded_set_size: 240, active_set_size: 240 } });
    const bonds: number[] = [];
    ctx.progress(`bonding ${NODES} mix nodes`);
    for (let i = 0; i < NODES; i++) {
      const owner = account(1000 + i);
      const keys = new NodeKeys();
      m.fund(owner, 2_000n * NYM);
      const executed = m.send(owner, 1_000n * NYM + BigInt(i) * NYM, {
        bond_mixnode: {
          mix_node: mixNode(keys, i),
          cost_params: DEFAULT_COSTS,
          owner_signature: m.signature(keys, 'mixnode-bonding', owner),
        },
      });
      bonds.push(executed.gasUsed);
    }
    ctx.report({ name: 'bond a mix node (cw20 Send, median of 100)', value: median(bonds), unit: 'gas' });

    const first = m.advance('first');
    ctx.report({
      name: `advance an epoch, ${NODES} bonded nodes, first draw`,
      value: first.gasUsed,
      unit: 'gas',
    });
    const second = m.advance('second');
    ctx.report({
      name: `advance an epoch, ${NODES} bonded nodes (replacing the previous set)`,
      value: second.gasUsed,
      unit: 'gas',
    });

    const delegations: number[] = [];
    for (let i = 0; i < NODES; i++) {
      const delegator = account(3000 + i);
      m.fund(delegator, 100n * NYM);
      delegations.push(m.delegate(delegator, 1 + i, 50n * NYM).gasUsed);
    }
    ctx.report({ name: 'delegate (cw20 Send, median of 100)', value: median(delegations), unit: 'gas' });
    const withDelegations = m.advance('third');
    ctx.report({
      name: `advance an epoch, ${NODES} bonded nodes and ${NODES} delegations to apply`,
      value: withDelegations.gasUsed,
      unit: 'gas',
    });

    m.endEpoch();
    const rewards: number[] = [];
    for (let mixId = 1; mixId <= NODES; mixId++) rewards.push(m.reward(mixId, '0.95').gasUsed);
    ctx.report({
      name: 'reward one mix node (with a delegation, median of 100)',
      value: median(rewards),
      unit: 'gas',
    });
    ctx.report({ name: 'reward one mix node, the largest of 100', value: Math.max(...rewards), unit: 'gas' });
  },
});
