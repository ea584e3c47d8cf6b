// What a frame header says about its packet: the size tag (looked up in @nymts/sphinx's
// PACKET_SIZES, the one table of Nym's sizes), the packet type and the key-rotation marker
// (nym-sphinx-params: packet_types.rs, key_rotation.rs; shared/reference/nym-platform.md §1.6–1.8).
import { PACKET_SIZES, type PacketSizeName } from '@nymts/sphinx';

/** Size tags 6 and 7 name Outfox packets, a different format this implementation does not carry. */
export const OUTFOX_SIZE_TAGS: readonly number[] = [6, 7];

const SIZES = Object.values(PACKET_SIZES);
const NAME_BY_TAG = new Map<number, PacketSizeName>(SIZES.map((size) => [size.tag, size.name]));
const NAME_BY_LENGTH = new Map<number, PacketSizeName>(SIZES.map((size) => [size.totalSize, size.name]));

export function packetSizeByTag(tag: number): PacketSizeName | undefined {
  return NAME_BY_TAG.get(tag);
}

/** The size whose packets are exactly `length` bytes long, if any. */
export function packetSizeByLength(length: number): PacketSizeName | undefined {
  return NAME_BY_LENGTH.get(length);
}

/** Mix = 0; 1 is Nym's deprecated "Vpn" mode, still Sphinx; 2 is Outfox. */
export const PacketType = { mix: 0, vpn: 1, outfox: 2 } as const;
export type PacketTypeValue = (typeof PacketType)[keyof typeof PacketType];

/**
 * Which of a node's two Sphinx keys a packet was built for: the parity of the key rotation id,
 * or unknown for frames older than v8.
 */
export const KeyRotation = { unknown: 0, odd: 1, even: 2 } as const;
export type KeyRotationValue = (typeof KeyRotation)[keyof typeof KeyRotation];

export function keyRotationOf(rotationId: number): KeyRotationValue {
  return rotationId % 2 === 0 ? KeyRotation.even : KeyRotation.odd;
}
