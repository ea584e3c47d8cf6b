import { ROUTING_KEYSTREAM_SIZE } from './constants';
import type { SphinxPrimitives } from './primitives/types';

const ZERO_IV = new Uint8Array(16);
const ZEROS = new Uint8Array(ROUTING_KEYSTREAM_SIZE);

/** The header PRG: 360 bytes of AES-128-CTR keystream from an all-zero IV. */
export function routingKeystream(primitives: SphinxPrimitives, streamCipherKey: Uint8Array): Uint8Array {
  return primitives.aes128Ctr(streamCipherKey, ZERO_IV, ZEROS);
}
