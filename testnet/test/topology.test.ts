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
  it('gives mix nodes their rewarded-set layers, and the gateways', () => {
    const document = topologyDocument(nodes, [
      { identityKey: 'm1-identity', layer: 3 },
      { identityKey: 'm2-identity', layer: 1 },
    ]);
    expect(document.mixnodes.map((entry) => [entry.identityKey, entry.layer])).toEqual([
      ['m1-identity', 3],
      ['m2-identity', 1],
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

  it('leaves out mix nodes outside the rewarded set', () => {
    const document = topologyDocument(nodes, [{ identityKey: 'm2-identity', layer: 3 }]);
    expect(document.mixnodes.map((entry) => [entry.identityKey, entry.layer])).toEqual([['m2-identity', 3]]);
    expect(document.gateways).toHaveLength(1);
  });
});
