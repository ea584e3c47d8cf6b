// Done-when tests for offline delivery on one real network (3 layers × 2 mix nodes, 2 gateways):
// messages for an offline recipient wait in its gateway's inbox and arrive when it comes back,
// also when the gateway restarts in between; a client that stays up through a gateway restart
// reconnects and authenticates on its own.
import { encodeBase58 } from '../../src/address/base58';
import { cryptoRng } from '../../src/runtime';
import { startRealNetwork, type NetworkClient, type RealNetwork } from '../support/real-network';

// Generous: on a loaded 2-core machine every node of the network shares one busy event loop.
jest.setTimeout(300_000);

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('a recipient that is away', () => {
  let network: RealNetwork;
  let alice: NetworkClient;

  beforeAll(async () => {
    network = await startRealNetwork({ perLayer: 2, gateways: 2 });
    alice = await network.startClient(0);
  });
  afterAll(async () => {
    await network.stop();
  });

  /** The key bob registered with gateway 1: unchanged means he authenticated, not registered again. */
  const sharedKeyOf = (client: NetworkClient) =>
    hex(client.store.gatewaySharedKey(encodeBase58(client.client.address.gateway)) ?? new Uint8Array());

  const stored = async () => (await network.gateways[1]?.metrics.value('messages_stored_total')) ?? 0;

  /** Sends while bob is offline; the acks come from his gateway, which keeps the messages. */
  async function sendWhileAway(bob: { address: string }, sizes: number[]): Promise<Uint8Array[]> {
    const messages = sizes.map((size) => cryptoRng.randomBytes(size));
    const storedBefore = await stored();
    const receipts = messages.map((data) => alice.client.send(bob.address, data));
    const outcomes = await Promise.all(receipts.map((receipt) => receipt.outcome));
    expect(outcomes).toEqual(messages.map(() => ({ kind: 'delivered' })));
    expect(await stored()).toBeGreaterThan(storedBefore);
    return messages;
  }

  async function comeBack(away: NetworkClient, count: number, registeredKey: string): Promise<NetworkClient> {
    const back = await network.startClient(away.gateway, { keys: away.keys, statePath: away.statePath });
    expect(sharedKeyOf(back)).toBe(registeredKey);
    await back.waitForMessages(count);
    // Anything still in flight would show up now as a duplicate.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return back;
  }

  it('waits at its gateway and arrives, exactly once, when it reconnects', async () => {
    const first = await network.startClient(1);
    const address = first.client.addressString;
    const key = sharedKeyOf(first);
    expect(key).toHaveLength(64);
    await first.stop();
    const messages = await sendWhileAway({ address }, [1, 3000, 20_000]);
    const back = await comeBack(first, messages.length, key);
    expect(back.client.addressString).toBe(address);
    expect(back.received.map((message) => hex(message.data)).sort()).toEqual(messages.map(hex).sort());
    await back.stop();
  });

  it('survives a restart of the gateway while it waits', async () => {
    const first = await network.startClient(1);
    const address = first.client.addressString;
    const key = sharedKeyOf(first);
    await first.stop();
    const messages = await sendWhileAway({ address }, [10, 5000]);
    await network.restartGateway(1);
    const back = await comeBack(first, messages.length, key);
    expect(back.received.map((message) => hex(message.data)).sort()).toEqual(messages.map(hex).sort());
    await back.stop();
  });

  it('reaches a client that stayed up through a gateway restart: it reconnects and authenticates', async () => {
    const bob = await network.startClient(1);
    const key = sharedKeyOf(bob);
    await network.restartGateway(1);
    const messages = [cryptoRng.randomBytes(100), cryptoRng.randomBytes(4000)];
    const receipts = messages.map((data) => alice.client.send(bob.client.address, data));
    await bob.waitForMessages(messages.length);
    expect(await Promise.all(receipts.map((receipt) => receipt.outcome))).toEqual([
      { kind: 'delivered' },
      { kind: 'delivered' },
    ]);
    expect(bob.received.map((message) => hex(message.data)).sort()).toEqual(messages.map(hex).sort());
    expect(sharedKeyOf(bob)).toBe(key);
    await bob.stop();
  });
});
