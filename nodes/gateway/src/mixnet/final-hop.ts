// A Sphinx packet that ends at this gateway carries, in front of the client's message, the
// SURB-ACK its sender built: the ack's first hop (19 bytes, an unpadded node address,
// zero-padded) ‖ the ack packet (386 bytes, an ack-size Sphinx packet). The gateway sends the ack
// on and delivers the rest. Ack-size packets are acks themselves and go to the client whole.
// (Nym: common/nymsphinx/framing/src/processing.rs, `split_into_ack_and_message`;
// shared/reference/nym-platform.md §2.)
import { NodeAddressError, readNodeAddress, type SocketAddress } from '@nymts/node-common';
import { PACKET_SIZES, type PacketSizeName } from '@nymts/sphinx';

/** Nym's `MAX_NODE_ADDRESS_UNPADDED_LEN`: the ack's first hop, zero-padded to an IPv6 address. */
export const ACK_FIRST_HOP_BYTES = 19;
export const SURB_ACK_BYTES = ACK_FIRST_HOP_BYTES + PACKET_SIZES.ack.totalSize;

export type FinalHopContent =
  | { kind: 'message'; message: Uint8Array }
  | { kind: 'with-ack'; ackFirstHop: SocketAddress; ackPacket: Uint8Array; message: Uint8Array }
  | { kind: 'invalid'; reason: 'no_surb_ack' | 'invalid_surb_ack'; detail: string };

export function splitFinalHop(payload: Uint8Array, packetSize: PacketSizeName): FinalHopContent {
  if (packetSize === 'ack') return { kind: 'message', message: payload };
  if (payload.length < SURB_ACK_BYTES) {
    return {
      kind: 'invalid',
      reason: 'no_surb_ack',
      detail: `a ${packetSize} packet's plaintext of ${payload.length} bytes has no room for a ${SURB_ACK_BYTES}-byte SURB-ACK`,
    };
  }
  let ackFirstHop: SocketAddress;
  try {
    ackFirstHop = readNodeAddress(payload.subarray(0, ACK_FIRST_HOP_BYTES)).address;
  } catch (error) {
    if (!(error instanceof NodeAddressError)) throw error;
    return { kind: 'invalid', reason: 'invalid_surb_ack', detail: `the ack's first hop: ${error.message}` };
  }
  return {
    kind: 'with-ack',
    ackFirstHop,
    ackPacket: payload.subarray(ACK_FIRST_HOP_BYTES, SURB_ACK_BYTES),
    message: payload.subarray(SURB_ACK_BYTES),
  };
}
