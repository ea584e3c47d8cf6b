import { ed25519 } from '@noble/curves/ed25519';
import { generateSphinxKeyPair, processPacket } from '@nymts/sphinx';
import { AsyncQueue } from '../../src/async-queue';
import { ACK_OVERHEAD, ACK_PLAINTEXT_SIZE, MAX_NODE_ADDRESS_UNPADDED_LEN } from '../../src/constants';
import type { GatewayConnection, GatewayConnector } from '../../src/gateway/connection';
import type { Rng } from '../../src/runtime';
import { encodeNodeAddress } from '@nymts/node-common';
import type { GatewayNode, MixLayer, MixNode, Topology, TopologyProvider } from '../../src/topology/topology';
import type { ManualClock } from './manual-clock';

// Test-only: an in-process mixnet. Every hop runs the real @nymts/sphinx `processPacket` with its
// own key and holds the packet for the delay the header names (on the manual clock); gateways act
// as Nym's do at the last hop: split off the SURB-ACK and send it on at once, hand the rest to the
// client, or keep it until the client connects. Only the transport is fake: real mix nodes and
// gateways over TCP replace it after the merges.

interface Hop {
  kind: 'mix' | 'gateway';
  name: string;
  privateKey: Uint8Array;
  node: MixNode | GatewayNode;
}

export interface LinkRecord {
  to: string;
  size: number;
  atMs: number;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

export class TestNetwork {
  readonly topology: Topology = { mixnodes: [], gateways: [] };
  readonly provider: TopologyProvider = { fetch: async () => structuredClone(this.topology) };
  /** Every packet that crossed a link, with its size. */
  readonly links: LinkRecord[] = [];
  dropped = 0;
  private readonly hops = new Map<string, Hop>();
  private readonly killed = new Set<string>();
  private readonly connections = new Map<string, AsyncQueue<Uint8Array>>();
  private readonly inboxes = new Map<string, Uint8Array[]>();
  private dropRule: (to: string, size: number) => boolean = () => false;

  constructor(
    private readonly clock: ManualClock,
    rng: Rng,
    layout: { perLayer?: number; gateways?: number } = {},
  ) {
    let port = 2000;
    for (const layer of [1, 2, 3] as MixLayer[]) {
      for (let i = 0; i < (layout.perLayer ?? 2); i++) {
        const { node, privateKey } = this.makeNode(rng, port++);
        this.addHop('mix', `mix-${layer}.${i}`, privateKey, { ...node, layer });
      }
    }
    for (let i = 0; i < (layout.gateways ?? 2); i++) {
      const { node, privateKey } = this.makeNode(rng, port++);
      this.addHop('gateway', `gateway-${i}`, privateKey, { ...node, clientsPort: 9000 + i });
    }
  }

  private makeNode(rng: Rng, port: number) {
    const sphinx = generateSphinxKeyPair((n) => rng.randomBytes(n));
    const node = {
      identity: ed25519.getPublicKey(rng.randomBytes(32)),
      sphinxKey: sphinx.publicKey,
      host: '127.0.0.1',
      mixPort: port,
      address: encodeNodeAddress({ host: '127.0.0.1', port }),
      performance: 1,
    };
    return { node, privateKey: sphinx.privateKey };
  }

  private addHop(kind: Hop['kind'], name: string, privateKey: Uint8Array, node: MixNode | GatewayNode) {
    this.hops.set(hex(node.address), { kind, name, privateKey, node });
    if (kind === 'mix') this.topology.mixnodes.push(node as MixNode);
    else this.topology.gateways.push(node as GatewayNode);
  }

  gateway(index: number): GatewayNode {
    return this.topology.gateways[index] as GatewayNode;
  }

  mix(layer: MixLayer, index: number): MixNode {
    return this.topology.mixnodes.filter((node) => node.layer === layer)[index] as MixNode;
  }

  privateKeyOf(address: Uint8Array): Uint8Array {
    const hop = this.hops.get(hex(address));
    if (hop === undefined) throw new Error('no such node');
    return hop.privateKey;
  }

