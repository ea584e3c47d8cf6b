// TEST ONLY — never wired into anything a user runs. A deterministic stand-in for Sphinx with
// the same shape: fixed packet sizes, one routing layer per hop naming the hop's key, a per-hop
// delay, a checksum that catches any damage, and a replay tag that is the same for the same
// packet at the same hop. It has no cryptography: it exists so the mix node's pipeline can be
// tested and benchmarked before @nymts/sphinx lands, and costs next to nothing to run.
//
// Layout: "NTSP" ‖ hops left (1) ‖ 5 × layer (61) ‖ message length (u32) ‖ message ‖ zeros ‖
// checksum (16, SHA-256 of all before). Layer: key check (4, SHA-256 of the hop's public key)
// ‖ flag (1: forward, 2: final) ‖ next hop or destination (32) ‖ delay ns (u64 BE) ‖ SURB id (16).
import { createHash } from 'node:crypto';
import {
  PACKET_SIZES,
  keyPairFromPrivateBytes,
  packetSizeByLength,
  type PacketSizeName,
} from '@nymts/node-common';
import type { PacketProcessor, ProcessResult, ProcessorModule } from '../../src';

const MAGIC = Buffer.from('NTSP', 'ascii');
const MAX_HOPS = 5;
const LAYER = 61;
const LAYERS_AT = 5;
const MESSAGE_AT = LAYERS_AT + MAX_HOPS * LAYER;
const CHECKSUM = 16;
const FORWARD = 1;
const FINAL = 2;

function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function keyCheck(publicKey: Uint8Array): Buffer {
  return sha256(publicKey).subarray(0, 4);
}

const checksByPrivateKey = new Map<string, Buffer>();
function keyCheckOfPrivate(privateKey: Uint8Array): Buffer {
  const id = Buffer.from(privateKey).toString('hex');
  let check = checksByPrivateKey.get(id);
  if (check === undefined) {
    check = keyCheck(keyPairFromPrivateBytes('x25519', privateKey).publicKeyBytes);
    checksByPrivateKey.set(id, check);
  }
  return check;
}

function seal(packet: Buffer): Buffer {
  sha256(packet.subarray(0, packet.length - CHECKSUM)).copy(packet, packet.length - CHECKSUM, 0, CHECKSUM);
  return packet;
}

export interface ForwardPacketSpec {
  route: Array<{ address: Uint8Array; publicKey: Uint8Array }>;
  destination: Uint8Array;
  delaysNanos: bigint[];
  message: Uint8Array;
  packetSize?: PacketSizeName;
  surbId?: Uint8Array;
}

/** Builds a packet for `route` whose last hop finds `destination` and `message`. */
export function createTestPacket(spec: ForwardPacketSpec): Uint8Array {
  const hops = spec.route.length;
  if (hops < 1 || hops > MAX_HOPS) throw new RangeError(`a route has 1–${MAX_HOPS} hops, got ${hops}`);
  if (spec.delaysNanos.length !== hops) throw new RangeError('one delay per hop');
  const size = PACKET_SIZES[spec.packetSize ?? 'regular'].bytes;
  if (spec.message.length > size - MESSAGE_AT - 4 - CHECKSUM)
    throw new RangeError('message too long for the packet size');
  const packet = Buffer.alloc(size);
  MAGIC.copy(packet, 0);
  packet[4] = hops;
  spec.route.forEach((hop, index) => {
    const at = LAYERS_AT + index * LAYER;
    keyCheck(hop.publicKey).copy(packet, at);
    const last = index === hops - 1;
    packet[at + 4] = last ? FINAL : FORWARD;
    packet.set(last ? spec.destination : (spec.route[index + 1] as { address: Uint8Array }).address, at + 5);
    packet.writeBigUInt64BE(spec.delaysNanos[index] as bigint, at + 37);
    if (last && spec.surbId) packet.set(spec.surbId, at + 45);
  });
  packet.writeUInt32BE(spec.message.length, MESSAGE_AT);
  packet.set(spec.message, MESSAGE_AT + 4);
  return new Uint8Array(seal(packet));
}

function invalid(code: string, message: string): ProcessResult {
  return { kind: 'invalid', code, message };
}

export const testProcessor: PacketProcessor = {
  process(input, privateKey) {
    const packet = Buffer.from(input.buffer, input.byteOffset, input.length);
    if (packetSizeByLength(packet.length) === undefined)
      return invalid('bad_length', `${packet.length} is no packet size`);
    if (!packet.subarray(0, 4).equals(MAGIC)) return invalid('bad_magic', 'not a test packet');
    const body = packet.subarray(0, packet.length - CHECKSUM);
    if (!sha256(body).subarray(0, CHECKSUM).equals(packet.subarray(body.length)))
      return invalid('bad_checksum', 'packet damaged');
    const hops = packet[4] as number;
    if (hops < 1 || hops > MAX_HOPS) return invalid('bad_hop_count', `${hops} hops left`);
    if (!packet.subarray(LAYERS_AT, LAYERS_AT + 4).equals(keyCheckOfPrivate(privateKey))) {
      return invalid('wrong_key', 'the layer is for another key');
    }
    const replayTag = new Uint8Array(sha256(Buffer.from('replay'), packet));
    const flag = packet[LAYERS_AT + 4];
    const address = new Uint8Array(packet.subarray(LAYERS_AT + 5, LAYERS_AT + 37));
    if (flag === FINAL) {
      const length = packet.readUInt32BE(MESSAGE_AT);
      if (MESSAGE_AT + 4 + length > body.length) return invalid('bad_length', 'message overruns the packet');
      return {
        kind: 'final',
        destination: address,
        surbId: new Uint8Array(packet.subarray(LAYERS_AT + 45, LAYERS_AT + 61)),
        payload: new Uint8Array(packet.subarray(MESSAGE_AT + 4, MESSAGE_AT + 4 + length)),
        replayTag,
        version: 0,
      };
    }
    if (flag !== FORWARD || hops < 2) return invalid('bad_flag', `layer flag ${String(flag)}`);
    const next = Buffer.alloc(packet.length);
    packet.copy(next, 0, 0, LAYERS_AT);
    next[4] = hops - 1;
    packet.copy(next, LAYERS_AT, LAYERS_AT + LAYER, MESSAGE_AT);
    packet.copy(next, MESSAGE_AT, MESSAGE_AT, body.length);
    return {
      kind: 'forward',
      nextHop: address,
      delayNanos: packet.readBigUInt64BE(LAYERS_AT + 37),
      packet: new Uint8Array(seal(next).buffer, next.byteOffset, next.length),
      replayTag,
      version: 0,
    };
  },
};

export const TEST_PROCESSOR: ProcessorModule = { module: __filename, exportName: 'testProcessor' };
