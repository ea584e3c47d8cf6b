import { createManualClock, type ManualClock } from '@nymts/node-common';

export { createManualClock };
export type { ManualClock };

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
