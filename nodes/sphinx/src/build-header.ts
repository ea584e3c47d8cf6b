import { concatBytes, encodeU64BE, xorBytes } from './bytes';
import {
  BETA_SIZE,
  FINAL_BLOCK_SIZE,
  FINAL_HOP_FLAG,
  FORWARD_HOP_FLAG,
  ROUTING_BLOCK_SIZE,
} from './constants';
import type { ExpandedSecret } from './expand-shared-secret';
import { computeFiller } from './filler';
import { computeHeaderMac } from './header-mac';
import type { SphinxPrimitives } from './primitives/types';
import type { RandomBytes } from './random';
import { routingKeystream } from './routing-keystream';

export interface HeaderHop {
  address: Uint8Array;
  secret: ExpandedSecret;
  delayNanos: bigint;
}

export interface EncapsulatedRouting {
  gamma: Uint8Array;
  beta: Uint8Array;
}

/**
 * The final hop's β: flag 2 ‖ version ‖ destination ‖ SURB id, random padding (random, not zero,
 * against Kuhn et al.), encrypted with the last hop's keystream, then the filler.
 */
function finalHopRouting(
  hops: readonly HeaderHop[],
  keystreams: readonly Uint8Array[],
  destination: Uint8Array,
  surbId: Uint8Array,
  version: Uint8Array,
  rng: RandomBytes,
): Uint8Array {
  const fillerLength = (hops.length - 1) * ROUTING_BLOCK_SIZE;
  const block = concatBytes(
    Uint8Array.of(FINAL_HOP_FLAG),
    version,
    destination,
    surbId,
    rng(BETA_SIZE - fillerLength - FINAL_BLOCK_SIZE),
  );
  const encrypted = xorBytes(block, keystreams[hops.length - 1] as Uint8Array);
  return concatBytes(encrypted, computeFiller(keystreams.slice(0, -1)));
}

/** Builds γ and β for the first hop, wrapping the route from the last hop outwards. */
export function buildRoutingHeader(
  primitives: SphinxPrimitives,
  hops: readonly HeaderHop[],
  destination: Uint8Array,
  surbId: Uint8Array,
  version: Uint8Array,
  rng: RandomBytes,
): EncapsulatedRouting {
  const keystreams = hops.map((hop) => routingKeystream(primitives, hop.secret.streamCipherKey));
  const lastIndex = hops.length - 1;
  let beta = finalHopRouting(hops, keystreams, destination, surbId, version, rng);
  let gamma = computeHeaderMac(primitives, (hops[lastIndex] as HeaderHop).secret.headerMacKey, beta);
  for (let i = lastIndex - 1; i >= 0; i--) {
    const hop = hops[i] as HeaderHop;
    const next = hops[i + 1] as HeaderHop;
    const plain = concatBytes(
      Uint8Array.of(FORWARD_HOP_FLAG),
      version,
      next.address,
      encodeU64BE(hop.delayNanos),
      gamma,
      beta.subarray(0, BETA_SIZE - ROUTING_BLOCK_SIZE),
    );
    beta = xorBytes(plain, keystreams[i] as Uint8Array);
    gamma = computeHeaderMac(primitives, hop.secret.headerMacKey, beta);
  }
  return { gamma, beta };
}
