// A token bucket per client: a client may send `burst` packets at once and `perSecond` on
// average. Time comes from the injected clock. Only registered clients get a bucket, so the
// map grows no faster than the key store.
import type { Clock } from '@nymts/node-common';

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface RateLimiter {
  /** Takes one token from `key`'s bucket; false when it is empty. */
  allow(key: string): boolean;
}

export function createRateLimiter(limit: RateLimit, clock: Clock): RateLimiter {
  if (!(limit.perSecond > 0) || !(limit.burst >= 1)) {
    throw new RangeError(`a rate limit needs perSecond > 0 and burst ≥ 1, got ${JSON.stringify(limit)}`);
  }
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    allow(key) {
      const now = clock.now();
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: now };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
