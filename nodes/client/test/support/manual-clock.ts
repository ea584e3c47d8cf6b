import type { Clock, Timer } from '../../src/runtime';

// Test-only. @nymts/node-common has the same clock (`createManualClock`); use it once merged.

export interface ManualClock extends Clock {
  /** Moves time forward, firing each due timer at its own time, in order. */
  advance(milliseconds: number): void;
  readonly pendingTimers: number;
}

interface Scheduled {
  at: number;
  sequence: number;
  callback: () => void;
}

export function createManualClock(startMs = 0): ManualClock {
  let now = startMs;
  let sequence = 0;
  const timers = new Set<Scheduled>();

  const nextDue = (limit: number): Scheduled | undefined => {
    let best: Scheduled | undefined;
    for (const timer of timers) {
      if (timer.at > limit) continue;
      if (
        best === undefined ||
        timer.at < best.at ||
        (timer.at === best.at && timer.sequence < best.sequence)
      ) {
        best = timer;
      }
    }
    return best;
  };

  return {
    now: () => now,
    setTimer(delayMs, callback): Timer {
      const timer = { at: now + Math.max(0, delayMs), sequence: sequence++, callback };
      timers.add(timer);
      return { cancel: () => timers.delete(timer) };
    },
    advance(milliseconds) {
      const target = now + milliseconds;
      for (let timer = nextDue(target); timer !== undefined; timer = nextDue(target)) {
        timers.delete(timer);
        now = Math.max(now, timer.at);
        timer.callback();
      }
      now = target;
    },
    get pendingTimers() {
      return timers.size;
    },
  };
}

/** Lets promise callbacks and `for await` loops catch up. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Advances the clock in small steps until `done()` holds; throws after `limitMs` of simulated time. */
export async function runUntil(
  clock: ManualClock,
  done: () => boolean,
  { limitMs = 120_000, stepMs = 2 }: { limitMs?: number; stepMs?: number } = {},
): Promise<number> {
  const start = clock.now();
  await flush();
  while (!done()) {
    if (clock.now() - start > limitMs)
      throw new Error(`condition not met within ${limitMs} ms of simulated time`);
    clock.advance(stepMs);
    await flush();
  }
  return clock.now() - start;
}

/** Runs simulated time for `ms`, letting asynchronous work keep up. */
export async function runFor(clock: ManualClock, ms: number, stepMs = 2): Promise<void> {
  const end = clock.now() + ms;
  await runUntil(clock, () => clock.now() >= end, { limitMs: ms + stepMs, stepMs });
}
