// A real mixnet on 127.0.0.1 for the integration tests and the benchmark: mix nodes and gateways
// of @nymts/mixnode and @nymts/gateway over TCP, clients connected to their gateways over the
// client–gateway WebSocket, the topology in a JSON file. Nothing is faked.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519';
import { startTestGateway, type TestGateway } from '@nymts/gateway/test/support/gateway-harness';
import { type MixnodeOptions } from '@nymts/mixnode';
import { startTestNode, type TestNode, waitUntil } from '@nymts/mixnode/test/support/harness';
import { PACKET_SUITE } from '@nymts/mixnode/test/support/packet-suite';
import { type Logger } from '@nymts/node-common';
import { type ClientOptions, createClient, type MixnetClient, type ReceivedMessage } from '../../src/client';
import { encodeBase58 } from '../../src/address/base58';
import { createWebSocketGatewayConnector } from '../../src/gateway/websocket-gateway';
import { generateClientKeys, type ClientKeys } from '../../src/keys';
import { cryptoRng } from '../../src/runtime';
import { openSqliteClientStore, type ClientStateStore } from '../../src/storage/client-store';
import { createJsonFileTopologyProvider } from '../../src/topology/json-file-provider';
import { startTapProxy, type TapProxy } from './tap-proxy';

const wallSeconds = () => BigInt(Math.floor(Date.now() / 1000));

/**
 * Loopix settings for tests: 1 ms per hop, both streams on at rates a loaded 2-core machine keeps
 * up with (building a packet costs a few ms of CPU), and retransmission that backs off little.
 */
export const FAST_CLIENT: Partial<ClientOptions> = {
  timing: {
    averagePacketDelayMs: 1,
    averageAckDelayMs: 1,
    messageSendingAverageDelayMs: 4,
    loopCoverTrafficAverageDelayMs: 100,
  },
  retransmission: { ackWaitAdditionMs: 1000, maxBackoffFactor: 2 },
  reconnect: { initialDelayMs: 50, maxDelayMs: 500 },
};

