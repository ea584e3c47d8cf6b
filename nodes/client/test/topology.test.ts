import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { encodeBase58 } from '../src/address/base58';
import { ClientError } from '../src/errors';
import { createJsonFileTopologyProvider, parseTopologyDocument } from '../src/topology/json-file-provider';
import { randomRoute } from '../src/topology/route';
import { type Topology, usableTopology } from '../src/topology/topology';
import { createTopologyControl } from '../src/topology/topology-control';
import { createManualClock, flush } from './support/manual-clock';
import { createSeededRng } from './support/seeded-rng';
import { TestNetwork } from './support/test-network';

const network = new TestNetwork(createManualClock(), createSeededRng('topology'), { perLayer: 3 });

function documentOf(topology: Topology) {
  const base = (node: Topology['mixnodes'][number] | Topology['gateways'][number]) => ({
    identityKey: encodeBase58(node.identity),
    sphinxKey: encodeBase58(node.sphinxKey),
    host: node.host,
    mixPort: node.mixPort,
    performance: node.performance,
  });
  return {
    mixnodes: topology.mixnodes.map((node) => ({ ...base(node), layer: node.layer })),
    gateways: topology.gateways.map((node) => ({ ...base(node), clientsPort: node.clientsPort })),
  };
}

describe('topology documents', () => {
  it('read back the network they describe', () => {
    const { topology, skipped } = parseTopologyDocument(documentOf(network.topology));
    expect(skipped).toEqual([]);
    expect(topology).toEqual(network.topology);
  });

  it('skip malformed entries and say why, keeping the rest', () => {
    const document = documentOf(network.topology);
    (document.mixnodes[0] as { layer: number }).layer = 4;
    document.mixnodes[1]!.sphinxKey = 'not-base58-0OIl';
    document.gateways[0]!.identityKey = encodeBase58(new Uint8Array(32));
    const { topology, skipped } = parseTopologyDocument(document);
    expect(topology.mixnodes).toHaveLength(network.topology.mixnodes.length - 2);
    expect(topology.gateways).toHaveLength(network.topology.gateways.length - 1);
    expect(skipped.map((entry) => [entry.kind, entry.index])).toEqual([
      ['mixnode', 0],
      ['mixnode', 1],
      ['gateway', 0],
    ]);
    expect(skipped[1]!.reason).toMatch(/sphinx key .* not base58/);
    expect(skipped[2]!.reason).toMatch(/small-order/);
    expect(() => parseTopologyDocument({ nodes: [] })).toThrow(/"mixnodes" and "gateways"/);
  });

  it('come from a JSON file, with errors naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nymts-topology-'));
    try {
      const path = join(dir, 'topology.json');
      writeFileSync(path, JSON.stringify(documentOf(network.topology)));
      await expect(createJsonFileTopologyProvider(path).fetch()).resolves.toEqual(network.topology);
      writeFileSync(path, '{');
      await expect(createJsonFileTopologyProvider(path).fetch()).rejects.toThrow(/is not JSON/);
      await expect(createJsonFileTopologyProvider(join(dir, 'missing.json')).fetch()).rejects.toThrow(
        /cannot read topology file/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('routes', () => {
  it('take one mix per layer, uniformly, then the named gateway', () => {
    const rng = createSeededRng('routes');
    const counts = new Map<string, number>();
    for (let i = 0; i < 3_000; i++) {
      const route = randomRoute(network.topology, network.gateway(1).identity, rng);
      const names = route.hops.map((hop) => network.nameOf(hop.address));
      expect(names.map((name) => name.split('.')[0])).toEqual(['mix-1', 'mix-2', 'mix-3', 'gateway-1']);
      expect(route.firstHop).toEqual(route.hops[0]!.address);
      for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    // Each of 3 nodes per layer: 1 000 expected, σ ≈ 26.
    for (const [name, count] of counts)
      if (name.startsWith('mix')) expect(Math.abs(count - 1_000)).toBeLessThan(150);
  }, 30_000);

  it('name the empty layer or the missing gateway', () => {
    const rng = createSeededRng('errors');
    const withoutLayer2 = {
      ...network.topology,
      mixnodes: network.topology.mixnodes.filter((node) => node.layer !== 2),
    };
    expect(() => randomRoute(withoutLayer2, network.gateway(0).identity, rng)).toThrow(/layer 2/);
    expect(() => randomRoute(network.topology, new Uint8Array(32).fill(1), rng)).toThrow(
      /not in the topology/,
    );
  });

  it('leave out nodes below the performance threshold', () => {
    const degraded: Topology = {
      ...network.topology,
      mixnodes: network.topology.mixnodes.map((node, i) => ({
        ...node,
        performance: i % 3 === 0 ? 0.2 : 0.9,
      })),
    };
    const usable = usableTopology(degraded, 0.5);
    expect(usable.mixnodes).toHaveLength(6);
    expect(usable.mixnodes.every((node) => node.performance >= 0.5)).toBe(true);
  });
});

describe('topology control', () => {
  it('keeps the last good topology when a refresh fails, and retries', async () => {
    const clock = createManualClock();
    let calls = 0;
    let failing = false;
    const control = createTopologyControl(
      { refreshIntervalMs: 1_000, minimumPerformance: 0.5, retryDelayMs: 100 },
      {
        provider: {
          fetch: async () => {
            calls++;
            if (failing) throw new ClientError('bad_topology', 'unreachable');
            return network.topology;
          },
        },
        clock,
        logger: pino({ level: 'silent' }),
      },
    );
    expect(() => control.current()).toThrow(/no topology yet/);
    await control.start();
    failing = true;
    clock.advance(1_000);
    await flush();
    expect(calls).toBe(2);
    expect(control.current().mixnodes).toHaveLength(9);
    clock.advance(100);
    await flush();
    expect(calls).toBe(3);
    failing = false;
    clock.advance(200);
    await flush();
    expect(calls).toBe(4);
    control.stop();
    expect(clock.pendingTimers).toBe(0);
  });
});
