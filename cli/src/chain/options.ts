// The options every command that talks to the chain shares (`nymts token …`, `nymts vesting …`):
// where the node is, where the deployment record is, which key signs and what fees to offer.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_GAS_MULTIPLIER, DEFAULT_GAS_PRICE } from '@nymts/contracts-client';
import { commandAction, type CliEnvironment, type CommandHandler } from '../framework/command';
import { useConfigFile } from '../framework/layers';
import { mnemonicFromEnvironment } from './session';

export const DEFAULT_NODE = 'http://127.0.0.1:26657';

export interface ChainOptions {
  node: string;
  /** The deployment record; `~/.nym/deployments.json` when absent. */
  deployment?: string;
  config?: string;
}

export interface KeyOptions {
  mnemonicFile?: string;
  /** From `NYM_MNEMONIC` (never a flag: a flag would show in the process list and shell history). */
  mnemonic?: string;
}

export interface SigningOptions extends ChainOptions, KeyOptions {
  gasPrice: string;
  gasMultiplier: number;
}

function positiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('expected a number above 0');
  return value;
}

/** Adds the chain options to a leaf command; `signing` adds the key and fee options too. */
export function addChainOptions(command: Command, { signing }: { signing: boolean }): Command {
  command
    .addOption(new Option('--node <url>', 'the chain’s RPC endpoint').env('NYM_NODE').default(DEFAULT_NODE))
    .addOption(
      new Option('--deployment <file>', 'the deployment record (default ~/.nym/deployments.json)').env(
        'NYM_DEPLOYMENT',
      ),
    )
    .addOption(
      new Option(
        '--mnemonic-file <file>',
        'a file holding the key’s BIP-39 mnemonic (or set NYM_MNEMONIC)',
      ).env('NYM_MNEMONIC_FILE'),
    )
    .addOption(
      new Option('--config <file>', 'a TOML file with defaults for these options').env('NYM_CONFIG'),
    );
  if (signing) {
    command
      .addOption(
        new Option('--gas-price <price>', 'price per unit of gas')
          .env('NYM_GAS_PRICE')
          .default(DEFAULT_GAS_PRICE),
      )
      .addOption(
        new Option('--gas-multiplier <x>', 'gas limit = simulated gas × this')
          .env('NYM_GAS_MULTIPLIER')
          .argParser(positiveNumber)
          .default(DEFAULT_GAS_MULTIPLIER),
      );
  }
  useConfigFile(command, (options) => options.config as string | undefined);
  return command;
}

export interface ChainCommandSpec<O extends KeyOptions> {
  name: string;
  description: string;
  /** Signs a transaction: adds the fee options. */
  signing: boolean;
  /** The option naming the contract (overriding the deployment record). */
  contract: Option;
  handler: CommandHandler<O>;
}

/** A leaf command under `parent` with the chain options, its contract option and its handler. */
export function addChainCommand<O extends KeyOptions>(
  parent: Command,
  env: CliEnvironment,
  spec: ChainCommandSpec<O>,
): Command {
  const command = parent.command(spec.name).description(spec.description).addOption(spec.contract);
  addChainOptions(command, { signing: spec.signing });
  command.action(commandAction(env, mnemonicFromEnvironment(spec.handler)));
  return command;
}