export interface NetworkClient {
  client: MixnetClient;
  keys: ClientKeys;
  store: ClientStateStore;
  /** The SQLite state: start a client again on it (with the same keys) to bring it back. */
  statePath: string;
  gateway: number;
  /** Every message the client received, in order (read as they arrive). */
  received: ReceivedMessage[];
  waitForMessages(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface RealNetwork {
  dir: string;
  topologyFile: string;
  mixnodes: TestNode[][];
  gateways: TestGateway[];
  /** The proxy in front of the first layer-1 mix node, when asked for. */
  tap: TapProxy | undefined;
  startClient(
    gateway: number,
    options?: Partial<ClientOptions> & { keys?: ClientKeys; statePath?: string; logger?: Logger },
  ): Promise<NetworkClient>;
  /** Stops a gateway and brings it back on the same ports, keys and stored messages. */
  restartGateway(index: number): Promise<void>;
  /** Stops a mix node for good; it stays in the topology, as a crashed node does until dropped. */
  killMixnode(layer: number, index: number): Promise<void>;
  stop(): Promise<void>;
}

export interface NetworkLayout {
  perLayer?: number;
  gateways?: number;
  mixnode?: Partial<MixnodeOptions>;
  /** Puts a frame-recording proxy in front of the first layer-1 node (the topology names the proxy). */
  tapLayerOne?: boolean;
}

function writeTopology(file: string, mixnodes: TestNode[][], gateways: TestGateway[], tap?: TapProxy): void {
  const document = {
    mixnodes: mixnodes.flatMap((layer, index) =>
      layer.map((node) => ({
        // Mix identities only name nodes in a file topology; routing uses the Sphinx key.
        identityKey: encodeBase58(ed25519.getPublicKey(cryptoRng.randomBytes(32))),
        sphinxKey: encodeBase58(node.key.publicKey),
        host: node.address.host,
        mixPort: tap !== undefined && node === mixnodes[0]?.[0] ? tap.address.port : node.address.port,
        layer: index + 1,
        performance: 1,
      })),
    ),
    gateways: gateways.map((gateway) => ({
      identityKey: encodeBase58(gateway.identity.publicKey),
      sphinxKey: encodeBase58(gateway.sphinxKey.publicKey),
      host: gateway.gateway.mixAddress.host,
      mixPort: gateway.gateway.mixAddress.port,
      clientsPort: gateway.gateway.clientsAddress.port,
      performance: 1,
    })),
  };
  writeFileSync(file, JSON.stringify(document, null, 2));
}

/** Starts 3 layers of mix nodes and the gateways, and writes their topology file. */
export async function startRealNetwork(layout: NetworkLayout = {}): Promise<RealNetwork> {
  const dir = mkdtempSync(join(tmpdir(), 'nymts-client-net-'));
  const topologyFile = join(dir, 'topology.json');
  const mixnodes: TestNode[][] = [];
  for (let layer = 0; layer < 3; layer++) {
    const nodes: TestNode[] = [];
    for (let i = 0; i < (layout.perLayer ?? 2); i++)
      nodes.push(await startTestNode(PACKET_SUITE, layout.mixnode));
    mixnodes.push(nodes);
  }
  const gateways: TestGateway[] = [];
  for (let i = 0; i < (layout.gateways ?? 2); i++) {
    gateways.push(await startTestGateway({ nowUnixSeconds: wallSeconds }));
  }
  const tap = layout.tapLayerOne ? await startTapProxy((mixnodes[0]?.[0] as TestNode).address) : undefined;
  writeTopology(topologyFile, mixnodes, gateways, tap);
  const clients = new Set<NetworkClient>();
  const killed = new Set<TestNode>();
  let clientCount = 0;

  return {
    dir,
    topologyFile,
    mixnodes,
    gateways,
    tap,
    async startClient(gatewayIndex, { keys: givenKeys, statePath, logger, ...options } = {}) {
      const gateway = gateways[gatewayIndex];
      if (gateway === undefined) throw new Error(`no gateway ${gatewayIndex}`);
      const keys = givenKeys ?? generateClientKeys(cryptoRng.randomBytes);
      const path = statePath ?? join(dir, `client-${clientCount++}.sqlite`);
      const store = openSqliteClientStore(path);
      const client = createClient(
        { ...FAST_CLIENT, ...options, keys, gateway: gateway.identity.publicKey },
        {
          topology: createJsonFileTopologyProvider(topologyFile),
          connectGateway: createWebSocketGatewayConnector(
            { url: gateway.url, gatewayIdentity: gateway.identity.publicKey, keys },
            { store, ...(logger === undefined ? {} : { logger }) },
          ),
          store,
          ...(logger === undefined ? {} : { logger }),
        },
      );
      await client.start();
      const received: ReceivedMessage[] = [];
      void (async () => {
        for await (const message of client.messages()) received.push(message);
      })();
      const handle: NetworkClient = {
        client,
        keys,
        store,
        statePath: path,
        gateway: gatewayIndex,
        received,
        waitForMessages: (count, timeoutMs = 240_000) =>
          waitUntil(() => received.length >= count, timeoutMs, `${count} messages`),
        async stop() {
          clients.delete(handle);
          await client.stop();
          store.close();
        },
      };
      clients.add(handle);
      return handle;
    },
    async restartGateway(index) {
      const old = gateways[index] as TestGateway;
      await old.stop();
      gateways[index] = await startTestGateway({ restartOf: old, nowUnixSeconds: wallSeconds });
    },
    async killMixnode(layer, index) {
      const node = mixnodes[layer]?.[index] as TestNode;
      killed.add(node);
      await node.node.stop();
    },
    async stop() {
      for (const handle of [...clients]) await handle.stop();
      for (const gateway of gateways) await gateway.stop();
      for (const node of mixnodes.flat()) if (!killed.has(node)) await node.node.stop();
      await tap?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
