// Waiting for a service to become ready, and failing with what its log says when it cannot.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { TestnetError } from './errors';
import type { ManagedService } from './supervisor';

const POLL_MS = 200;

export interface WaitOptions {
  /** The process that should become ready: its exit ends the wait at once. */
  service?: ManagedService;
  timeoutMs: number;
  signal?: AbortSignal;
}

export async function waitFor(
  what: string,
  ready: () => Promise<boolean>,
  options: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    if (options.service !== undefined && !options.service.running()) {
      const exit = await options.service.exited;
      throw new TestnetError(
        'service_failed',
        `${exit.name} stopped before ${what} was ready (exit code ${String(exit.code)}, signal ${String(exit.signal)}); ` +
          `the end of ${options.service.logFile}:\n${logTail(options.service.logFile)}`,
        { service: exit.name, log: options.service.logFile },
      );
    }
    if (await ready()) return;
    if (Date.now() > deadline) {
      throw new TestnetError(
        'service_timeout',
        `${what} was not ready within ${options.timeoutMs / 1000} s`,
        {
          log: options.service?.logFile,
        },
      );
    }
    await sleep(POLL_MS, undefined, { signal: options.signal });
  }
}

/** The last lines of a log file, for error messages. */
export function logTail(path: string, lines = 15): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
