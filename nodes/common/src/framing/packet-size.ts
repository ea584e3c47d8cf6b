// Nym's packet sizes, packet types and key-rotation markers as they appear in a frame header
// (nym-sphinx-params: packet_sizes.rs, packet_types.rs, key_rotation.rs; see
// shared/reference/nym-platform.md §1.6–1.8). A Sphinx packet is its 348-byte header plus the
// payload; the overhead over the plaintext is 365 bytes.

const SPHINX_OVERHEAD = 365;

export const PACKET_SIZES = {
  regular: { tag: 1, bytes: 2048 + SPHINX_OVERHEAD },
  ack: { tag: 2, bytes: 21 + SPHINX_OVERHEAD },
  extended32: { tag: 3, bytes: 32768 + SPHINX_OVERHEAD },
  extended8: { tag: 4, bytes: 8192 + SPHINX_OVERHEAD },
  extended16: { tag: 5, bytes: 16384 + SPHINX_OVERHEAD },
} as const;

export type PacketSizeName = keyof typeof PACKET_SIZES;

/** Size tags 6 and 7 name Outfox packets, a different format this implementation does not carry. */
export const OUTFOX_SIZE_TAGS: readonly number[] = [6, 7];

export const PACKET_SIZE_NAMES = Object.keys(PACKET_SIZES) as PacketSizeName[];

const NAME_BY_TAG = new Map<number, PacketSizeName>(
  PACKET_SIZE_NAMES.map((name) => [PACKET_SIZES[name].tag, name]),
);
const NAME_BY_LENGTH = new Map<number, PacketSizeName>(
  PACKET_SIZE_NAMES.map((name) => [PACKET_SIZES[name].bytes, name]),
);

export function packetSizeByTag(tag: number): PacketSizeName | undefined {
  return NAME_BY_TAG.get(tag);
}

/** The size whose packets are exactly `length` bytes long, if any. */
export function packetSizeByLength(length: number): PacketSizeName | undefined {
  return NAME_BY_LENGTH.get(length);
}

export const MAX_PACKET_BYTES = Math.max(...PACKET_SIZE_NAMES.map((name) => PACKET_SIZES[name].bytes));

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
