import { decodeU64BE, xorInPlace } from './bytes';
import {
  BETA_SIZE,
  DELAY_SIZE,
  DESTINATION_ADDRESS_SIZE,
  FINAL_HOP_FLAG,
  FORWARD_HOP_FLAG,
  HEADER_MAC_SIZE,
  NODE_ADDRESS_SIZE,
  ROUTING_BLOCK_SIZE,
  SURB_ID_SIZE,
  VERSION_SIZE,
} from './constants';
import { SphinxError } from './errors';
import { decodeVersion, type VersionRules } from './versions';

export type RoutingInstruction =
  | {
      kind: 'forward';
      rules: VersionRules;
      nextHop: Uint8Array;
      delayNanos: bigint;
      nextMac: Uint8Array;
      nextBeta: Uint8Array;
    }
  | { kind: 'final'; rules: VersionRules; destination: Uint8Array; surbId: Uint8Array };

/**
 * Step 4 at a hop: XOR β ‖ 0^60 with the 360-byte keystream (consumed), then read this hop's block
 * (flag ‖ version ‖ …); the 300 bytes after the block are the next hop's β.
 */
export function decryptRouting(beta: Uint8Array, keystream: Uint8Array): RoutingInstruction {
  // The keystream buffer becomes the plaintext: its last 60 bytes are already 0^60 XOR keystream.
  const plain = keystream;
  xorInPlace(plain.subarray(0, BETA_SIZE), beta);
  const flag = plain[0];
  const rules = decodeVersion(plain.subarray(1, 1 + VERSION_SIZE));
  let offset = 1 + VERSION_SIZE;
  const take = (length: number): Uint8Array => plain.subarray(offset, (offset += length));
  if (flag === FORWARD_HOP_FLAG) {
    const nextHop = take(NODE_ADDRESS_SIZE);
    const delayNanos = decodeU64BE(take(DELAY_SIZE));
    const nextMac = take(HEADER_MAC_SIZE);
    return {
      kind: 'forward',
      rules,
      nextHop,
      delayNanos,
      nextMac,
      nextBeta: plain.subarray(ROUTING_BLOCK_SIZE),
    };
  }
  if (flag === FINAL_HOP_FLAG) {
    const destination = take(DESTINATION_ADDRESS_SIZE);
    return { kind: 'final', rules, destination, surbId: take(SURB_ID_SIZE) };
  }
  throw new SphinxError('malformed', `unknown routing flag ${flag}`, { flag });
}
