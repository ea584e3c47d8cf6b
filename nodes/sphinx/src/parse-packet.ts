import { ALPHA_SIZE, BETA_SIZE, HEADER_MAC_SIZE, HEADER_SIZE } from './constants';
import { SphinxError } from './errors';
import { packetSizeFromLength, type PacketSize } from './packet-size';

export interface ParsedPacket {
  size: PacketSize;
  alpha: Uint8Array;
  gamma: Uint8Array;
  beta: Uint8Array;
  payload: Uint8Array;
}

/** Step 0: split α (32) ‖ γ (16) ‖ β (300) ‖ payload; the length must be one of Nym's sizes. */
export function parsePacket(packet: Uint8Array): ParsedPacket {
  if (!(packet instanceof Uint8Array))
    throw new SphinxError('malformed', 'a Sphinx packet must be a Uint8Array');
  const size = packetSizeFromLength(packet.length);
  return {
    size,
    alpha: packet.subarray(0, ALPHA_SIZE),
    gamma: packet.subarray(ALPHA_SIZE, ALPHA_SIZE + HEADER_MAC_SIZE),
    beta: packet.subarray(ALPHA_SIZE + HEADER_MAC_SIZE, ALPHA_SIZE + HEADER_MAC_SIZE + BETA_SIZE),
    payload: packet.subarray(HEADER_SIZE),
  };
}
