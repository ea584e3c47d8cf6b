import { createLogger } from '@nymts/node-common';
import { startTestNode, waitUntil, type TestNode } from '@nymts/mixnode/test/support/harness';
import { PACKET_SUITE } from '@nymts/mixnode/test/support/packet-suite';
import { generateSphinxKeyPair } from '@nymts/sphinx';
import {
  type BandwidthController,
  createUnmeteredBandwidth,
  UNMETERED_BANDWIDTH,
} from '../../src/client-protocol/bandwidth';
import {
  decodeBase58,
  encodeBase58,
  generateEd25519KeyPair,
  systemRandomBytes,
} from '@nymts/gateway-protocol';
import { startTestGateway, type TestGateway } from '../support/gateway-harness';
import { type FakeNode, type FakeNymApi, startFakeNymApi } from './support/fake-nym-api';
import { spawnWasmClient, type WasmClientProcess } from './support/wasm-client';

// Nym's own published client, `@nymproject/nym-client-wasm-node` 1.4.1 (Rust compiled to wasm),
// against our nodes: it registers with our gateway (handshake, then authenticateV2 on a new
// connection), and the message it sends to its own address is unwrapped by our three real mix
// nodes and our gateway, whose keys the fake nym-api publishes, and arrives at its `onMessage`;
// its SURB-ACK comes back the same way.

// The fake nym-api reports key rotation 1 (odd): every node holds its Sphinx key as rotation 1.
const rotationOne = () => ({ rotationId: 1, ...generateSphinxKeyPair() });
const ready: { clientId: string; via: string }[] = [];
// Starts every client at zero credit, to see how the wasm client asks for bandwidth.
const claims: string[] = [];
const bandwidth: BandwidthController = {
  ...createUnmeteredBandwidth(),
  available: (clientId) => (claims.includes(clientId) ? UNMETERED_BANDWIDTH : 0),
  claimFreeTestnetBandwidth: (clientId) => {
    claims.push(clientId);
    return { kind: 'accepted', availableTotal: UNMETERED_BANDWIDTH };
  },
};
// The gateway's log, read for its `client ready` events (how each connection became ready).
const logger = createLogger({
  name: 'gateway',
  destination: {
    write: (line: string) => {
      const entry = JSON.parse(line) as { msg: string; clientId: string; via: string };
      if (entry.msg === 'client ready') ready.push({ clientId: entry.clientId, via: entry.via });
    },
  },
});

let mixes: TestNode[];
let gateway: TestGateway;
let api: FakeNymApi;
let client: WasmClientProcess;

beforeAll(async () => {
  mixes = await Promise.all(
    [1, 2, 3].map(() => startTestNode(PACKET_SUITE, { sphinxKeys: [rotationOne()] })),
  );
  gateway = await startTestGateway({
    options: { sphinxKeys: [rotationOne()] },
    bandwidth,
    logger,
    // The wasm client signs its authentication with the real time.
    nowUnixSeconds: () => BigInt(Math.floor(Date.now() / 1000)),
  });
  const mix = (node: TestNode, layer: 1 | 2 | 3): FakeNode => ({
    nodeId: layer,
    identityKey: generateEd25519KeyPair(systemRandomBytes).publicKey,
    sphinxKey: node.key.publicKey,
    host: '127.0.0.1',
    mixPort: node.address.port,
    role: { mixLayer: layer },
  });
  api = await startFakeNymApi([
    {
      nodeId: 10,
      identityKey: gateway.identity.publicKey,
      sphinxKey: gateway.sphinxKey.publicKey,
      host: '127.0.0.1',
      mixPort: gateway.gateway.mixAddress.port,
      role: 'entry-gateway',
      wsPort: gateway.gateway.clientsAddress.port,
    },
    ...mixes.map((node, index) => mix(node, (index + 1) as 1 | 2 | 3)),
  ]);
  client = await spawnWasmClient();
}, 60_000);

