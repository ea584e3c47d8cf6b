import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { encodeBase58 } from '@nymts/gateway-protocol';

// Just enough of nym-api for `@nymproject/nym-client-wasm-node` 1.4.1 to bootstrap: the paged
// `skimmed` node lists (JSON: the client decodes by Content-Type, so bincode is not needed).
// A test fixture serving a topology the test chooses; nymts's own topology service is separate.

export interface FakeNode {
  nodeId: number;
  identityKey: Uint8Array;
  sphinxKey: Uint8Array;
  host: string;
  mixPort: number;
  role: { mixLayer: 1 | 2 | 3 } | 'entry-gateway';
  /** Client WebSocket port, for gateways. */
  wsPort?: number;
}

export interface FakeNymApi {
  url: string;
  /** Every path the client asked for, in order: the evidence of what it needs. */
  requests: string[];
  close(): Promise<void>;
}

function skimmedNode(node: FakeNode) {
  const isGateway = node.role === 'entry-gateway';
  return {
    node_id: node.nodeId,
    ed25519_identity_pubkey: encodeBase58(node.identityKey),
    ip_addresses: [node.host],
    mix_port: node.mixPort,
    x25519_sphinx_pubkey: encodeBase58(node.sphinxKey),
    role: isGateway ? 'EntryGateway' : { Mixnode: { layer: (node.role as { mixLayer: number }).mixLayer } },
    supported_roles: { mixnode: !isGateway, entry: isGateway, exit_nr: false, exit_ipr: false },
    entry: isGateway ? { hostname: null, ws_port: node.wsPort, wss_port: null } : null,
    performance: '1',
  };
}

function page(nodes: FakeNode[]) {
  return {
    // `status: null` is what the client accepts for a plain snapshot.
    metadata: { status: null, absolute_epoch_id: 25, rotation_id: 1, refreshed_at: new Date().toISOString() },
    nodes: { pagination: { total: nodes.length, page: 0, size: nodes.length }, data: nodes.map(skimmedNode) },
  };
}

/**
 * Key rotation as nym-api reports it. Rotation id = (epoch − initial epoch) / validity epochs =
 * (25 − 0) / 24 = 1, an odd rotation: the client marks its `ForwardSphinxV2` packets
 * `KeyRotation.odd`. (With rotation 0 it was seen to send `unknown`.)
 */
function keyRotationInfo() {
  return {
    key_rotation_state: { validity_epochs: 24, initial_epoch_id: 0 },
    current_absolute_epoch_id: 25,
    current_epoch_start: new Date(Date.now() - 60_000).toISOString(),
    epoch_duration: { secs: 3600, nanos: 0 },
    progress: {
      current_key_rotation_id: 1,
      current_rotation_starting_epoch: 24,
      current_rotation_ending_epoch: 47,
    },
  };
}

/** Node ids per role: the client builds its layers from this, not from the `role` of each node. */
function rewardedSet(nodes: FakeNode[]) {
  const ids = (keep: (node: FakeNode) => boolean) => nodes.filter(keep).map((node) => node.nodeId);
  const inLayer = (layer: number) => (node: FakeNode) =>
    node.role !== 'entry-gateway' && node.role.mixLayer === layer;
  return {
    epoch_id: 1,
    entry_gateways: ids((node) => node.role === 'entry-gateway'),
    exit_gateways: ids((node) => node.role === 'entry-gateway'),
    layer1: ids(inLayer(1)),
    layer2: ids(inLayer(2)),
    layer3: ids(inLayer(3)),
    standby: [],
  };
}

function selectNodes(nodes: FakeNode[], which: string): FakeNode[] | undefined {
  switch (which) {
    case 'entry-gateways':
    case 'exit-gateways':
      return nodes.filter((node) => node.role === 'entry-gateway');
    case 'mixnodes':
    case 'mixnodes/active':
      return nodes.filter((node) => node.role !== 'entry-gateway');
    case 'skimmed':
      return nodes;
    default:
      return undefined;
  }
}

export function startFakeNymApi(nodes: FakeNode[]): Promise<FakeNymApi> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    const prefix = '/v2/unstable/nym-nodes/skimmed';
    const selected = url.pathname.startsWith(prefix)
      ? selectNodes(nodes, url.pathname.slice(prefix.length).replace(/^\//, '') || 'skimmed')
      : undefined;
    response.setHeader('content-type', 'application/json');
    if (url.pathname === '/v1/epoch/key-rotation-info') {
      response.end(JSON.stringify(keyRotationInfo()));
      return;
    }
    if (url.pathname === '/v1/nym-nodes/rewarded-set') {
      response.end(JSON.stringify(rewardedSet(nodes)));
      return;
    }
    if (!selected) {
      response.statusCode = 404;
      response.end(JSON.stringify({ message: `fake nym-api does not serve ${url.pathname}` }));
      return;
    }
    response.end(JSON.stringify(page(selected)));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        requests,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
