import { startTestClient, type TestClient } from './support/clients';
import { createManualClock, runUntil } from './support/manual-clock';
import { createSeededRng } from './support/seeded-rng';
import { TestNetwork } from './support/test-network';

describe('client on an in-process mixnet', () => {
  let clients: TestClient[] = [];

  afterEach(async () => {
    for (const { client } of clients) await client.stop();
    clients = [];
  });

  it('delivers a small message', async () => {
    const clock = createManualClock();
    const network = new TestNetwork(clock, createSeededRng('net'));
    const alice = await startTestClient(network, clock, { seed: 'alice', gatewayIndex: 0 });
    const bob = await startTestClient(network, clock, { seed: 'bob', gatewayIndex: 1 });
    clients = [alice, bob];
    const receipt = alice.client.send(bob.client.address, new TextEncoder().encode('hello'));
    await runUntil(clock, () => bob.inbox.length > 0 && alice.client.stats().messages_delivered === 1);
    expect(bob.inbox[0]).toEqual({ kind: 'plain', data: new TextEncoder().encode('hello') });
    await expect(receipt.outcome).resolves.toEqual({ kind: 'delivered' });
  });
});
