import { DEFAULT_SHAPE, planNetwork, portsNeeded } from '../src';

function allPorts(plan: ReturnType<typeof planNetwork>): number[] {
  return [
    plan.chain.rpcPort,
    ...plan.nodes.flatMap((node) => [
      node.ports.mix,
      node.ports.http,
      ...(node.role === 'gateway' ? [node.ports.clients] : []),
    ]),
    ...plan.clients.map((client) => client.websocketPort),
  ];
}

describe('planNetwork', () => {
  it('plans mix nodes for 3 layers and the gateways, clients spread over the gateways', () => {
    const plan = planNetwork({ mixnodesPerLayer: 2, gateways: 2, clients: 3 }, { kind: 'defaults' });
    const mixnodes = plan.nodes.filter((node) => node.role === 'mixnode').map((node) => node.id);
    expect(mixnodes).toEqual(['mix-1', 'mix-2', 'mix-3', 'mix-4', 'mix-5', 'mix-6']);
    expect(plan.nodes.filter((node) => node.role === 'gateway').map((node) => node.id)).toEqual([
      'gateway-1',
      'gateway-2',
    ]);
    expect(plan.clients.map((client) => client.gateway)).toEqual(['gateway-1', 'gateway-2', 'gateway-1']);
    expect(new Set(plan.nodes.map((node) => node.id)).size).toBe(plan.nodes.length);
  });

  it('offsets the standard ports per node by default', () => {
    const plan = planNetwork(DEFAULT_SHAPE, { kind: 'defaults' });
    expect(plan.chain.rpcPort).toBe(26657);
    expect(plan.nodes.map((node) => node.ports.mix)).toEqual([
      1789, 1790, 1791, 1792, 1793, 1794, 1795, 1796,
    ]);
    expect(plan.nodes.map((node) => node.ports.http)).toEqual([
      8000, 8001, 8002, 8003, 8004, 8005, 8006, 8007,
    ]);
    expect(plan.nodes.flatMap((node) => (node.role === 'gateway' ? [node.ports.clients] : []))).toEqual([
      9000, 9001,
    ]);
    expect(plan.clients[0]?.websocketPort).toBe(1977);
    expect(new Set(allPorts(plan)).size).toBe(allPorts(plan).length);
  });

  it('uses consecutive ports from a base port, exactly as many as portsNeeded says', () => {
    const shape = { mixnodesPerLayer: 2, gateways: 2, clients: 2 };
    const plan = planNetwork(shape, { kind: 'base', port: 40000 });
    const ports = allPorts(plan).sort((a, b) => a - b);
    expect(ports).toEqual(Array.from({ length: portsNeeded(shape) }, (_, i) => 40000 + i));
  });

  it('takes given ports in order and refuses too few', () => {
    const shape = { mixnodesPerLayer: 1, gateways: 1, clients: 1 };
    const given = Array.from({ length: portsNeeded(shape) }, (_, i) => 50000 + i * 7);
    expect(allPorts(planNetwork(shape, { kind: 'given', ports: given })).sort((a, b) => a - b)).toEqual(
      given,
    );
    expect(() => planNetwork(shape, { kind: 'given', ports: given.slice(1) })).toThrow(/ports are needed/);
  });

  it('refuses a base port that runs past 65535 and clients without a gateway', () => {
    expect(() => planNetwork(DEFAULT_SHAPE, { kind: 'base', port: 65530 })).toThrow(RangeError);
    expect(() => planNetwork({ mixnodesPerLayer: 1, gateways: 0, clients: 1 }, { kind: 'defaults' })).toThrow(
      /needs at least one gateway/,
    );
  });
});
