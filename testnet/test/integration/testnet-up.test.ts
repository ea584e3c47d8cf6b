// The whole local network as a user runs it: `nymts testnet up` on ports the system picks, two
// apps on two clients' WebSocket APIs, a mix node killed under traffic, then Ctrl-C.
import { setTimeout as sleep } from 'node:timers/promises';
import { connectClientApi, type ClientApi, type TestnetStatus } from '../../src';
import { alive, startTestnet, statusFromAnotherShell, type TestnetProcess } from '../support/testnet-process';

jest.setTimeout(300_000);
const MESSAGE_TIMEOUT_MS = 120_000;

/** Repliable messages one way and the replies back through their SURBs, all checked by content. */
async function exchange(
  from: ClientApi,
  to: ClientApi,
  toAddress: string,
  label: string,
  count: number,
): Promise<void> {
  const texts = Array.from({ length: count }, (_, i) => `${label} ${i}`);
  for (const text of texts) from.sendAnonymous(toAddress, text, 3);
  for (const text of texts) {
    const request = await to.receive((message) => message.message === text, MESSAGE_TIMEOUT_MS);
    expect(request.senderTag).not.toBeNull();
    to.reply(request.senderTag as string, `re: ${text}`);
  }
  for (const text of texts) {
    const reply = await from.receive((message) => message.message === `re: ${text}`, MESSAGE_TIMEOUT_MS);
    expect(reply.senderTag).toBeNull();
  }
}

describe('nymts testnet up', () => {
  let network: TestnetProcess;
  let status: TestnetStatus;
  let pids: number[] = [];
  let alice: ClientApi | undefined;
  let bob: ClientApi | undefined;

  beforeAll(async () => {
    network = startTestnet(['--base-port', '0', '--epoch-seconds', '3', '--clients', '2']);
    await network.waitFor(/nymts local network is up/, 200_000);
    status = await statusFromAnotherShell(network.home);
    pids = status.services.map((service) => service.pid ?? 0).filter((pid) => pid > 0);
  });

  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    // Whatever happened above, leave nothing running.
    if (network.child.exitCode === null) {
      network.child.kill('SIGKILL');
      await network.exited;
    }
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  });

  it('runs the chain, the contracts, bonded nodes in three layers and two clients, each in its process', () => {
    expect(network.stderr()).toMatch(
      /self-test: client-1 sent a message to itself through the mixnet and got the reply/,
    );
    expect(status.running).toBe(true);
    expect(status.height).toBeGreaterThan(0);
    expect(status.epoch).toBeGreaterThanOrEqual(1);
    expect(Object.keys(status.contracts).sort()).toEqual(['mixnet', 'nym_token', 'vesting']);
    const layers = status.nodes.flatMap((node) => (node.role === 'mixnode' ? [node.layer] : []));
    expect(layers.sort()).toEqual([1, 1, 2, 2, 3, 3]);
    expect(status.nodes.filter((node) => node.role === 'gateway')).toHaveLength(2);
    for (const node of status.nodes) {
      expect(node.bonded).toBe(true);
      expect(node.identityKey).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
      expect(status.packets[node.id]).toEqual(expect.objectContaining({ received: expect.any(Number) }));
    }
    expect(status.clients.map((client) => client.address)).toEqual([
      expect.stringMatching(/@/),
      expect.stringMatching(/@/),
    ]);
    expect(status.services.every((service) => service.running)).toBe(true);
    expect(pids).toHaveLength(1 + status.nodes.length + status.clients.length);
  });

  it('carries messages between two clients through the bonded nodes, with replies', async () => {
    const [first, second] = status.clients;
    alice = await connectClientApi(first?.websocketPort ?? 0);
    bob = await connectClientApi(second?.websocketPort ?? 0);
    expect(await bob.selfAddress()).toBe(second?.address);
    await exchange(alice, bob, second?.address ?? '', 'alice to bob', 3);
    await exchange(bob, alice, first?.address ?? '', 'bob to alice', 3);
    bob.send(first?.address ?? '', 'plain from bob');
    expect(
      await alice.receive((message) => message.message === 'plain from bob', MESSAGE_TIMEOUT_MS),
    ).toEqual({
      message: 'plain from bob',
      senderTag: null,
    });
  });

  it('notices a killed mix node, keeps running, and still gets every message through', async () => {
    const victim = status.services.find((service) => service.name === 'mix-3');
    process.kill(victim?.pid ?? 0, 'SIGKILL');
    await network.waitFor(/mix-3 \(pid \d+\) stopped on its own \(signal SIGKILL\)/, 30_000);

    const [first, second] = status.clients;
    await exchange(alice as ClientApi, bob as ClientApi, second?.address ?? '', 'after the kill, alice', 4);
    await exchange(bob as ClientApi, alice as ClientApi, first?.address ?? '', 'after the kill, bob', 4);

    await network.waitFor(/mix-3 is unreachable/, 60_000);
    const after = await statusFromAnotherShell(network.home);
    expect(after.services.find((service) => service.name === 'mix-3')).toEqual(
      expect.objectContaining({ running: false, exit: { code: null, signal: 'SIGKILL' } }),
    );
    expect(after.services.filter((service) => service.running)).toHaveLength(pids.length - 1);
    expect(after.packets['mix-3']).toEqual({ unreachable: expect.any(String) });
  });

  it('stops every process on SIGINT', async () => {
    await alice?.close();
    await bob?.close();
    network.child.kill('SIGINT');
    expect(await network.exited).toEqual({ code: 0, signal: null });
    expect(network.stdout()).toMatch(/the network is stopped/);
    await sleep(200);
    expect(pids.filter(alive)).toEqual([]);
    expect((await statusFromAnotherShell(network.home)).running).toBe(false);
  });

  it('resumes the same network from its data folder', async () => {
    network = startTestnet(['--home', network.home]);
    await network.waitFor(/nymts local network is up/, 200_000);
    expect(network.stderr()).toMatch(/resuming the network/);
    const resumed = await statusFromAnotherShell(network.home);
    pids = resumed.services.map((service) => service.pid ?? 0).filter((pid) => pid > 0);
    expect(resumed.contracts).toEqual(status.contracts);
    expect(resumed.nodes.map((node) => [node.id, node.identityKey, node.ports])).toEqual(
      status.nodes.map((node) => [node.id, node.identityKey, node.ports]),
    );
    expect(resumed.clients.map((client) => client.address)).toEqual(
      status.clients.map((client) => client.address),
    );
    expect(resumed.height).toBeGreaterThan(status.height ?? 0);
    expect(resumed.epoch).toBeGreaterThan(status.epoch ?? 0);
    expect(resumed.services.every((service) => service.running)).toBe(true);
    network.child.kill('SIGINT');
    expect(await network.exited).toEqual({ code: 0, signal: null });
    expect(pids.filter(alive)).toEqual([]);
  });
});