  nameOf(address: Uint8Array): string {
    return this.hops.get(hex(address))?.name ?? 'unknown';
  }

  /** Packets to this node vanish from now on, as if it crashed. */
  kill(address: Uint8Array): void {
    this.killed.add(hex(address));
  }

  revive(address: Uint8Array): void {
    this.killed.delete(hex(address));
  }

  /** Drops packets for which `rule(node name, size)` is true. */
  dropWhen(rule: (to: string, size: number) => boolean): void {
    this.dropRule = rule;
  }

  /** The connector of the client whose identity is `clientIdentity` (where its messages go). */
  connector(clientIdentity: Uint8Array): GatewayConnector {
    return async () => this.connect(clientIdentity);
  }

  private connect(clientIdentity: Uint8Array): GatewayConnection {
    const key = hex(clientIdentity);
    this.connections.get(key)?.close();
    const queue = new AsyncQueue<Uint8Array>(Number.MAX_SAFE_INTEGER);
    this.connections.set(key, queue);
    for (const stored of this.inboxes.get(key)?.splice(0) ?? []) queue.push(stored);
    return {
      send: async ({ firstHop, packet }) => {
        if (this.connections.get(key) !== queue) throw new Error('connection closed');
        // The entry gateway forwards client packets unchanged to the first mix.
        this.record(firstHop, packet.length);
        this.arrive(firstHop, packet);
      },
      messages: () => queue.iterate(),
      close: async () => {
        if (this.connections.get(key) === queue) this.connections.delete(key);
        queue.close();
      },
    };
  }

  /** Cuts a client off, as a gateway crash would; its messages wait in the gateway's inbox. */
  disconnect(clientIdentity: Uint8Array): void {
    const key = hex(clientIdentity);
    this.connections.get(key)?.close();
    this.connections.delete(key);
  }

  isConnected(clientIdentity: Uint8Array): boolean {
    return this.connections.has(hex(clientIdentity));
  }

  private record(to: Uint8Array, size: number) {
    this.links.push({ to: this.nameOf(to), size, atMs: this.clock.now() });
  }

  private arrive(address: Uint8Array, packet: Uint8Array): void {
    const hop = this.hops.get(hex(address));
    if (hop === undefined || this.killed.has(hex(address)) || this.dropRule(hop.name, packet.length)) {
      this.dropped += 1;
      return;
    }
    const result = processPacket(packet, hop.privateKey);
    if (result.kind === 'forward') {
      const delayMs = Number(result.delayNanos) / 1e6;
      this.clock.setTimer(delayMs, () => {
        this.record(result.nextHop, result.packet.length);
        this.arrive(result.nextHop, result.packet);
      });
      return;
    }
    if (hop.kind !== 'gateway') throw new Error(`${hop.name} is a mix but was the last hop`);
    const payload = result.payload;
    if (payload.length === ACK_PLAINTEXT_SIZE) {
      this.deliver(result.destination, payload);
      return;
    }
    // Nym's final hop: the SURB-ACK goes on at once, the rest is for the client.
    const ackHop = new Uint8Array(32);
    ackHop.set(payload.subarray(0, MAX_NODE_ADDRESS_UNPADDED_LEN));
    const ackPacket = payload.slice(MAX_NODE_ADDRESS_UNPADDED_LEN, ACK_OVERHEAD);
    this.record(ackHop, ackPacket.length);
    this.arrive(ackHop, ackPacket);
    this.deliver(result.destination, payload.slice(ACK_OVERHEAD));
  }

  private deliver(clientIdentity: Uint8Array, message: Uint8Array) {
    const key = hex(clientIdentity);
    const connection = this.connections.get(key);
    if (connection !== undefined) {
      connection.push(message);
      return;
    }
    const inbox = this.inboxes.get(key) ?? [];
    inbox.push(message);
    this.inboxes.set(key, inbox);
  }
}
