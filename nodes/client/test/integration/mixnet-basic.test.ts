import { type ReceivedMessage } from '../../src/client';
import { startRealNetwork, type NetworkClient, type RealNetwork } from '../support/real-network';

jest.setTimeout(60_000);

async function nextMessage(client: NetworkClient): Promise<ReceivedMessage> {
  const result = await client.client.messages().next();
  if (result.done) throw new Error('the client stopped');
  return result.value;
}

describe('a client connected to a real gateway', () => {
  let network: RealNetwork;
  let alice: NetworkClient;
  let bob: NetworkClient;

  beforeAll(async () => {
    network = await startRealNetwork();
    alice = await network.startClient(0);
    bob = await network.startClient(1);
  });
  afterAll(async () => {
    await network.stop();
  });

  it('registers, sends through three mix layers and gets its message acknowledged', async () => {
    const receipt = alice.client.send(bob.client.address, new TextEncoder().encode('hello bob'));
    const message = await nextMessage(bob);
    expect(message).toEqual({ kind: 'plain', data: new TextEncoder().encode('hello bob') });
    await expect(receipt.outcome).resolves.toEqual({ kind: 'delivered' });
  });

  it('answers an anonymous sender through its SURBs', async () => {
    alice.client.sendAnonymous(bob.client.addressString, new TextEncoder().encode('who am I?'), {
      replySurbs: 3,
    });
    const question = await nextMessage(bob);
    if (question.kind !== 'repliable') throw new Error(`expected a repliable message, got ${question.kind}`);
    bob.client.reply(question.senderTag, new TextEncoder().encode('nobody'));
    await expect(nextMessage(alice)).resolves.toEqual({
      kind: 'reply',
      data: new TextEncoder().encode('nobody'),
    });
  });
});
