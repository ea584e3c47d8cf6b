import { createForwardPacket, PACKET_SIZES, useSurb } from '@nymts/sphinx';
import type { Recipient } from '../address/recipient';
import { concatBytes } from '@noble/hashes/utils';
import { COVER_FRAGMENT_ID, type FragmentId } from '../chunking/fragment';
import { FRAGMENT_SPACE } from '../constants';
import { replyCipher, replyKeyDigest, sealForRecipient } from '../crypto/packet-encryption';
import { ClientError } from '../errors';
import type { ReplySurb } from '../message/reply-surb';
import { randomRoute } from '../topology/route';
import type { OutboundPacket, PacketContext } from './context';
import { expectedDelayMs, sampleRouteDelays } from './delays';
import { buildSurbAck } from './surb-ack';

// The regular payload (nym-sphinx `preparer/payload.rs`), 2048 bytes of Sphinx plaintext:
//   ack first hop (19) ‖ ack packet (386) ‖ variant (32) ‖ encrypted fragment (1611)
// where the variant is the sender's ephemeral x25519 key, or BLAKE3(reply key) for replies.

export const LOOP_COVER_PAYLOAD = new TextEncoder().encode('The cake is a lie!');

export interface PreparedPacket extends OutboundPacket {
  fragmentId: FragmentId;
  /** Expected time from sending until the ack is back: forward delays plus the ack's delays. */
  roundTripDelayMs: number;
}

function checkFragmentSize(fragment: Uint8Array): void {
  if (fragment.length !== FRAGMENT_SPACE) {
    throw new ClientError(
      'malformed_message',
      `a fragment fills ${FRAGMENT_SPACE} bytes, got ${fragment.length}`,
    );
  }
}

function sphinxOptions(ctx: PacketContext) {
  return {
    packetSize: PACKET_SIZES.regular,
    version: ctx.sphinxVersion,
    rng: (n: number) => ctx.rng.randomBytes(n),
    primitives: ctx.crypto.sphinx,
  };
}

/** A forward packet to `recipient` through a fresh route, with fresh delays and a SURB-ACK. */
function forwardPacket(
  ctx: PacketContext,
  recipient: Recipient,
  fragmentId: FragmentId,
  body: Uint8Array,
): PreparedPacket {
  const ack = buildSurbAck(ctx, fragmentId);
  const sealed = sealForRecipient(ctx.crypto, recipient.encryption, body, (n) => ctx.rng.randomBytes(n));
  const route = randomRoute(ctx.topology, recipient.gateway, ctx.rng);
  const delays = sampleRouteDelays(route.hops.length, ctx.averagePacketDelayMs, ctx.rng);
  const packet = createForwardPacket({
    route: route.hops,
    destination: recipient.identity,
    delaysNanos: delays,
    message: concatBytes(ack.bytes, sealed.ephemeralPublicKey, sealed.ciphertext),
    ...sphinxOptions(ctx),
  });
  return {
    firstHop: route.firstHop,
    packet,
    fragmentId,
    roundTripDelayMs: expectedDelayMs(delays) + ack.delayMs,
  };
}

export function prepareRegularFragment(
  ctx: PacketContext,
  recipient: Recipient,
  fragmentId: FragmentId,
  fragment: Uint8Array,
): PreparedPacket {
  checkFragmentSize(fragment);
  return forwardPacket(ctx, recipient, fragmentId, fragment);
}

/**
 * A reply through a SURB: the route and its delays were chosen by the SURB's creator, so the
 * forward delay is estimated as three mean hops, as Nym does.
 */
export function prepareReplyFragment(
  ctx: PacketContext,
  surb: ReplySurb,
  fragmentId: FragmentId,
  fragment: Uint8Array,
): PreparedPacket {
  checkFragmentSize(fragment);
  const ack = buildSurbAck(ctx, fragmentId);
  const plaintext = concatBytes(
    ack.bytes,
    replyKeyDigest(ctx.crypto, surb.replyKey),
    replyCipher(ctx.crypto, surb.replyKey, fragment),
  );
  const used = useSurb(surb.surb, plaintext, PACKET_SIZES.regular, { primitives: ctx.crypto.sphinx });
  return {
    firstHop: used.firstHop,
    packet: used.packet,
    fragmentId,
    roundTripDelayMs: 3 * ctx.averagePacketDelayMs + ack.delayMs,
  };
}

/**
 * A loop cover packet (nym-sphinx-cover): addressed to ourselves, encrypted like a real packet,
 * with its own SURB-ACK (fragment id 0,0), so on the wire it cannot be told from real traffic.
 */
export function prepareLoopCover(ctx: PacketContext): OutboundPacket {
  const content = new Uint8Array(FRAGMENT_SPACE);
  content.set(LOOP_COVER_PAYLOAD);
  content[LOOP_COVER_PAYLOAD.length] = 1;
  const { firstHop, packet } = forwardPacket(ctx, ctx.self, COVER_FRAGMENT_ID, content);
  return { firstHop, packet };
}
