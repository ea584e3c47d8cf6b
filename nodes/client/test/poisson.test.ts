import { createPoissonStream, exponentialDelayMs } from '../src/traffic/poisson-stream';
import { checkTiming, TIMING_PRESETS } from '../src/traffic/timing';
import { createManualClock } from './support/manual-clock';
import { createSeededRng } from '@nymts/node-common';

describe('Poisson streams', () => {
  it('draws gaps as −ln(1 − u) × mean', () => {
    const values = [0, 0.5, 0.9];
    let i = 0;
    const rng = { random: () => values[i++]!, randomBytes: () => new Uint8Array(), randomInt: () => 0 };
    expect(exponentialDelayMs(20, rng)).toBe(0);
    expect(exponentialDelayMs(20, rng)).toBeCloseTo(20 * Math.LN2, 12);
    expect(exponentialDelayMs(20, rng)).toBeCloseTo(-20 * Math.log(0.1), 12);
  });

  it('ticks exactly at the cumulative gaps drawn from its rng', () => {
    const clock = createManualClock();
    const ticks: number[] = [];
    const stream = createPoissonStream(20, clock, createSeededRng('stream'), () => ticks.push(clock.now()));
    stream.start();
    clock.advance(1_000);
    stream.stop();
    const replica = createSeededRng('stream');
    const expected: number[] = [];
    for (let at = exponentialDelayMs(20, replica); at <= 1_000; at += exponentialDelayMs(20, replica))
      expected.push(at);
    expect(ticks).toHaveLength(expected.length);
    ticks.forEach((tick, index) => expect(tick).toBeCloseTo(expected[index]!, 9));
  });

  it('averages one tick per mean gap over a long run (rate λ = 1 / mean)', () => {
    const clock = createManualClock();
    let count = 0;
    const stream = createPoissonStream(20, clock, createSeededRng('rate'), () => count++);
    stream.start();
    clock.advance(2_000_000);
    stream.stop();
    // 100 000 expected; a Poisson count has σ = √100 000 ≈ 316.
    expect(Math.abs(count - 100_000)).toBeLessThan(5 * 316);
  });

  it('stops ticking when stopped, and a stopped stream holds no timer', () => {
    const clock = createManualClock();
    let count = 0;
    const stream = createPoissonStream(5, clock, createSeededRng('stop'), () => count++);
    stream.start();
    expect(stream.running).toBe(true);
    clock.advance(100);
    stream.stop();
    const seen = count;
    clock.advance(1_000);
    expect(count).toBe(seen);
    expect(clock.pendingTimers).toBe(0);
  });

  it("has Nym's defaults for both eras and refuses nonsense", () => {
    expect(TIMING_PRESETS.current).toMatchObject({
      averagePacketDelayMs: 15,
      messageSendingAverageDelayMs: 20,
      loopCoverTrafficAverageDelayMs: 200,
    });
    expect(TIMING_PRESETS.nym2023).toMatchObject({ averagePacketDelayMs: 50, averageAckDelayMs: 50 });
    expect(() => checkTiming({ ...TIMING_PRESETS.current, averagePacketDelayMs: -1 })).toThrow(
      /averagePacketDelayMs/,
    );
    expect(() => checkTiming({ ...TIMING_PRESETS.current, messageSendingAverageDelayMs: 0 })).toThrow(
      /disable the stream/,
    );
  });
});
