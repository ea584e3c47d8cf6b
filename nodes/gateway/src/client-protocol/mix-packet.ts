import { concatBytes } from '../crypto/bytes';
import { ProtocolError } from './errors';

// The plaintext of a `ForwardSphinx` frame: the packet and the first hop it goes to
// (Nym's `MixPacket`, `common/nymsphinx/forwarding/src/packet.rs`).
//   v1: PACKET_TYPE (1) ‖ NEXT_HOP (7 or 19) ‖ PACKET
//   v2: PACKET_TYPE (1) ‖ KEY_ROTATION (1) ‖ NEXT_HOP (7 or 19) ‖ PACKET

export const PacketType = { mix: 0, outfox: 2 } as const;

/** Which of a node's two Sphinx keys the packet was built for (parity of the rotation id). */
export const KeyRotation = { unknown: 0, odd: 1, even: 2 } as const;
export type KeyRotation = (typeof KeyRotation)[keyof typeof KeyRotation];

/** Sphinx sizes of `nym-sphinx-params` `PacketSize` (regular, ack, extended 8/16/32 KiB). */
export const SPHINX_PACKET_SIZES = [2413, 386, 8557, 16749, 33133] as const;

export interface NodeAddress {
  host: string;
  port: number;
}

export interface MixPacket {
  packetType: number;
  keyRotation: KeyRotation;
  nextHop: NodeAddress;
  packet: Uint8Array;
}

function malformed(message: string, meta: Record<string, unknown> = {}): ProtocolError {
  return new ProtocolError('malformed-message', message, 'reject', meta);
}

/** `4|6 ‖ port (u16 BE) ‖ IPv4 (4) | IPv6 (16)`, Nym's unpadded `NymNodeRoutingAddress`. */
export function encodeNodeAddress(address: NodeAddress): Uint8Array {
  const port = Uint8Array.of(address.port >> 8, address.port & 0xff);
  if (/^\d+\.\d+\.\d+\.\d+$/.test(address.host)) {
    return concatBytes(Uint8Array.of(4), port, Uint8Array.from(address.host.split('.').map(Number)));
  }
  const groups = expandIpv6(address.host);
  const ip = new Uint8Array(16);
  groups.forEach((group, index) => {
    ip[index * 2] = group >> 8;
    ip[index * 2 + 1] = group & 0xff;
  });
  return concatBytes(Uint8Array.of(6), port, ip);
}

function expandIpv6(host: string): number[] {
  const [head, tail] = host.includes('::') ? host.split('::') : [host, undefined];
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((group) => parseInt(group, 16)) : [];
  const left = parse(head);
  const right = parse(tail);
  const groups =
    tail === undefined
      ? left
      : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  if (
    groups.length !== 8 ||
    groups.some((group) => !Number.isInteger(group) || group < 0 || group > 0xffff)
  ) {
    throw new RangeError(`not an IPv4 or IPv6 address: ${host}`);
  }
  return groups;
}

export function decodeNodeAddress(bytes: Uint8Array): { address: NodeAddress; length: number } {
  const version = bytes[0];
  const ipLength = version === 4 ? 4 : version === 6 ? 16 : undefined;
  if (ipLength === undefined) throw malformed(`node address has unknown IP version tag ${version}`);
  if (bytes.length < 3 + ipLength) throw malformed('node address is truncated');
  const port = (bytes[1] << 8) | bytes[2];
  const ip = bytes.subarray(3, 3 + ipLength);
  const host =
    version === 4
      ? Array.from(ip).join('.')
      : Array.from({ length: 8 }, (_, index) => ((ip[index * 2] << 8) | ip[index * 2 + 1]).toString(16)).join(
          ':',
        );
  return { address: { host, port }, length: 3 + ipLength };
}

function checkPacketSize(packetType: number, packet: Uint8Array): void {
  if (packetType !== PacketType.mix) {
    throw malformed(`packet type ${packetType} is not supported (only Sphinx, type 0)`, { packetType });
  }
  if (!(SPHINX_PACKET_SIZES as readonly number[]).includes(packet.length)) {
    throw malformed(`Sphinx packet of ${packet.length} bytes has no valid packet size`, {
      size: packet.length,
    });
  }
}

export function decodeMixPacket(bytes: Uint8Array, withKeyRotation: boolean): MixPacket {
  const headerLength = withKeyRotation ? 2 : 1;
  if (bytes.length <= headerLength) throw malformed('mix packet is truncated');
  const packetType = bytes[0];
  const rotation = withKeyRotation ? bytes[1] : KeyRotation.unknown;
  if (rotation !== KeyRotation.unknown && rotation !== KeyRotation.odd && rotation !== KeyRotation.even) {
    throw malformed(`unknown key rotation ${rotation}`);
  }
  const { address, length } = decodeNodeAddress(bytes.subarray(headerLength));
  const packet = bytes.slice(headerLength + length);
  checkPacketSize(packetType, packet);
  return { packetType, keyRotation: rotation as KeyRotation, nextHop: address, packet };
}

export function encodeMixPacket(mixPacket: MixPacket, withKeyRotation: boolean): Uint8Array {
  const header = withKeyRotation
    ? Uint8Array.of(mixPacket.packetType, mixPacket.keyRotation)
    : Uint8Array.of(mixPacket.packetType);
  return concatBytes(header, encodeNodeAddress(mixPacket.nextHop), mixPacket.packet);
}
