import { DEFAULT_SPHINX_VERSION, PACKET_SIZES, processPacket, type ProcessedPacket } from '@nymts/sphinx';
import { type Recipient } from '../src/address/recipient';
import { equalBytes } from '../src/bytes';
import { decodeFragment, encodeFragment } from '../src/chunking/fragment';
import {
  ACK_OVERHEAD,
  FRAGMENT_SPACE,
  MAX_NODE_ADDRESS_UNPADDED_LEN,
  RECEIVED_MESSAGE_SIZE,
} from '../src/constants';
import { openAckIdentifier } from '../src/crypto/ack-identifier';
import { replyKeyDigest } from '../src/crypto/packet-encryption';
import { createClientCrypto } from '../src/crypto/primitives';
import { ClientError } from '../src/errors';
import { clientAddress, generateClientKeys, type ClientKeys } from '../src/keys';
import type { PacketContext } from '../src/packets/context';
import { prepareLoopCover, prepareRegularFragment, prepareReplyFragment } from '../src/packets/prepare';
import { openReceived } from '../src/packets/receive';
import { createReplySurbs } from '../src/replies/create-surbs';
import { createManualClock } from './support/manual-clock';
import { createSeededRng } from './support/seeded-rng';
import { TestNetwork } from './support/test-network';

jest.setTimeout(30_000);

const rng = createSeededRng('packets');
const crypto = createClientCrypto();
const network = new TestNetwork(createManualClock(), rng, { perLayer: 1 });

/** Unwraps at each hop with that node's key, as the mixnet would. */
function travel(packet: Uint8Array, firstHop: Uint8Array) {
  const hops: ProcessedPacket[] = [];
  let at = firstHop;
  for (let current = packet; ;) {
    const result = processPacket(current, network.privateKeyOf(at));
    hops.push(result);
    if (result.kind === 'final') return { hops, final: result, finalNode: network.nameOf(at) };
    at = result.nextHop;
    current = result.packet;
  }
}

function party(seed: string, gateway: number): { keys: ClientKeys; address: Recipient; ctx: PacketContext } {
  const keys = generateClientKeys(createSeededRng(seed).randomBytes);
  const address = clientAddress(keys, network.gateway(gateway).identity);
  const ctx: PacketContext = {
    crypto,
    rng,
    self: address,
    ackKey: keys.ackKey,
    topology: network.topology,
    averagePacketDelayMs: 15,
    averageAckDelayMs: 15,
    sphinxVersion: DEFAULT_SPHINX_VERSION,
  };
  return { keys, address, ctx };
}

const alice = party('alice', 0);
const bob = party('bob', 1);
const fragment = encodeFragment({
  setId: 77,
  total: 1,
  position: 1,
  payload: rng.randomBytes(FRAGMENT_SPACE - 7),
});
const fragmentId = { setId: 77, position: 1 };
const delaysOf = (hops: ProcessedPacket[]) =>
  hops.reduce((sum, hop) => sum + (hop.kind === 'forward' ? Number(hop.delayNanos) / 1e6 : 0), 0);

describe('the regular payload and its SURB-ACK', () => {
  const prepared = prepareRegularFragment(alice.ctx, bob.address, fragmentId, fragment);
  const { hops, final, finalNode } = travel(prepared.packet, prepared.firstHop);

  it("goes through one mix per layer to the recipient's gateway, addressed to the recipient", () => {
    expect(prepared.packet).toHaveLength(PACKET_SIZES.regular.totalSize);
    expect(hops.map((hop) => hop.kind)).toEqual(['forward', 'forward', 'forward', 'final']);
    expect(network.nameOf(prepared.firstHop)).toBe('mix-1.0');
    expect(finalNode).toBe('gateway-1');
    expect(final.destination).toEqual(bob.address.identity);
  });

  it("is built in Sphinx version 259, as Nym's current clients build, and so is its SURB-ACK", () => {
    expect(DEFAULT_SPHINX_VERSION).toBe(259);
    const ackHop = new Uint8Array(32);
    ackHop.set(final.payload.subarray(0, MAX_NODE_ADDRESS_UNPADDED_LEN));
    const ack = travel(final.payload.slice(MAX_NODE_ADDRESS_UNPADDED_LEN, ACK_OVERHEAD), ackHop);
    expect([...hops, ...ack.hops].map((hop) => hop.version)).toEqual(new Array(8).fill(259));
  });

  it('carries ack first hop (19) ‖ ack packet (386) ‖ ephemeral key (32) ‖ encrypted fragment (1611)', () => {
    expect(final.payload).toHaveLength(2048);
    const ackHop = new Uint8Array(32);
    ackHop.set(final.payload.subarray(0, MAX_NODE_ADDRESS_UNPADDED_LEN));
    expect(network.nameOf(ackHop)).toBe('mix-1.0');
    const ack = travel(final.payload.slice(MAX_NODE_ADDRESS_UNPADDED_LEN, ACK_OVERHEAD), ackHop);
    expect(ack.finalNode).toBe('gateway-0');
    expect(ack.final.destination).toEqual(alice.address.identity);
    expect(openAckIdentifier(crypto, alice.keys.ackKey, ack.final.payload)).toEqual(fragmentId);
    expect(prepared.roundTripDelayMs).toBeCloseTo(delaysOf(hops) + delaysOf(ack.hops), 6);
  });

  it('opens at the recipient into the fragment, and nowhere else', () => {
    const received = final.payload.slice(ACK_OVERHEAD);
    expect(received).toHaveLength(RECEIVED_MESSAGE_SIZE);
    const opened = openReceived(
      {
        crypto,
        ackKey: bob.keys.ackKey,
        encryptionPrivateKey: bob.keys.encryptionPrivateKey,
        takeReplyKey: () => undefined,
      },
      received,
    );
    expect(opened).toEqual({ kind: 'fragment', fragment: decodeFragment(fragment), isReply: false });
    let intercepted: unknown;
    try {
      intercepted = openReceived(
        {
          crypto,
          ackKey: alice.keys.ackKey,
          encryptionPrivateKey: alice.keys.encryptionPrivateKey,
          takeReplyKey: () => undefined,
        },
        received,
      );
    } catch (error) {
      expect(error).toBeInstanceOf(ClientError);
    }
    expect(intercepted).not.toEqual(opened);
  });
});

