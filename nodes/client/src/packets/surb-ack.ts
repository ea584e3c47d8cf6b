import { createForwardPacket, PACKET_SIZES } from '@nymts/sphinx';
import { concatBytes } from '@noble/hashes/utils';
import { MAX_NODE_ADDRESS_UNPADDED_LEN } from '../constants';
import type { FragmentId } from '../chunking/fragment';
import { sealAckIdentifier } from '../crypto/ack-identifier';
import { randomRoute } from '../topology/route';
import type { PacketContext } from './context';
import { expectedDelayMs, sampleRouteDelays } from './delays';

export interface SurbAck {
  /** First hop (19 bytes) ‖ ack packet (386 bytes): the head of every real packet's plaintext. */
  bytes: Uint8Array;
  /** Expected time from the recipient's gateway back to us. */
  delayMs: number;
}

/**
 * A SURB-ACK (nym-sphinx-acknowledgements `surb_ack.rs`): an ack-sized Sphinx packet through three
 * random mixes to our own gateway, addressed to us, carrying the fragment id sealed with our ack
 * key. The recipient's gateway sends it on as soon as the packet arrives.
 */
export function buildSurbAck(ctx: PacketContext, fragmentId: FragmentId): SurbAck {
  const route = randomRoute(ctx.topology, ctx.self.gateway, ctx.rng);
  const delays = sampleRouteDelays(route.hops.length, ctx.averageAckDelayMs, ctx.rng);
  const packet = createForwardPacket({
    route: route.hops,
    destination: ctx.self.identity,
    delaysNanos: delays,
    message: sealAckIdentifier(ctx.crypto, ctx.ackKey, fragmentId, (n) => ctx.rng.randomBytes(n)),
    packetSize: PACKET_SIZES.ack,
    version: ctx.sphinxVersion,
    rng: (n) => ctx.rng.randomBytes(n),
    primitives: ctx.crypto.sphinx,
  });
  return {
    bytes: concatBytes(route.firstHop.subarray(0, MAX_NODE_ADDRESS_UNPADDED_LEN), packet),
    delayMs: expectedDelayMs(delays),
  };
}
