import {
  BLINDING_FACTOR_SIZE,
  EXPANDED_SECRET_HKDF_INFO,
  EXPANDED_SECRET_HKDF_SALT,
  EXPANDED_SECRET_SIZE,
  HEADER_MAC_KEY_SIZE,
  PAYLOAD_KEY_SEED_SIZE,
  PAYLOAD_KEY_SIZE,
  REPLAY_TAG_SIZE,
  STREAM_CIPHER_KEY_SIZE,
} from './constants';
import type { SphinxPrimitives } from './primitives/types';

/** The per-hop keys, in the byte order of sphinx-packet 0.6 `ExpandedSharedSecret`. */
export interface ExpandedSecret {
  readonly streamCipherKey: Uint8Array;
  readonly headerMacKey: Uint8Array;
  /** The full 192-byte Lioness key (versions ≤ 258); its first 16 bytes are the v259 seed. */
  readonly payloadKeyMaterial: Uint8Array;
  readonly payloadKeySeed: Uint8Array;
  readonly blindingFactor: Uint8Array;
  readonly replayTag: Uint8Array;
}

/** Step 2: HKDF-SHA256(salt = "", ikm = s, info = Nym's label) → 288 bytes, split. */
export function expandSharedSecret(primitives: SphinxPrimitives, sharedSecret: Uint8Array): ExpandedSecret {
  const okm = primitives.hkdfSha256(
    sharedSecret,
    EXPANDED_SECRET_HKDF_SALT,
    EXPANDED_SECRET_HKDF_INFO,
    EXPANDED_SECRET_SIZE,
  );
  let offset = 0;
  const take = (length: number): Uint8Array => okm.subarray(offset, (offset += length));
  const streamCipherKey = take(STREAM_CIPHER_KEY_SIZE);
  const headerMacKey = take(HEADER_MAC_KEY_SIZE);
  const payloadKeyMaterial = take(PAYLOAD_KEY_SIZE);
  const blindingFactor = take(BLINDING_FACTOR_SIZE);
  const replayTag = take(REPLAY_TAG_SIZE);
  return {
    streamCipherKey,
    headerMacKey,
    payloadKeyMaterial,
    payloadKeySeed: payloadKeyMaterial.subarray(0, PAYLOAD_KEY_SEED_SIZE),
    blindingFactor,
    replayTag,
  };
}
