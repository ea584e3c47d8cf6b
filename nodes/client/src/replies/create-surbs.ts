import { createSurb } from '@nymts/sphinx';
import { REPLY_KEY_SIZE } from '../constants';
import type { ReplySurb } from '../message/reply-surb';
import type { PacketContext } from '../packets/context';
import { sampleRouteDelays } from '../packets/delays';
import { randomRoute } from '../topology/route';

/**
 * Reply SURBs back to us (`ReplySurb::construct`): three random mixes then our gateway, delays
 * with the per-hop mean, and a fresh 16-byte reply key each.
 */
export function createReplySurbs(ctx: PacketContext, count: number): ReplySurb[] {
  return Array.from({ length: count }, () => {
    const route = randomRoute(ctx.topology, ctx.self.gateway, ctx.rng);
    const surb = createSurb({
      route: route.hops,
      destination: ctx.self.identity,
      delaysNanos: sampleRouteDelays(route.hops.length, ctx.averagePacketDelayMs, ctx.rng),
      version: ctx.sphinxVersion,
      rng: (n) => ctx.rng.randomBytes(n),
      primitives: ctx.crypto.sphinx,
    });
    return { replyKey: ctx.rng.randomBytes(REPLY_KEY_SIZE), surb };
  });
}
