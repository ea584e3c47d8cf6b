// The whole local network as a user starts it: `nymts testnet up` on ports the system picks.
import { setTimeout as sleep } from 'node:timers/promises';
import { alive, startTestnet, statusFromAnotherShell, type TestnetProcess } from '../support/testnet-process';

jest.setTimeout(240_000);

describe('nymts testnet up', () => {
  let network: TestnetProcess | undefined;
  let pids: number[] = [];

  afterAll(async () => {
    // Whatever happened above, leave nothing running.
    if (network !== undefined && network.child.exitCode === null) {
      network.child.kill('SIGKILL');
      await network.exited;
    }
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  });

  it('brings the network up, notices a stopped node, and stops everything on SIGINT', async () => {
    network = startTestnet(['--base-port', '0', '--epoch-seconds', '2', '--clients', '2']);
    await network.waitFor(/nymts local network is up/, 180_000);

    const status = await statusFromAnotherShell(network.home);
    expect(status.running).toBe(true);
    expect(status.height).toBeGreaterThan(0);
    expect(status.epoch).toBeGreaterThanOrEqual(1);
    const layers = status.nodes.flatMap((node) => (node.role === 'mixnode' ? [node.layer] : []));
    expect(layers.sort()).toEqual([1, 1, 2, 2, 3, 3]);
    expect(status.nodes.every((node) => node.bonded)).toBe(true);
    expect(Object.keys(status.contracts).sort()).toEqual(['mixnet', 'nym_token', 'vesting']);
    expect(status.nodes.filter((node) => node.role === 'gateway')).toHaveLength(2);
    for (const node of status.nodes) {
      expect(node.identityKey).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
      expect(status.packets[node.id]).toEqual(expect.objectContaining({ received: expect.any(Number) }));
    }
    expect(status.clients).toHaveLength(2);
    pids = status.services.map((service) => service.pid ?? 0).filter((pid) => pid > 0);
    expect(status.services.every((service) => service.running)).toBe(true);
    expect(pids).toHaveLength(1 + status.nodes.length);

    // A mix node dies: the supervisor says so, status shows it, the others keep running.
    const victim = status.services.find((service) => service.name === 'mix-3');
    process.kill(victim?.pid ?? 0, 'SIGKILL');
    await network.waitFor(/mix-3 \(pid \d+\) stopped on its own \(signal SIGKILL\)/, 30_000);
    await network.waitFor(/mix-3 is unreachable/, 30_000);
    const after = await statusFromAnotherShell(network.home);
    expect(after.services.find((service) => service.name === 'mix-3')).toEqual(
      expect.objectContaining({ running: false, exit: { code: null, signal: 'SIGKILL' } }),
    );
    expect(after.services.filter((service) => service.running)).toHaveLength(pids.length - 1);
    expect(after.packets['mix-3']).toEqual({ unreachable: expect.any(String) });
    expect(after.packets['mix-4']).toEqual(expect.objectContaining({ received: expect.any(Number) }));

    network.child.kill('SIGINT');
    expect(await network.exited).toEqual({ code: 0, signal: null });
    expect(network.stdout()).toMatch(/the network is stopped/);
    await sleep(200);
    expect(pids.filter(alive)).toEqual([]);
    const stopped = await statusFromAnotherShell(network.home);
    expect(stopped.running).toBe(false);
  });
});
