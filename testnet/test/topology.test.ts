import { topologyDocument, type NodeState } from '../src';

const node = (id: string, role: 'mixnode' | 'gateway', extra: Partial<NodeState> = {}): NodeState => ({
  id,
  role,
  ports: role === 'gateway' ? { mix: 2000, http: 3000, clients: 4000 } : { mix: 2001, http: 3001 },
  identityKey: `${id}-identity`,
  sphinxKey: `${id}-sphinx`,
  owner: 'n1owner',
  bonded: true,
  ...extra,
});

const nodes = [
  node('m1', 'mixnode', { layer: 1 }),
  node('m2', 'mixnode', { layer: 2 }),
  node('g1', 'gateway'),
];

describe('topologyDocument', () => {
  it('takes the plan’s layers without a rewarded set', () => {
    const document = topologyDocument(nodes);
    expect(document.mixnodes.map((entry) => [entry.identityKey, entry.layer])).toEqual([
      ['m1-identity', 1],
      ['m2-identity', 2],
    ]);
    expect(document.gateways).toEqual([
      {
        identityKey: 'g1-identity',
        sphinxKey: 'g1-sphinx',
        host: '127.0.0.1',
        mixPort: 2000,
        clientsPort: 4000,
        performance: 1,
      },
    ]);
  });

  it('takes the rewarded set’s layers and leaves out mix nodes outside it', () => {
    const document = topologyDocument(nodes, [{ identityKey: 'm2-identity', layer: 3 }]);
    expect(document.mixnodes.map((entry) => [entry.identityKey, entry.layer])).toEqual([['m2-identity', 3]]);
    expect(document.gateways).toHaveLength(1);
  });
});
