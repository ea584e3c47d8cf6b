import { CommanderError } from 'commander';
import { CliError, USAGE_EXIT_CODE } from './framework/errors';
import { processIo, type CliIo } from './framework/io';
import { toJson } from './framework/output';
import type { CommandModule } from './framework/command';
import { commandModulesFor } from './commands';
import { createProgram } from './program';

function wantsJson(argv: readonly string[]): boolean {
  const index = argv.findIndex((arg) => arg === '--output' || arg === '-o');
  if (index >= 0) return argv[index + 1] === 'json';
  if (argv.includes('--output=json')) return true;
  return process.env.NYM_OUTPUT === 'json';
}

function reportCliError(error: CliError, json: boolean, io: CliIo): void {
  if (json) io.out(toJson({ error: { code: error.code, message: error.message, details: error.details } }));
  else io.err(`error: ${error.message}`);
}

/** Runs `nymts` with the given arguments; resolves to the process exit code, never throws. */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo,
  options: { modules?: readonly CommandModule[]; signal?: AbortSignal } = {},
): Promise<number> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  const ownsProcess = io === processIo;
  if (ownsProcess) {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  options.signal?.addEventListener('abort', stop, { once: true });
  const program = createProgram(
    { io, signal: controller.signal },
    options.modules ?? commandModulesFor(argv),
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end through exitOverride with code 0; usage errors were already printed.
      return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    }
    if (error instanceof CliError) {
      reportCliError(error, wantsJson(argv), io);
      return error.exitCode;
    }
    io.err(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    if (ownsProcess) {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  }
}
