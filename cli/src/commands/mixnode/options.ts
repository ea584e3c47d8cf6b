import { InvalidArgumentError, Option } from 'commander';
import { defaultMixnodeHome } from '@nymts/mixnode';
import { CliError } from '../../framework/errors';

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

/** `--home` wins; otherwise `~/.nym/mixnodes/<id>`. */
export function resolveHome(options: { id?: string; home?: string }): string {
  if (options.home !== undefined) return options.home;
  if (options.id !== undefined) return defaultMixnodeHome(options.id);
  throw new CliError('missing_node', 'name the mix node with --id <id> or --home <dir>');
}
