import { concatBytes } from './bytes';
import {
  HEADER_SIZE,
  MAX_PATH_LENGTH,
  NODE_ADDRESS_SIZE,
  PAYLOAD_KEY_SEED_SIZE,
  PAYLOAD_KEY_SIZE,
} from './constants';
import { createHeader, type HeaderOptions } from './create-header';
import { encryptPayload } from './encrypt-payload';
import { SphinxError } from './errors';
import { payloadSize, type PacketSize } from './packet-size';
import { payloadKeyFromSeed } from './payload-key';
import { defaultPrimitives } from './primitives/default';
import type { SphinxPrimitives } from './primitives/types';

/**
 * A single-use reply block as sphinx-packet 0.6 encodes it: header (348) ‖ first hop (32) ‖ one
 * payload key per hop (192 bytes each; 16-byte seeds for version 259). Whoever holds it can send
 * one packet along the creator's chosen route back to the creator; the route's last node (the
 * creator's gateway in Nym) removes the last layer and delivers the plaintext, so no extra step
 * is needed on the creator's side.
 */
export interface Surb {
  header: Uint8Array;
  firstHop: Uint8Array;
  /** Full 192-byte Lioness keys, or 16-byte seeds (version 259), in route order. */
  payloadKeys: Uint8Array[];
}

export type SurbOptions = HeaderOptions;

export function createSurb(options: SurbOptions): Surb {
  const built = createHeader(options);
  const payloadKeys = built.secrets.map((secret) =>
    Uint8Array.from(built.rules.payloadKey === 'seed' ? secret.payloadKeySeed : secret.payloadKeyMaterial),
  );
  return {
    header: built.header,
    firstHop: Uint8Array.from(options.route[0]!.address),
    payloadKeys,
  };
}

function lionessKey(primitives: SphinxPrimitives, key: Uint8Array): Uint8Array {
  return key.length === PAYLOAD_KEY_SEED_SIZE ? payloadKeyFromSeed(primitives, key) : key;
}

/** Builds the reply packet; send it to `firstHop`. */
export function useSurb(
  surb: Surb,
  message: Uint8Array,
  packetSize: PacketSize,
  options: { primitives?: SphinxPrimitives } = {},
): { packet: Uint8Array; firstHop: Uint8Array } {
  const primitives = options.primitives ?? defaultPrimitives();
  const keys = surb.payloadKeys.map((key) => lionessKey(primitives, key));
  const payload = encryptPayload(primitives, message, payloadSize(packetSize), keys);
  return { packet: concatBytes(surb.header, payload), firstHop: surb.firstHop };
}

export function encodeSurb(surb: Surb): Uint8Array {
  return concatBytes(surb.header, surb.firstHop, ...surb.payloadKeys);
}

/** Parses an encoded SURB; key material under 192 bytes is read as 16-byte seeds (as 0.6 does). */
export function decodeSurb(bytes: Uint8Array): Surb {
  const keyBytes = bytes.subarray(HEADER_SIZE + NODE_ADDRESS_SIZE);
  const keySize = keyBytes.length < PAYLOAD_KEY_SIZE ? PAYLOAD_KEY_SEED_SIZE : PAYLOAD_KEY_SIZE;
  const count = keyBytes.length / keySize;
  if (
    bytes.length <= HEADER_SIZE + NODE_ADDRESS_SIZE ||
    !Number.isInteger(count) ||
    count > MAX_PATH_LENGTH
  ) {
    throw new SphinxError('bad_surb', `${bytes.length} bytes is not an encoded SURB`, {
      length: bytes.length,
    });
  }
  const payloadKeys = Array.from({ length: count }, (_, i) => keyBytes.slice(i * keySize, (i + 1) * keySize));
  return {
    header: bytes.slice(0, HEADER_SIZE),
    firstHop: bytes.slice(HEADER_SIZE, HEADER_SIZE + NODE_ADDRESS_SIZE),
    payloadKeys,
  };
}
