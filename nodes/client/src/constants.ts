import { HEADER_SIZE, PACKET_SIZES, plaintextCapacity } from '@nymts/sphinx';

// Sizes of Nym's packet contents (nym-sphinx `message.rs`, `preparer/payload.rs`,
// nym-sphinx-acknowledgements, nym-sphinx-anonymous-replies; see README "Formats").

/** A node address without its Sphinx zero padding: `4|6 ‖ port ‖ ip` fits in 19 bytes. */
export const MAX_NODE_ADDRESS_UNPADDED_LEN = 19;
/** What every real packet spends on its SURB-ACK: first hop (19) ‖ ack packet (386). */
export const ACK_OVERHEAD = MAX_NODE_ADDRESS_UNPADDED_LEN + PACKET_SIZES.ack.totalSize;
export const X25519_KEY_SIZE = 32;
export const ED25519_KEY_SIZE = 32;
/** BLAKE3 output: how a reply names the reply key it was encrypted with. */
export const REPLY_KEY_DIGEST_SIZE = 32;
export const REPLY_KEY_SIZE = 16;
export const ACK_KEY_SIZE = 16;
export const ACK_IV_SIZE = 16;
export const SENDER_TAG_SIZE = 16;
export const FRAGMENT_ID_SIZE = 5;

/** Plaintext Nym puts into one regular Sphinx packet (2048 bytes). */
export const REGULAR_PLAINTEXT_SIZE = plaintextCapacity(PACKET_SIZES.regular);
/** The ack packet's plaintext: IV (16) ‖ encrypted fragment id (5). */
export const ACK_PLAINTEXT_SIZE = plaintextCapacity(PACKET_SIZES.ack);
/**
 * Fragment bytes per regular packet. Plain and repliable packets spend 32 bytes on the ephemeral
 * key, replies 32 on the key digest, so both carry 1611.
 */
export const FRAGMENT_SPACE = REGULAR_PLAINTEXT_SIZE - ACK_OVERHEAD - X25519_KEY_SIZE;
/** What the recipient's gateway hands its client for a regular packet: the plaintext minus the SURB-ACK. */
export const RECEIVED_MESSAGE_SIZE = REGULAR_PLAINTEXT_SIZE - ACK_OVERHEAD;

/** Hops of every route: three mix layers and the last gateway. */
export const ROUTE_HOPS = 4;
export const MIX_LAYERS = 3;
/** A v1 reply SURB: reply key (16) ‖ header ‖ first hop (32) ‖ 4 Lioness keys (192 each). */
export const REPLY_SURB_V1_SIZE = REPLY_KEY_SIZE + HEADER_SIZE + 32 + ROUTE_HOPS * 192;
