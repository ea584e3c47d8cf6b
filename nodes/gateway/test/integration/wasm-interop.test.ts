import {
  type BandwidthController,
  createUnmeteredBandwidth,
  UNMETERED_BANDWIDTH,
} from '../../src/client-protocol/bandwidth';
import { createClientWebSocketServer, type ClientWebSocketServer } from '../../src/client-websocket-server';
import { KeyRotation } from '@nymts/node-common';
import { type MixPacket } from '../../src/client-protocol/mix-packet';
import { createMemorySharedKeyStore, type SharedKeyStore } from '../../src/client-protocol/shared-key-store';
import { decodeBase58, encodeBase58 } from '../../src/crypto/base58';
import { generateEd25519KeyPair, generateX25519KeyPair } from '../../src/crypto/keys';
import { systemRandomBytes } from '../../src/crypto/random';
import { type FakeNode, type FakeNymApi, startFakeNymApi } from './support/fake-nym-api';
import { spawnWasmClient, type WasmClientProcess } from './support/wasm-client';

// Nym's own published client, `@nymproject/nym-client-wasm-node` 1.4.1 (Rust compiled to wasm),
// against our gateway: registration handshake, authenticateV2 on reconnect, encrypted
// ForwardSphinxV2 frames. The mix nodes it routes through are only entries in the fake topology.

const gatewayIdentity = generateEd25519KeyPair(systemRandomBytes);
const random = () => generateX25519KeyPair(systemRandomBytes).publicKey;
let server: ClientWebSocketServer;
let keyStore: SharedKeyStore;
let api: FakeNymApi;
let client: WasmClientProcess;
const ready: { clientId: string; via: string }[] = [];
const forwarded: MixPacket[] = [];
const layerOne = { host: '127.0.0.1', port: 41_001 };
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

beforeAll(async () => {
  keyStore = createMemorySharedKeyStore();
  server = createClientWebSocketServer(
    { host: '127.0.0.1', port: 0, identity: gatewayIdentity },
    {
      keyStore,
      bandwidth,
      onMixPacket: (_clientId, mixPacket) => forwarded.push(mixPacket),
      logger: {
        debug: () => {},
        warn: () => {},
        info: (fields, message) => {
          if (message === 'client ready') ready.push(fields as { clientId: string; via: string });
        },
      },
    },
  );
  const { port } = await server.start();
  const mix = (nodeId: number, layer: 1 | 2 | 3, mixPort: number): FakeNode => ({
    nodeId,
    identityKey: generateEd25519KeyPair(systemRandomBytes).publicKey,
    sphinxKey: random(),
    host: '127.0.0.1',
    mixPort,
    role: { mixLayer: layer },
  });
  api = await startFakeNymApi([
    {
      nodeId: 10,
      identityKey: gatewayIdentity.publicKey,
      sphinxKey: random(),
      host: '127.0.0.1',
      mixPort: 41_010,
      role: 'entry-gateway',
      wsPort: port,
    },
    mix(1, 1, layerOne.port),
    mix(2, 2, 41_002),
    mix(3, 3, 41_003),
  ]);
  client = await spawnWasmClient();
}, 60_000);

afterAll(async () => {
  await client?.kill();
  await server?.stop();
  await api?.close();
  keyStore?.close();
});

/** Starts (or, the second time, restarts from its stored keys) a client named `interop`. */
const startClient = () =>
  client.request(
    {
      cmd: 'start',
      nymApiUrl: api.url,
      clientId: 'interop',
      gatewayId: encodeBase58(gatewayIdentity.publicKey),
    },
    'started',
    90_000,
  );

const until = async (condition: () => boolean, what: string) => {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 30_000) throw new Error(`timed out waiting for ${what}; client log:\n${client.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('interop with @nymproject/nym-client-wasm-node 1.4.1', () => {
  let address = '';

  it('registers with our gateway, then reconnects and authenticates with the shared key', async () => {
    const started = await startClient();
    if (started.event !== 'started') throw new Error('no address');
    address = started.address;
    const [identity, , gateway] = address.split(/[.@]/);
    expect(gateway).toBe(encodeBase58(gatewayIdentity.publicKey));
    expect(decodeBase58(identity)).toHaveLength(32);
    // The client registers on one connection, closes it, and authenticates on a second.
    expect(ready.map((event) => event.via)).toEqual(['registration', 'authentication']);
    expect(ready.every((event) => event.clientId === identity)).toBe(true);
    expect(keyStore.get(identity)?.lastAuthenticationTimestamp).toBeDefined();
    // Told it has no credit, the client (which holds no credentials) claims free testnet bandwidth.
    await until(() => claims.includes(identity), 'a bandwidth claim');
    expect(api.requests.map((request) => request.split('?')[0])).toEqual(
      expect.arrayContaining([
        'GET /v2/unstable/nym-nodes/skimmed/entry-gateways',
        'GET /v1/epoch/key-rotation-info',
        'GET /v1/nym-nodes/rewarded-set',
        'GET /v2/unstable/nym-nodes/skimmed/mixnodes/active',
      ]),
    );
  }, 120_000);

  it('sends a packet that the gateway decrypts into a MixPacket for layer 1', async () => {
    await client.request(
      { cmd: 'send', recipient: address, message: 'hello from the wasm client' },
      'sent',
      30_000,
    );
    await until(() => forwarded.length > 0, 'a forwarded packet');
    const [first] = forwarded;
    expect(first.packetType).toBe(0);
    expect(first.nextHop).toEqual(layerOne);
    expect(first.keyRotation).toBe(KeyRotation.odd);
    expect(first.packet).toHaveLength(2413);
  }, 60_000);

  it('authenticates a restarted client from its stored keys and replaces the old connection', async () => {
    ready.length = 0;
    await startClient();
    expect(ready.map((event) => event.via)).toEqual(['authentication']);
    expect(server.connectedClients()).toEqual([address.split('.')[0]]);
  }, 120_000);
});
