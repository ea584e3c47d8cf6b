import { Option, type Command } from 'commander';
import { commandAction, type CommandModule } from '../../framework/command';
import { initChain, startChainCommand } from './handlers';

/** `nymts chain init|start`: the embedded Nyx node. */
export const chainCommand: CommandModule = {
  register(program, env) {
    const chain = program
      .command('chain')
      .description('the embedded Nyx chain: create a home folder, run the node');
    registerInit(chain, env);
    registerStart(chain, env);
  },
};

function homeOption(): Option {
  return new Option('--home <dir>', 'chain home folder (config/, data/, dev-accounts.json)')
    .env('NYM_CHAIN_HOME')
    .makeOptionMandatory();
}

function registerInit(chain: Command, env: Parameters<CommandModule['register']>[1]): void {
  chain
    .command('init')
    .description('create a chain home: genesis, validator key, config.toml (and dev accounts with --dev)')
    .addOption(homeOption())
    .addOption(new Option('--chain-id <id>', 'chain id').env('NYM_CHAIN_ID').default('nyx-local'))
    .option(
      '--dev',
      'dev chain: fund the published dev accounts, write dev-accounts.json, serve the dev RPC controls',
    )
    .option(
      '--account <address:coins>',
      'an extra funded genesis account, e.g. n1…:1000000unyx (repeatable)',
      collect,
      [],
    )
    .addOption(
      new Option('--rpc <host:port>', 'RPC listen address to write into config.toml').env('NYM_CHAIN_RPC'),
    )
    .addOption(
      new Option('--block-time <duration|instant>', 'block time to write into config.toml').env(
        'NYM_CHAIN_BLOCK_TIME',
      ),
    )
    .addOption(
      new Option(
        '--minimum-gas-prices <prices>',
        'CheckTx fee floor to write into config.toml, e.g. 0.025unyx',
      ),
    )
    .action(commandAction(env, initChain));
}

function registerStart(chain: Command, env: Parameters<CommandModule['register']>[1]): void {
  chain
    .command('start')
    .description('run the node until SIGINT/SIGTERM, logging each block')
    .addOption(homeOption())
    .addOption(
      new Option('--rpc <host:port>', 'RPC listen address (overrides config.toml)').env('NYM_CHAIN_RPC'),
    )
    .addOption(
      new Option('--block-time <duration|instant>', 'e.g. 1s, 500ms or instant (overrides config.toml)').env(
        'NYM_CHAIN_BLOCK_TIME',
      ),
    )
    .addOption(
      new Option('--config <file>', 'config file (default <home>/config/config.toml)').env(
        'NYM_CHAIN_CONFIG',
      ),
    )
    .addOption(
      new Option('--log-level <level>', 'log level')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'silent'])
        .default('info')
        .env('NYM_LOG_LEVEL'),
    )
    .action(commandAction(env, startChainCommand));
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
