import { HEADER_SIZE, PAYLOAD_OVERHEAD_SIZE } from './constants';
import { SphinxError } from './errors';

/** Nym's `PacketSize` (nym-sphinx-params packet_sizes.rs): serde name, u8 tag, total bytes. */
export const PACKET_SIZES = {
  regular: { name: 'regular', tag: 1, totalSize: 2413 },
  ack: { name: 'ack', tag: 2, totalSize: 386 },
  extended32: { name: 'extended32', tag: 3, totalSize: 33133 },
  extended8: { name: 'extended8', tag: 4, totalSize: 8557 },
  extended16: { name: 'extended16', tag: 5, totalSize: 16749 },
} as const;

export type PacketSizeName = keyof typeof PACKET_SIZES;
export type PacketSize = (typeof PACKET_SIZES)[PacketSizeName];

const ALL_SIZES: readonly PacketSize[] = Object.values(PACKET_SIZES);

export function payloadSize(size: PacketSize): number {
  return size.totalSize - HEADER_SIZE;
}

/** The longest message a packet of this size carries (the Sphinx plaintext). */
export function plaintextCapacity(size: PacketSize): number {
  return payloadSize(size) - PAYLOAD_OVERHEAD_SIZE;
}

export function packetSizeFromLength(length: number): PacketSize {
  const size = ALL_SIZES.find((candidate) => candidate.totalSize === length);
  if (!size) {
    throw new SphinxError('bad_size', `${length} bytes is not a Sphinx packet size`, {
      length,
      known: ALL_SIZES.map((candidate) => candidate.totalSize),
    });
  }
  return size;
}

export function packetSizeFromTag(tag: number): PacketSize {
  const size = ALL_SIZES.find((candidate) => candidate.tag === tag);
  if (!size) throw new SphinxError('bad_size', `packet size tag ${tag} is not a Sphinx packet size`, { tag });
  return size;
}

export function packetSizeFromName(name: string): PacketSize {
  const size = ALL_SIZES.find((candidate) => candidate.name === name);
  if (!size) throw new SphinxError('bad_size', `"${name}" is not a Sphinx packet size`, { name });
  return size;
}
