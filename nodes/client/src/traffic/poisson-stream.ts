import type { Clock, Rng, Timer } from '../runtime';

/** Exp(mean): the gap between events of a Poisson process with rate 1 / mean. */
export function exponentialDelayMs(meanMs: number, rng: Rng): number {
  return -Math.log1p(-rng.random()) * meanMs;
}

export interface PoissonStream {
  start(): void;
  stop(): void;
  readonly running: boolean;
}

/**
 * Calls `onTick` at the events of a Poisson process: after each event the next gap is drawn from
 * Exp(meanMs), independently of what the tick did, so the timing on the wire never depends on
 * whether there was real traffic to send.
 */
export function createPoissonStream(
  meanMs: number,
  clock: Clock,
  rng: Rng,
  onTick: () => void,
): PoissonStream {
  let timer: Timer | undefined;
  const schedule = () => {
    timer = clock.setTimer(exponentialDelayMs(meanMs, rng), () => {
      schedule();
      onTick();
    });
  };
  return {
    start() {
      if (timer === undefined) schedule();
    },
    stop() {
      timer?.cancel();
      timer = undefined;
    },
    get running() {
      return timer !== undefined;
    },
  };
}
