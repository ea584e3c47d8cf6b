import { ClientError } from '@nymts/client';
import type { SigningSession } from '@nymts/contracts-client';
import { base58 } from '@scure/base';
import { createMixnetTopologyProvider, type MixnetTopologyProvider, type SkippedNode } from '../../src';
import {
  advanceEpoch,
  bondNode,
  endEpoch,
  type MixnetChain,
  startMixnetChain,
} from '../support/mixnet-chain';

// The provider against the real mixnet artifact on the embedded chain, over RPC through cosmjs:
// nodes bonded by transactions, the active set drawn by advancing an epoch, performance reported
// by the rewarding validator, and the ways a wrong endpoint or contract fails.
jest.setTimeout(120_000);

interface RewardedSet {
  nodes: Array<{
    mix_id: number;
    status: string;
    layer: number | null;
    mix_node: { identity_key: string; host: string };
  }>;
}

let network: MixnetChain;
let provider: MixnetTopologyProvider;
const skipped: SkippedNode[][] = [];
const mixnodes: Array<{ identityKey: string; host: string }> = [];
const gateways: Array<{ identityKey: string; host: string }> = [];
let owners: SigningSession[];

const MIX_HOSTS = ['127.0.0.11', '127.0.0.12', '127.0.0.13', 'localhost', 'nowhere.invalid'];
const GATEWAY_HOSTS = ['127.0.0.21', '127.0.0.22'];

async function rewardedSet(): Promise<RewardedSet['nodes']> {
  const answer = (await network.admin.client.queryContractSmart(network.mixnet, {
    get_rewarded_set: {},
  })) as RewardedSet;
  return answer.nodes;
}

beforeAll(async () => {
  network = await startMixnetChain({ rewarded: 5, active: 4 });
  owners = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => network.owner(n)));
  for (const [i, host] of MIX_HOSTS.entries()) {
    const keys = await bondNode(network, owners[i]!, { kind: 'mixnode', host, mixPort: 1790 + i });
    mixnodes.push({ identityKey: keys.identityKey, host });
  }
  for (const [i, host] of GATEWAY_HOSTS.entries()) {
    const keys = await bondNode(network, owners[5 + i]!, { kind: 'gateway', host, mixPort: 1800 + i });
    gateways.push({ identityKey: keys.identityKey, host });
  }
  provider = createMixnetTopologyProvider(
    { rpcUrl: network.rpcUrl, mixnetAddress: network.mixnet, pageSize: 2 },
    { onSkipped: (nodes) => skipped.push(nodes) },
  );
});

afterAll(async () => {
  provider?.close();
  await network?.stop();
});

describe('the topology from the mixnet contract', () => {
  it('has the bonded gateways but no mix layers before the first epoch is drawn', async () => {
    const topology = await provider.fetch();
    expect(topology.mixnodes).toEqual([]);
    expect(
      topology.gateways.map((node) => [base58.encode(node.identity), node.host, node.clientsPort]),
    ).toEqual(expect.arrayContaining(gateways.map(({ identityKey, host }) => [identityKey, host, 9000])));
    expect(topology.gateways).toHaveLength(2);
  });

  it('has the active set in its layers once an epoch is advanced', async () => {
    await endEpoch(network);
    await advanceEpoch(network, 'first');
    const set = await rewardedSet();
    const active = set.filter((node) => node.status === 'active');
    expect(active).toHaveLength(4);
    skipped.length = 0;
    const topology = await provider.fetch();

    const unresolvable = active.filter((node) => node.mix_node.host === 'nowhere.invalid');
    const expected = active
      .filter((node) => node.mix_node.host !== 'nowhere.invalid')
      .map((node) => [node.mix_node.identity_key, node.layer]);
    expect(topology.mixnodes.map((node) => [base58.encode(node.identity), node.layer])).toEqual(expected);
    expect(new Set(active.map((node) => node.layer))).toEqual(new Set([1, 2, 3]));
    for (const node of topology.mixnodes) {
      const bonded = mixnodes.find(({ identityKey }) => identityKey === base58.encode(node.identity))!;
      expect(node.host).toBe(bonded.host === 'localhost' ? '127.0.0.1' : bonded.host);
      expect(node.performance).toBe(1);
    }
    expect(skipped.flat().map(({ kind, id }) => [kind, id])).toEqual(
      unresolvable.map((node) => ['mixnode', String(node.mix_id)]),
    );
    for (const entry of skipped.flat())
      expect(entry.reason).toMatch(/host "nowhere.invalid" does not resolve/);
  });

  it('carries the performance the rewarding validator reported', async () => {
    await endEpoch(network);
    const reported = new Map<string, string>();
    for (const node of await rewardedSet()) {
      const performance = `0.${node.mix_id}5`;
      reported.set(node.mix_node.identity_key, performance);
      await network.admin.client.execute(
        network.admin.address,
        network.mixnet,
        { reward_mixnode: { mix_id: node.mix_id, performance } },
        network.admin.fee,
      );
    }
    await network.admin.client.execute(
      network.admin.address,
      network.mixnet,
      { report_gateway_performance: { identity: gateways[0]!.identityKey, performance: '0.4' } },
      network.admin.fee,
    );
    await advanceEpoch(network, 'second');

    const topology = await provider.fetch();
    expect(topology.mixnodes.length).toBeGreaterThanOrEqual(3);
    for (const node of topology.mixnodes) {
      expect(node.performance).toBe(Number(reported.get(base58.encode(node.identity))));
    }
    const performanceOf = (identityKey: string) =>
      topology.gateways.find((node) => base58.encode(node.identity) === identityKey)?.performance;
    expect(performanceOf(gateways[0]!.identityKey)).toBe(0.4);
    expect(performanceOf(gateways[1]!.identityKey)).toBe(1);
  });

  it('says so when the address is another contract, or none', async () => {
    const wrongContract = createMixnetTopologyProvider({
      rpcUrl: network.rpcUrl,
      mixnetAddress: network.token,
    });
    const noContract = createMixnetTopologyProvider({
      rpcUrl: network.rpcUrl,
      mixnetAddress: owners[0]!.address,
    });
    try {
      await expect(wrongContract.fetch()).rejects.toThrow(
        new RegExp(
          `^the mixnet contract ${network.token} \\(at ${network.rpcUrl}\\) did not answer get_rewarded_set: .*unknown variant`,
        ),
      );
      await expect(noContract.fetch()).rejects.toThrow(
        new RegExp(
          `^the mixnet contract ${owners[0]!.address} .* did not answer get_rewarded_set: .*no such contract`,
        ),
      );
    } finally {
      wrongContract.close();
      noContract.close();
    }
  });

  it('says so when the chain cannot be reached', async () => {
    const unreachable = createMixnetTopologyProvider({
      rpcUrl: 'http://127.0.0.1:1',
      mixnetAddress: network.mixnet,
    });
    const error = await unreachable.fetch().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).message).toBe(
      'cannot reach the chain at http://127.0.0.1:1 for the topology',
    );
    expect(String((error as ClientError).cause)).toMatch(/cannot reach the chain at http:\/\/127.0.0.1:1/);
    unreachable.close();
  });
});
