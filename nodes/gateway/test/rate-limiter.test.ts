import { createManualClock } from '@nymts/node-common';
import { createRateLimiter } from '../src/mixnet/rate-limiter';

describe('per-client rate limit (token bucket on the injected clock)', () => {
  it('allows a burst, then the average rate, for each client on its own', () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ perSecond: 10, burst: 3 }, clock);
    const allowed = (key: string, attempts: number): number =>
      Array.from({ length: attempts }, () => limiter.allow(key)).filter(Boolean).length;
    expect(allowed('alice', 5)).toBe(3);
    expect(allowed('bob', 5)).toBe(3);
    clock.advance(100);
    expect(allowed('alice', 5)).toBe(1);
    clock.advance(10_000);
    expect(allowed('alice', 5)).toBe(3);
  });

  it('refuses a limit that would allow nothing', () => {
    expect(() => createRateLimiter({ perSecond: 0, burst: 1 }, createManualClock())).toThrow(RangeError);
    expect(() => createRateLimiter({ perSecond: 1, burst: 0 }, createManualClock())).toThrow(RangeError);
  });
});
