import type { Command } from 'commander';
import type { CliIo } from './io';
import { writeOutput, type CommandOutput, type OutputFormat } from './output';

export interface CommandContext {
  io: CliIo;
  format: OutputFormat;
  /** Aborted on SIGINT/SIGTERM so long handlers can stop cleanly. */
  signal: AbortSignal;
}

/** A command's logic, free of commander: tests call it directly with plain options. */
export type CommandHandler<Options> = (options: Options, ctx: CommandContext) => Promise<CommandOutput>;

export interface CliEnvironment {
  io: CliIo;
  signal: AbortSignal;
}

/** One top-level command folder: it adds itself (and its subcommands) to the program. */
export interface CommandModule {
  register(program: Command, env: CliEnvironment): void;
}

/**
 * Adapts a handler to commander: gathers the options (global ones included), runs the handler
 * and prints its output as text or JSON. Errors propagate to `runCli`, which reports them.
 */
export function commandAction<Options>(
  env: CliEnvironment,
  handler: CommandHandler<Options>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const options = command.optsWithGlobals() as Options & { output: OutputFormat };
    const positional = command.processedArgs;
    const ctx: CommandContext = { io: env.io, format: options.output, signal: env.signal };
    const result = await handler(Object.assign({}, options, { args: positional }), ctx);
    writeOutput(result, ctx.format, env.io);
  };
}
