import {
  KeyRotation,
  NodeAddressError,
  PacketType,
  encodeUnpaddedNodeAddress,
  packetSizeByLength,
  readNodeAddress,
  type KeyRotationValue,
  type PacketTypeValue,
  type SocketAddress,
} from '@nymts/node-common';
import { concatBytes } from '../crypto/bytes';
import { ProtocolError } from './errors';

// The plaintext of a `ForwardSphinx` frame: the packet and the first hop it goes to
// (Nym's `MixPacket`, `common/nymsphinx/forwarding/src/packet.rs`).
//   v1: PACKET_TYPE (1) ‖ NEXT_HOP (7 or 19) ‖ PACKET
//   v2: PACKET_TYPE (1) ‖ KEY_ROTATION (1) ‖ NEXT_HOP (7 or 19) ‖ PACKET

export interface MixPacket {
  /** Sphinx only: Outfox (2) is not carried. */
  packetType: PacketTypeValue;
  keyRotation: KeyRotationValue;
  nextHop: SocketAddress;
  packet: Uint8Array;
}

function malformed(message: string, meta: Record<string, unknown> = {}): ProtocolError {
  return new ProtocolError('malformed-message', message, 'reject', meta);
}

function checkPacketSize(packet: Uint8Array): void {
  if (packetSizeByLength(packet.length) === undefined) {
    throw malformed(`Sphinx packet of ${packet.length} bytes has no valid packet size`, {
      size: packet.length,
    });
  }
}

function readNextHop(bytes: Uint8Array): { address: SocketAddress; length: number } {
  try {
    return readNodeAddress(bytes);
  } catch (error) {
    if (error instanceof NodeAddressError) throw malformed(`next hop: ${error.message}`, error.details);
    throw error;
  }
}

export function decodeMixPacket(bytes: Uint8Array, withKeyRotation: boolean): MixPacket {
  const headerLength = withKeyRotation ? 2 : 1;
  if (bytes.length <= headerLength) throw malformed('mix packet is truncated');
  const packetType = bytes[0];
  if (packetType !== PacketType.mix) {
    throw malformed(`packet type ${packetType} is not supported (only Sphinx, type 0)`, { packetType });
  }
  const rotation = withKeyRotation ? (bytes[1] as number) : KeyRotation.unknown;
  if (rotation !== KeyRotation.unknown && rotation !== KeyRotation.odd && rotation !== KeyRotation.even) {
    throw malformed(`unknown key rotation ${rotation}`);
  }
  const { address, length } = readNextHop(bytes.subarray(headerLength));
  const packet = bytes.slice(headerLength + length);
  checkPacketSize(packet);
  return { packetType, keyRotation: rotation, nextHop: address, packet };
}

export function encodeMixPacket(mixPacket: MixPacket, withKeyRotation: boolean): Uint8Array {
  const header = withKeyRotation
    ? Uint8Array.of(mixPacket.packetType, mixPacket.keyRotation)
    : Uint8Array.of(mixPacket.packetType);
  return concatBytes(header, encodeUnpaddedNodeAddress(mixPacket.nextHop), mixPacket.packet);
}
