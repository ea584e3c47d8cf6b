import { performance } from 'node:perf_hooks';

export interface Timer {
  cancel(): void;
}

/**
 * Time as the node sees it. Everything that waits (delay queues, reconnect backoff, periodic
 * flushes) goes through this, so tests can move time by hand.
 */
export interface Clock {
  /** Milliseconds on a monotonic scale; only differences mean anything. */
  now(): number;
  /** Runs `callback` once, `delayMs` from now (at once for zero or less). */
  setTimer(delayMs: number, callback: () => void): Timer;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer(delayMs, callback) {
    const handle = setTimeout(callback, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(handle) };
  },
};

export interface ManualClock extends Clock {
  /** Moves time forward, firing each due timer at its own time, in order. */
  advance(milliseconds: number): void;
  /** Moves time to the next timer and fires it; false when none is pending. */
  runNext(): boolean;
  readonly pendingTimers: number;
}

interface ScheduledTimer {
  at: number;
  sequence: number;
  callback: () => void;
  cancelled: boolean;
}

/** A clock that moves only when told: for tests of anything time-driven. */
export function createManualClock(startMs = 0): ManualClock {
  let now = startMs;
  let sequence = 0;
  const timers: ScheduledTimer[] = [];

  const nextDue = (limit: number): ScheduledTimer | undefined => {
    let best: ScheduledTimer | undefined;
    for (const timer of timers) {
      if (timer.cancelled || timer.at > limit) continue;
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

  const fire = (timer: ScheduledTimer): void => {
    timers.splice(timers.indexOf(timer), 1);
    now = Math.max(now, timer.at);
    timer.callback();
  };

  return {
    now: () => now,
    setTimer(delayMs, callback) {
      const timer: ScheduledTimer = {
        at: now + Math.max(0, delayMs),
        sequence: sequence++,
        callback,
        cancelled: false,
      };
      timers.push(timer);
      return {
        cancel: () => {
          timer.cancelled = true;
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
        },
      };
    },
    advance(milliseconds) {
      const target = now + milliseconds;
      for (let timer = nextDue(target); timer !== undefined; timer = nextDue(target)) fire(timer);
      now = target;
    },
    runNext() {
      const timer = nextDue(Number.POSITIVE_INFINITY);
      if (timer === undefined) return false;
      fire(timer);
      return true;
    },
    get pendingTimers() {
      return timers.length;
    },
  };
}
