import { Command, Option } from 'commander';
import { allCommandModules } from './commands';
import type { CliEnvironment, CommandModule } from './framework/command';
import { OUTPUT_FORMATS } from './framework/output';

const VERSION: string = (require('../package.json') as { version: string }).version;

export function createProgram(
  env: CliEnvironment,
  modules: readonly CommandModule[] = allCommandModules(),
): Command {
  const program = new Command('nymts')
    .description('nymts: the Nym privacy platform in TypeScript — chain, mixnet, credentials, tokens')
    .version(VERSION, '-V, --version')
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(OUTPUT_FORMATS)
        .default('text')
        .env('NYM_OUTPUT'),
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => env.io.out(text),
      writeErr: (text) => env.io.err(text),
    });
  // Modules add their commands with program.command(…), so each inherits the root's error
  // handling and output routing (a detached `new Command()` would not).
  for (const module of modules) module.register(program, env);
  return program;
}
