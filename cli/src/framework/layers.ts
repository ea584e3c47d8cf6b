import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse as parseToml } from 'smol-toml';
import { CliError } from './errors';

/**
 * Option precedence is flags > NYM_ environment > config file > defaults. Commander already
 * orders flags over env over defaults; this adds the config file beneath env: a config value
 * replaces only an option whose value came from its default or from nowhere.
 */
export function applyConfigValues(command: Command, values: Record<string, unknown>): void {
  for (const option of command.options) {
    const key = option.attributeName();
    if (!(key in values)) continue;
    const source = command.getOptionValueSource(key);
    if (source === undefined || source === 'default') {
      command.setOptionValueWithSource(key, values[key], 'config');
    }
  }
}

export function readTomlFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError('config_unreadable', `cannot read config file ${path}`, {
      path,
      cause: String(error),
    });
  }
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(
      'config_invalid',
      `config file ${path} is not valid TOML: ${(error as Error).message}`,
      {
        path,
      },
    );
  }
}

/**
 * Installs the config-file layer on a command: before its action runs, the file named by
 * `pathOf(options)` (when it names one) fills the options that no flag or env variable set.
 */
export function useConfigFile(
  command: Command,
  pathOf: (options: Record<string, unknown>) => string | undefined,
): void {
  command.hook('preAction', (_hooked, actionCommand) => {
    const path = pathOf(actionCommand.optsWithGlobals());
    if (path !== undefined) applyConfigValues(actionCommand, readTomlFile(path));
  });
}
