import { xorInPlace } from './bytes';
import { ROUTING_BLOCK_SIZE, ROUTING_KEYSTREAM_SIZE } from './constants';

/**
 * The Sphinx filler for the hops before the last: what those hops' decryption appends to β, so
 * that the final hop's MAC covers it. Step i (1-based) appends 60 zero bytes and XORs the
 * accumulator with the last 60·i bytes of hop (i-1)'s keystream.
 */
export function computeFiller(keystreams: readonly Uint8Array[]): Uint8Array {
  const filler = new Uint8Array(keystreams.length * ROUTING_BLOCK_SIZE);
  keystreams.forEach((keystream, index) => {
    const length = (index + 1) * ROUTING_BLOCK_SIZE;
    xorInPlace(filler.subarray(0, length), keystream.subarray(ROUTING_KEYSTREAM_SIZE - length));
  });
  return filler;
}
