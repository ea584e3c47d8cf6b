// The header in front of every packet on a node-to-node TCP link, in Nym's three forms
// (nym-sphinx-framing; shared/reference/nym-platform.md §1.7):
//   legacy  size ‖ type                      (first byte 1–6 is a size tag)
//   v7      7 ‖ size ‖ type
//   v8      8 ‖ size ‖ type ‖ key_rotation
// The packet follows, its length implied by the size tag.
import { PACKET_SIZES, type PacketSizeName } from '@nymts/sphinx';
import { FrameError } from './frame-error';
import {
  KeyRotation,
  OUTFOX_SIZE_TAGS,
  PacketType,
  packetSizeByTag,
  type KeyRotationValue,
  type PacketTypeValue,
} from './packet-size';

export const FRAME_VERSIONS = ['legacy', 'v7', 'v8'] as const;
export type FrameVersion = (typeof FRAME_VERSIONS)[number];

const VERSION_BYTE = { v7: 7, v8: 8 } as const;
const HEADER_LENGTH: Record<FrameVersion, number> = { legacy: 2, v7: 3, v8: 4 };

export interface FrameHeader {
  version: FrameVersion;
  packetSize: PacketSizeName;
  packetType: PacketTypeValue;
  /** `unknown` for legacy and v7 frames, which predate the marker. */
  keyRotation: KeyRotationValue;
}

export type HeaderDecodeResult =
  | { kind: 'incomplete' }
  | { kind: 'header'; header: FrameHeader; headerLength: number; packetLength: number }
  | { kind: 'invalid'; error: FrameError };

function versionOf(firstByte: number): FrameVersion | FrameError {
  if (firstByte === VERSION_BYTE.v7) return 'v7';
  if (firstByte === VERSION_BYTE.v8) return 'v8';
  // Versions start at 7 precisely so that a legacy size tag (1–6) cannot be mistaken for one.
  if (firstByte >= 1 && firstByte < VERSION_BYTE.v7) return 'legacy';
  return new FrameError('unknown_frame_version', `unknown frame version byte ${firstByte}`, {
    byte: firstByte,
  });
}

function sizeOf(tag: number): PacketSizeName | FrameError {
  const name = packetSizeByTag(tag);
  if (name !== undefined) return name;
  if (OUTFOX_SIZE_TAGS.includes(tag)) {
    return new FrameError('unsupported_packet_size', `packet size tag ${tag} is Outfox, not carried here`, {
      tag,
    });
  }
  return new FrameError('unknown_packet_size', `unknown packet size tag ${tag}`, { tag });
}

function typeOf(byte: number): PacketTypeValue | FrameError {
  if (byte === PacketType.mix || byte === PacketType.vpn) return byte;
  if (byte === PacketType.outfox) {
    return new FrameError('unsupported_packet_type', 'Outfox packets are not carried here', { byte });
  }
  return new FrameError('unknown_packet_type', `unknown packet type ${byte}`, { byte });
}

function rotationOf(byte: number): KeyRotationValue | FrameError {
  if (byte === KeyRotation.unknown || byte === KeyRotation.odd || byte === KeyRotation.even) return byte;
  return new FrameError('unknown_key_rotation', `unknown key rotation marker ${byte}`, { byte });
}

/** Reads the header at `offset`, if enough bytes are there. Never throws. */
export function decodeFrameHeader(bytes: Uint8Array, offset = 0): HeaderDecodeResult {
  if (bytes.length <= offset) return { kind: 'incomplete' };
  const version = versionOf(bytes[offset] as number);
  if (version instanceof FrameError) return { kind: 'invalid', error: version };
  const headerLength = HEADER_LENGTH[version];
  if (bytes.length - offset < headerLength) return { kind: 'incomplete' };
  const fieldsAt = version === 'legacy' ? offset : offset + 1;
  const packetSize = sizeOf(bytes[fieldsAt] as number);
  if (packetSize instanceof FrameError) return { kind: 'invalid', error: packetSize };
  const packetType = typeOf(bytes[fieldsAt + 1] as number);
  if (packetType instanceof FrameError) return { kind: 'invalid', error: packetType };
  const keyRotation = version === 'v8' ? rotationOf(bytes[fieldsAt + 2] as number) : KeyRotation.unknown;
  if (keyRotation instanceof FrameError) return { kind: 'invalid', error: keyRotation };
  return {
    kind: 'header',
    header: { version, packetSize, packetType, keyRotation },
    headerLength,
    packetLength: PACKET_SIZES[packetSize].totalSize,
  };
}

/** Writes the header for `header` into `target` at `offset`; returns the header length. */
export function writeFrameHeader(header: FrameHeader, target: Uint8Array, offset = 0): number {
  const tag = PACKET_SIZES[header.packetSize].tag;
  switch (header.version) {
    case 'legacy':
      target[offset] = tag;
      target[offset + 1] = header.packetType;
      break;
    case 'v7':
      target[offset] = VERSION_BYTE.v7;
      target[offset + 1] = tag;
      target[offset + 2] = header.packetType;
      break;
    case 'v8':
      target[offset] = VERSION_BYTE.v8;
      target[offset + 1] = tag;
      target[offset + 2] = header.packetType;
      target[offset + 3] = header.keyRotation;
      break;
  }
  return HEADER_LENGTH[header.version];
}

export function frameHeaderLength(version: FrameVersion): number {
  return HEADER_LENGTH[version];
}