describe('replies through a SURB', () => {
  it("reach the SURB's creator, who finds the reply key by its digest", () => {
    const [surb] = createReplySurbs(alice.ctx, 1);
    const prepared = prepareReplyFragment(bob.ctx, surb!, fragmentId, fragment);
    expect(prepared.packet).toHaveLength(PACKET_SIZES.regular.totalSize);
    const { final, finalNode } = travel(prepared.packet, prepared.firstHop);
    expect(finalNode).toBe('gateway-0');
    expect(final.destination).toEqual(alice.address.identity);
    const received = final.payload.slice(ACK_OVERHEAD);
    const digest = replyKeyDigest(crypto, surb!.replyKey);
    expect(received.subarray(0, 32)).toEqual(digest);
    const opened = openReceived(
      {
        crypto,
        ackKey: alice.keys.ackKey,
        encryptionPrivateKey: alice.keys.encryptionPrivateKey,
        takeReplyKey: (candidate) => (equalBytes(candidate, digest) ? surb!.replyKey : undefined),
      },
      received,
    );
    expect(opened).toEqual({ kind: 'fragment', fragment: decodeFragment(fragment), isReply: true });
    // The ack of a reply goes to the replier.
    const ackHop = new Uint8Array(32);
    ackHop.set(final.payload.subarray(0, MAX_NODE_ADDRESS_UNPADDED_LEN));
    const ack = travel(final.payload.slice(MAX_NODE_ADDRESS_UNPADDED_LEN, ACK_OVERHEAD), ackHop);
    expect(ack.final.destination).toEqual(bob.address.identity);
  });
});

describe('loop cover packets', () => {
  it('look like real packets on the wire and come back to us as cover', () => {
    const cover = prepareLoopCover(alice.ctx);
    expect(cover.packet).toHaveLength(PACKET_SIZES.regular.totalSize);
    const { final, finalNode } = travel(cover.packet, cover.firstHop);
    expect(finalNode).toBe('gateway-0');
    const opened = openReceived(
      {
        crypto,
        ackKey: alice.keys.ackKey,
        encryptionPrivateKey: alice.keys.encryptionPrivateKey,
        takeReplyKey: () => undefined,
      },
      final.payload.slice(ACK_OVERHEAD),
    );
    expect(opened).toEqual({ kind: 'cover' });
    const ackHop = new Uint8Array(32);
    ackHop.set(final.payload.subarray(0, MAX_NODE_ADDRESS_UNPADDED_LEN));
    const ack = travel(final.payload.slice(MAX_NODE_ADDRESS_UNPADDED_LEN, ACK_OVERHEAD), ackHop);
    expect(openAckIdentifier(crypto, alice.keys.ackKey, ack.final.payload)).toEqual({
      setId: 0,
      position: 0,
    });
  });
});

describe('what the gateway pushes', () => {
  it('drops payloads of unexpected sizes and acks that do not decrypt to an id', () => {
    const keys = {
      crypto,
      ackKey: alice.keys.ackKey,
      encryptionPrivateKey: alice.keys.encryptionPrivateKey,
      takeReplyKey: () => undefined,
    };
    for (const size of [0, 20, 22, 1642, 1644, 2048]) {
      expect(() => openReceived(keys, new Uint8Array(size))).toThrow(/unexpected/);
    }
    let drops = 0;
    for (let i = 0; i < 50; i++) {
      try {
        const result = openReceived(keys, rng.randomBytes(21));
        expect(result.kind).toBe('ack');
      } catch (error) {
        expect(error).toBeInstanceOf(ClientError);
        drops++;
      }
    }
    expect(drops).toBeGreaterThan(0);
  });
});
