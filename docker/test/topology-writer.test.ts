import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTopologyDocument, type Topology, type TopologyProvider } from '@nymts/client';
import { topologyDocument } from '@nymts/topology';
import { nodeKeys } from '@nymts/topology/test/support/keys';
import { writeTopologyOnce } from '../src/topology-writer';

// The topology file is written only when clients can route through it; the contract side is
// tested in @nymts/topology, and the record lookup in test/integration/deploy.test.ts.

function topology(layers: number[], gateways: number): Topology {
  const node = (n: number) => {
    const { identityKey, sphinxKey } = nodeKeys();
    return { identityKey, sphinxKey, host: `172.29.77.${n}`, mixPort: 1789, performance: 1 };
  };
  return parseTopologyDocument({
    mixnodes: layers.map((layer, i) => ({ ...node(10 + i), layer })),
    gateways: Array.from({ length: gateways }, (_, i) => ({ ...node(20 + i), clientsPort: 9000 })),
  }).topology;
}

const fixed = (network: Topology): TopologyProvider => ({ fetch: async () => network });

describe('the topology file writer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nymts-topology-file-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a network with every layer and a gateway', async () => {
    const network = topology([1, 2, 3, 1, 2, 3], 2);
    const path = join(dir, 'topology.json');
    expect(await writeTopologyOnce(fixed(network), path)).toEqual({
      kind: 'written',
      mixnodes: 6,
      gateways: 2,
    });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(topologyDocument(network));
  });

  it('keeps the last good file while the network lacks a layer or a gateway', async () => {
    const path = join(dir, 'topology.json');
    expect(await writeTopologyOnce(fixed(topology([], 2)), path)).toEqual({
      kind: 'incomplete',
      missing: ['layer 1', 'layer 2', 'layer 3'],
    });
    expect(existsSync(path)).toBe(false);
    await writeTopologyOnce(fixed(topology([1, 2, 3], 1)), path);
    const good = readFileSync(path, 'utf8');
    expect(await writeTopologyOnce(fixed(topology([1, 3], 0)), path)).toEqual({
      kind: 'incomplete',
      missing: ['layer 2', 'a gateway'],
    });
    expect(readFileSync(path, 'utf8')).toBe(good);
  });
});