afterAll(async () => {
  await client?.kill();
  await gateway?.stop();
  await Promise.all((mixes ?? []).map((mix) => mix.node.stop()));
  await api?.close();
});

/** Starts (or, the second time, restarts from its stored keys) a client named `interop`. */
const startClient = () =>
  client.request(
    {
      cmd: 'start',
      nymApiUrl: api.url,
      clientId: 'interop',
      gatewayId: encodeBase58(gateway.identity.publicKey),
    },
    'started',
    90_000,
  );

describe('interop with @nymproject/nym-client-wasm-node 1.4.1 through our nodes', () => {
  let address = '';

  it('registers with our gateway, then reconnects and authenticates with the shared key', async () => {
    const started = await startClient();
    if (started.event !== 'started') throw new Error('no address');
    address = started.address;
    const [identity, , gatewayId] = address.split(/[.@]/);
    expect(gatewayId).toBe(encodeBase58(gateway.identity.publicKey));
    expect(decodeBase58(identity!)).toHaveLength(32);
    // The client registers on one connection, closes it, and authenticates on a second.
    expect(ready.map((event) => event.via)).toEqual(['registration', 'authentication']);
    expect(ready.every((event) => event.clientId === identity)).toBe(true);
    // Told it has no credit, the client (which holds no credentials) claims free testnet bandwidth.
    await waitUntil(() => claims.includes(identity!), 30_000, 'a bandwidth claim');
    expect(api.requests.map((request) => request.split('?')[0])).toEqual(
      expect.arrayContaining([
        'GET /v2/unstable/nym-nodes/skimmed/entry-gateways',
        'GET /v1/epoch/key-rotation-info',
        'GET /v1/nym-nodes/rewarded-set',
        'GET /v2/unstable/nym-nodes/skimmed/mixnodes/active',
      ]),
    );
  }, 120_000);

  it('gets the message it sent to itself back through our three mix nodes and gateway', async () => {
    await client.request(
      { cmd: 'send', recipient: address, message: 'hello from the wasm client' },
      'sent',
      30_000,
    );
    const received = await client.next('message', 30_000);
    expect(received).toEqual({ event: 'message', message: 'hello from the wasm client' });
    // Every node unwrapped the client's packet and its SURB-ACK with the keys we published.
    await waitUntil(
      async () => ((await gateway.metrics.value('acks_forwarded_total')) ?? 0) >= 1,
      10_000,
      'the SURB-ACK to leave the gateway',
    );
    for (const mix of mixes) {
      await waitUntil(
        async () => ((await mix.metrics.value('packets_forwarded_total')) ?? 0) >= 2,
        10_000,
        'the packet and its ack through every mix node',
      );
      expect(await mix.metrics.value('unwrap_errors_total')).toBe(0);
    }
    expect(await gateway.metrics.value('unwrap_errors_total')).toBe(0);
    // 1.4.1 builds Sphinx version 259 (payload keys from seeds), for the message and the ack.
    const unwrapped = await mixes[0]!.metrics.value('packets_unwrapped_total');
    expect(unwrapped).toBeGreaterThanOrEqual(2);
    expect(await mixes[0]!.metrics.value('packets_unwrapped_total', { version: '259' })).toBe(unwrapped);
  }, 60_000);

  it('authenticates a restarted client from its stored keys and replaces the old connection', async () => {
    // The client stamps its request in whole seconds and the gateway refuses a stamp that is not
    // after the last one (replay protection), so a restart must not fall in the same second.
    const lastSecond = Math.floor(Date.now() / 1000);
    await waitUntil(() => Math.floor(Date.now() / 1000) > lastSecond, 2_000, 'the next second');
    ready.length = 0;
    await startClient();
    expect(ready.map((event) => event.via)).toEqual(['authentication']);
    expect(gateway.gateway.connectedClients()).toEqual([address.split('.')[0]]);
  }, 120_000);
});
