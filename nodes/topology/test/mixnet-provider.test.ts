import { ClientError } from '@nymts/client';
import { base58 } from '@scure/base';
import {
  type ContractReader,
  createMixnetTopologyProvider,
  parsePerformance,
  type SkippedNode,
} from '../src';
import { nodeKeys } from './support/keys';

// The provider against scripted contract answers: paging, the active set, performance, and every
// way an answer can be unusable. The real contract on the real chain is in test/integration.

const CONTRACT = 'n1mixnet';
const RPC = 'http://127.0.0.1:1';

function rewardedNode(mixId: number, layer: number | null, extra: Record<string, unknown> = {}) {
  const keys = nodeKeys();
  return {
    mix_id: mixId,
    status: layer === null ? 'standby' : 'active',
    layer,
    mix_node: {
      host: `10.0.0.${mixId}`,
      mix_port: 1789,
      http_api_port: 8000,
      sphinx_key: keys.sphinxKey,
      identity_key: keys.identityKey,
      version: '0.1.0',
      location: '',
    },
    last_performance: null,
    ...extra,
  };
}

function gatewayBond(n: number, extra: Record<string, unknown> = {}) {
  const keys = nodeKeys();
  return {
    owner: `n1owner${n}`,
    pledge_amount: '100000000',
    gateway: {
      host: `10.0.1.${n}`,
      mix_port: 1789,
      clients_port: 9000,
      http_api_port: 8000,
      location: '',
      sphinx_key: keys.sphinxKey,
      identity_key: keys.identityKey,
      version: '0.1.0',
    },
    proxy: null,
    bonding_height: 1,
    last_performance: null,
    ...extra,
  };
}

type Query = Record<string, { start_after?: number | string; limit: number }>;

/** A contract that pages `mixnodes` and `gateways` the way the mixnet contract does. */
function pagingReader(mixnodes: unknown[], gateways: unknown[]) {
  const queries: Query[] = [];
  const reader: ContractReader & { disconnected: number } = {
    disconnected: 0,
    async queryContractSmart(address, query) {
      expect(address).toBe(CONTRACT);
      queries.push(query as Query);
      const [name, args] = Object.entries(query as Query)[0]!;
      const all = name === 'get_rewarded_set' ? mixnodes : gateways;
      const cursorOf = (item: unknown) =>
        name === 'get_rewarded_set'
          ? (item as { mix_id: number }).mix_id
          : (item as { gateway: { identity_key: string } }).gateway.identity_key;
      const start =
        args.start_after === undefined ? 0 : all.findIndex((item) => cursorOf(item) === args.start_after) + 1;
      const nodes = all.slice(start, start + args.limit);
      const last = start + args.limit >= all.length;
      return { metadata: {}, nodes, start_next_after: last ? null : cursorOf(nodes[nodes.length - 1]) };
    },
    disconnect() {
      reader.disconnected += 1;
    },
  };
  return { reader, queries };
}

function provider(
  reader: ContractReader,
  options: { pageSize?: number; unmeasuredPerformance?: number } = {},
) {
  const skipped: SkippedNode[][] = [];
  const created = createMixnetTopologyProvider(
    { rpcUrl: RPC, mixnetAddress: CONTRACT, ...options },
    {
      connect: async () => reader,
      resolveHost: async (host) => {
        if (host === 'gateway.example') return '192.0.2.7';
        if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host;
        throw new Error(`getaddrinfo ENOTFOUND ${host}`);
      },
      onSkipped: (nodes) => skipped.push(nodes),
    },
  );
  return { provider: created, skipped };
}

async function rejection(promise: Promise<unknown>): Promise<ClientError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ClientError);
  expect((error as ClientError).code).toBe('bad_topology');
  return error as ClientError;
}

