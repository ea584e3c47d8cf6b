import { createManualClock, createSeededRng, cryptoRng, systemClock } from '../src';

describe('manual clock', () => {
  it('fires timers in time order, each at its own time, FIFO among equals', () => {
    const clock = createManualClock(100);
    const fired: Array<[string, number]> = [];
    clock.setTimer(30, () => fired.push(['c', clock.now()]));
    clock.setTimer(10, () => fired.push(['a', clock.now()]));
    clock.setTimer(10, () => fired.push(['b', clock.now()]));
    const cancelled = clock.setTimer(20, () => fired.push(['x', clock.now()]));
    cancelled.cancel();
    clock.advance(25);
    expect(fired).toEqual([
      ['a', 110],
      ['b', 110],
    ]);
    expect(clock.now()).toBe(125);
    clock.advance(5);
    expect(fired.at(-1)).toEqual(['c', 130]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('fires timers that timers schedule within the same advance', () => {
    const clock = createManualClock();
    const fired: number[] = [];
    clock.setTimer(5, () => {
      fired.push(clock.now());
      clock.setTimer(5, () => fired.push(clock.now()));
    });
    clock.advance(20);
    expect(fired).toEqual([5, 10]);
    expect(clock.runNext()).toBe(false);
  });

  it('has a system counterpart that really waits', async () => {
    const start = systemClock.now();
    await new Promise<void>((resolve) => systemClock.setTimer(5, resolve));
    expect(systemClock.now()).toBeGreaterThan(start);
  });
});

describe('rng', () => {
  it('repeats a seeded stream and differs between seeds', () => {
    const a = createSeededRng('seed');
    const b = createSeededRng('seed');
    const c = createSeededRng('other');
    const first = a.randomBytes(50);
    expect(Buffer.from(b.randomBytes(50)).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(c.randomBytes(50)).equals(Buffer.from(first))).toBe(false);
  });

  it('keeps integers and floats in range', () => {
    for (const rng of [cryptoRng, createSeededRng('range')]) {
      for (let i = 0; i < 500; i++) {
        const n = rng.randomInt(7);
        expect(Number.isInteger(n) && n >= 0 && n < 7).toBe(true);
        const x = rng.random();
        expect(x >= 0 && x < 1).toBe(true);
      }
    }
    expect(() => createSeededRng('x').randomInt(0)).toThrow(RangeError);
  });
});
