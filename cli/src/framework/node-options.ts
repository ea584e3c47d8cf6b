// Options and error handling shared by the commands that run a node (mixnode, gateway).
import { once } from 'node:events';
import { InvalidArgumentError, Option } from 'commander';
import { LOG_LEVELS, NodeError } from '@nymts/node-common';
import type { CommandContext } from './command';
import { CliError } from './errors';

export function integerOption(
  flags: string,
  description: string,
  range: { min: number; max: number },
): Option {
  return new Option(flags, description).argParser((text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < range.min || value > range.max) {
      throw new InvalidArgumentError(`expected a whole number from ${range.min} to ${range.max}`);
    }
    return value;
  });
}

export const portOption = (flags: string, description: string): Option =>
  integerOption(flags, description, { min: 0, max: 65535 });

export const workersOption = (): Option =>
  integerOption('--workers <n>', 'worker threads that unwrap packets (0: main thread)', { min: 0, max: 64 });

export const logLevelOption = (): Option =>
  new Option('--log-level <level>', 'log level').choices(LOG_LEVELS).env('NYM_LOG_LEVEL');

/** `--home` wins; otherwise the role's default home for `--id`. */
export function resolveNodeHome(
  options: { id?: string; home?: string },
  role: { name: string; defaultHome(id: string): string },
): string {
  if (options.home !== undefined) return options.home;
  if (options.id !== undefined) return role.defaultHome(options.id);
  throw new CliError('missing_node', `name the ${role.name} with --id <id> or --home <dir>`);
}

/** Node errors a user can fix (bad config, existing keys, file modes) become CLI errors. */
export function toCliError(error: unknown): unknown {
  if (error instanceof NodeError && error.action === 'reject') {
    return new CliError(error.code, error.message, error.details);
  }
  return error;
}

export function asCliError<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw toCliError(error);
  }
}

/**
 * Starts a node and keeps it up until the command's signal (SIGINT/SIGTERM) aborts, then stops
 * it cleanly. A node that fails to start is stopped again, so nothing it opened stays open.
 */
export async function runUntilAborted(
  node: { start(signal?: AbortSignal): Promise<void>; stop(): Promise<void> },
  ctx: CommandContext,
  started: () => string,
): Promise<void> {
  try {
    await node.start(ctx.signal);
  } catch (error) {
    await node.stop();
    throw toCliError(error);
  }
  const message = started();
  if (ctx.io.interactive) ctx.io.err(message);
  if (!ctx.signal.aborted) await once(ctx.signal, 'abort');
  await node.stop();
}
