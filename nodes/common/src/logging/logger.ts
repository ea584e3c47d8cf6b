import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { DestinationStream, Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = LevelWithSilent;

export interface LoggerOptions {
  /** Names the process in every line, e.g. `mixnode`. */
  name: string;
  level?: LogLevel;
  /** Where lines go: stdout when omitted, stderr to keep stdout for a command's own output, or a stream (tests). */
  destination?: DestinationStream | 'stderr';
  /** Fields on every line, e.g. the node id. */
  base?: Record<string, unknown>;
}

/** One JSON line per event; components take `componentLogger(root, 'listener')`. */
export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    name: options.name,
    level: options.level ?? 'info',
    base: { pid: process.pid, ...options.base },
  };
  if (options.destination === undefined) return pino(settings);
  return pino(
    settings,
    options.destination === 'stderr' ? pino.destination({ fd: 2, sync: false }) : options.destination,
  );
}

export function componentLogger(parent: Logger, component: string): Logger {
  return parent.child({ component });
}

/** A logger that writes nothing, for tests and tools that do not want node logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
