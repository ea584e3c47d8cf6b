// Sizes and labels of Nym's Sphinx (sphinx-packet 0.6, constants.rs and header/*).

/** k, the security parameter, in bytes. */
export const SECURITY_PARAMETER = 16;
export const MAX_PATH_LENGTH = 5;

export const ALPHA_SIZE = 32;
export const HEADER_MAC_SIZE = SECURITY_PARAMETER;
/** Per-hop routing block: flag (1) ‖ version (3) ‖ next address (32) ‖ delay (8) ‖ next γ (16). */
export const ROUTING_BLOCK_SIZE = 60;
export const BETA_SIZE = MAX_PATH_LENGTH * ROUTING_BLOCK_SIZE;
export const HEADER_SIZE = ALPHA_SIZE + HEADER_MAC_SIZE + BETA_SIZE;
/** Keystream needed to decrypt β ‖ 0^60 at one hop (and to build the filler). */
export const ROUTING_KEYSTREAM_SIZE = BETA_SIZE + ROUTING_BLOCK_SIZE;

export const NODE_ADDRESS_SIZE = 32;
export const DESTINATION_ADDRESS_SIZE = 32;
export const SURB_ID_SIZE = SECURITY_PARAMETER;
export const DELAY_SIZE = 8;
export const VERSION_SIZE = 3;
export const FINAL_BLOCK_SIZE = 1 + VERSION_SIZE + DESTINATION_ADDRESS_SIZE + SURB_ID_SIZE;

export const FORWARD_HOP_FLAG = 1;
export const FINAL_HOP_FLAG = 2;

export const X25519_KEY_SIZE = 32;
export const STREAM_CIPHER_KEY_SIZE = 16;
export const HEADER_MAC_KEY_SIZE = 16;
export const PAYLOAD_KEY_SIZE = 192;
export const PAYLOAD_KEY_SEED_SIZE = 16;
export const BLINDING_FACTOR_SIZE = 32;
export const REPLAY_TAG_SIZE = 32;
export const EXPANDED_SECRET_SIZE =
  STREAM_CIPHER_KEY_SIZE + HEADER_MAC_KEY_SIZE + PAYLOAD_KEY_SIZE + BLINDING_FACTOR_SIZE + REPLAY_TAG_SIZE;

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** HKDF-SHA256 info for the per-hop secret expansion; the salt is empty. */
export const EXPANDED_SECRET_HKDF_INFO = ascii(
  'Dwste mou enan moxlo arketa makru kai ena upomoxlio gia na ton topothetisw kai tha kinisw thn gh.',
);
export const EXPANDED_SECRET_HKDF_SALT = new Uint8Array(0);
/** Version 259: the 16-byte seed is expanded into the 192-byte Lioness key with these labels. */
export const PAYLOAD_KEY_HKDF_SALT = ascii('sphinx-payload-key-V01-CS01-HKDF:SHA256-SALT');
export const PAYLOAD_KEY_HKDF_INFO = ascii('sphinx-payload-key-V01-CS01-HKDF:SHA256-INFO');

/** 16 leading zero bytes and the 0x01 end marker. */
export const PAYLOAD_OVERHEAD_SIZE = SECURITY_PARAMETER + 1;