describe('the mixnet contract provider', () => {
  it('reads the active set in its layers and every gateway, across pages', async () => {
    const mixnodes = [
      rewardedNode(1, 1),
      rewardedNode(2, 2),
      rewardedNode(3, 3),
      rewardedNode(4, 1),
      rewardedNode(5, null),
    ];
    const gateways = [gatewayBond(1), gatewayBond(2, { last_performance: '0.25' }), gatewayBond(3)];
    const { reader, queries } = pagingReader(mixnodes, gateways);
    const { provider: topology, skipped } = provider(reader, { pageSize: 2 });
    const { mixnodes: mixes, gateways: gates } = await topology.fetch();

    expect(queries.map((query) => Object.keys(query)[0])).toEqual([
      'get_rewarded_set',
      'get_rewarded_set',
      'get_rewarded_set',
      'get_gateways',
      'get_gateways',
    ]);
    // The standby node (5) carries no traffic.
    expect(mixes.map((node) => [base58.encode(node.identity), node.layer])).toEqual(
      mixnodes.slice(0, 4).map((node) => [node.mix_node.identity_key, node.layer]),
    );
    expect(mixes[0]).toMatchObject({ host: '10.0.0.1', mixPort: 1789, performance: 1 });
    expect(Buffer.from(mixes[0]!.address.subarray(0, 7)).toString('hex')).toBe('0406fd0a000001');
    expect(gates.map((node) => [base58.encode(node.sphinxKey), node.clientsPort, node.performance])).toEqual([
      [gateways[0]!.gateway.sphinx_key, 9000, 1],
      [gateways[1]!.gateway.sphinx_key, 9000, 0.25],
      [gateways[2]!.gateway.sphinx_key, 9000, 1],
    ]);
    expect(skipped).toEqual([]);
  });

  it('gives unmeasured nodes the configured performance and reported ones their score', async () => {
    const { reader } = pagingReader(
      [rewardedNode(1, 1), rewardedNode(2, 2, { last_performance: '0.4' })],
      [],
    );
    const { mixnodes } = await provider(reader, { unmeasuredPerformance: 0.5 }).provider.fetch();
    expect(mixnodes.map((node) => node.performance)).toEqual([0.5, 0.4]);
  });

  it('resolves host names, since Sphinx addresses carry IPs', async () => {
    const gateway = gatewayBond(1);
    gateway.gateway.host = 'gateway.example';
    const { reader } = pagingReader([], [gateway]);
    const { gateways } = await provider(reader).provider.fetch();
    expect(gateways[0]!.host).toBe('192.0.2.7');
    expect(Buffer.from(gateways[0]!.address.subarray(0, 7)).toString('hex')).toBe('0406fdc0000207');
  });

  it('leaves out unusable bonds, saying which and why, and keeps the rest', async () => {
    const badSphinx = rewardedNode(2, 2);
    badSphinx.mix_node.sphinx_key = 'not-base58-0OIl';
    const smallOrderIdentity = rewardedNode(3, 3);
    smallOrderIdentity.mix_node.identity_key = base58.encode(new Uint8Array(32));
    const unresolvable = rewardedNode(4, 1);
    unresolvable.mix_node.host = 'nowhere.invalid';
    const mixnodes = [
      rewardedNode(1, 1),
      badSphinx,
      smallOrderIdentity,
      unresolvable,
      rewardedNode(5, 2, { last_performance: '1.5' }),
      rewardedNode(6, 3, { last_performance: 'high' }),
      { ...rewardedNode(7, 1), layer: null },
      { mix_id: 8, status: 'active' },
    ];
    const badGateway = gatewayBond(2);
    badGateway.gateway.clients_port = 0;
    const { reader } = pagingReader(mixnodes, [gatewayBond(1), badGateway]);
    const { provider: topology, skipped } = provider(reader, { pageSize: 3 });
    const fetched = await topology.fetch();

    expect(fetched.mixnodes).toHaveLength(1);
    expect(fetched.gateways).toHaveLength(1);
    const reasons = Object.fromEntries(skipped[0]!.map((node) => [`${node.kind} ${node.id}`, node.reason]));
    expect(Object.keys(reasons).sort()).toEqual(
      [
        'mixnode 2',
        'mixnode 3',
        'mixnode 4',
        'mixnode 5',
        'mixnode 6',
        'mixnode 7',
        'mixnode #7',
        'gateway #1',
      ].sort(),
    );
    expect(reasons['mixnode 2']).toMatch(/sphinx key .* is not base58/);
    expect(reasons['mixnode 3']).toMatch(/small-order/);
    expect(reasons['mixnode 4']).toMatch(/host "nowhere.invalid" does not resolve: .*ENOTFOUND/);
    expect(reasons['mixnode 5']).toBe('performance 1.5 is above 1');
    expect(reasons['mixnode 6']).toBe('performance "high" is not a decimal');
    expect(reasons['mixnode 7']).toBe('active node without a layer 1–3 (layer null)');
    expect(reasons['mixnode #7']).toMatch(/mix_node/);
    expect(reasons['gateway #1']).toMatch(/gateway\.clients_port/);
  });

  it('refuses an answer that is not the mixnet contract’s, naming contract and query', async () => {
    const reader: ContractReader = {
      queryContractSmart: async () => ({ balance: '10' }),
      disconnect: () => undefined,
    };
    const error = await rejection(provider(reader).provider.fetch());
    expect(error.message).toBe(
      `the answer of ${CONTRACT} to get_rewarded_set is not the mixnet contract's: nodes: Invalid input: expected array, received undefined; start_next_after: Invalid input: expected number, received undefined`,
    );
    expect(error.details).toEqual({ rpcUrl: RPC, contract: CONTRACT, query: 'get_rewarded_set' });
  });

  it('reports a failed query with the chain’s message', async () => {
    const reader: ContractReader = {
      queryContractSmart: async () => {
        throw new Error('Query failed with (6): no such contract');
      },
      disconnect: () => undefined,
    };
    const error = await rejection(provider(reader).provider.fetch());
    expect(error.message).toBe(
      `the mixnet contract ${CONTRACT} (at ${RPC}) did not answer get_rewarded_set: Query failed with (6): no such contract`,
    );
  });

  it('stops on pages that do not advance', async () => {
    const node = rewardedNode(1, 1);
    const reader: ContractReader = {
      queryContractSmart: async () => ({ nodes: [node], start_next_after: 1 }),
      disconnect: () => undefined,
    };
    const error = await rejection(provider(reader).provider.fetch());
    expect(error.message).toBe('the get_rewarded_set pages do not advance (cursor 1 repeats)');
  });

  it('reconnects after a failed connection and closes what it opened', async () => {
    const { reader } = pagingReader([rewardedNode(1, 1)], [gatewayBond(1)]);
    let attempts = 0;
    const topology = createMixnetTopologyProvider(
      { rpcUrl: RPC, mixnetAddress: CONTRACT },
      {
        connect: async () => {
          attempts += 1;
          if (attempts === 1) throw new Error('connect ECONNREFUSED 127.0.0.1:1');
          return reader;
        },
      },
    );
    const error = await rejection(topology.fetch());
    expect(error.message).toBe(`cannot reach the chain at ${RPC} for the topology`);
    expect((error.cause as Error).message).toMatch(/ECONNREFUSED/);
    expect((await topology.fetch()).mixnodes).toHaveLength(1);
    await topology.fetch();
    expect(attempts).toBe(2);
    topology.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(reader.disconnected).toBe(1);
  });

  it('stops when its signal is aborted', async () => {
    const { reader, queries } = pagingReader([rewardedNode(1, 1)], []);
    const abort = new AbortController();
    abort.abort(new Error('client stopping'));
    await expect(provider(reader).provider.fetch(abort.signal)).rejects.toThrow('client stopping');
    expect(queries).toEqual([]);
  });
});

describe('performance scores', () => {
  it('are Decimal strings from 0 to 1', () => {
    expect(parsePerformance('0')).toEqual({ kind: 'ok', value: 0 });
    expect(parsePerformance('0.950000000000000000')).toEqual({ kind: 'ok', value: 0.95 });
    expect(parsePerformance('1')).toEqual({ kind: 'ok', value: 1 });
    expect(parsePerformance('1.000000000000000001').kind).toBe('bad');
    expect(parsePerformance('-0.1').kind).toBe('bad');
    expect(parsePerformance('0.1234567890123456789').kind).toBe('bad');
    expect(parsePerformance('').kind).toBe('bad');
  });
});
