import { Option } from 'commander';
import { DEFAULT_BLOCK_TIME, DEFAULT_EPOCH_SECONDS, DEFAULT_HOME, type Launcher } from '@nymts/testnet';
import { commandAction, type CommandModule } from '../../framework/command';
import { integerOption, portOption } from '../../framework/node-options';
import { testnetReset, testnetStatusCommand, testnetUp } from './handlers';

export { testnetReset, testnetStatusCommand, testnetUp, NYMTS_LAUNCHER } from './handlers';
export type { HomeOptions, UpOptions } from './handlers';

const homeOption = (): Option =>
  new Option('--home <dir>', `the network's data folder (default ${DEFAULT_HOME})`).env('NYM_TESTNET_HOME');

/** `nymts testnet up|status|reset`: the whole platform on one machine. */
export function testnetModule(launcher?: Launcher): CommandModule {
  return {
    register(program, env) {
      const testnet = program
        .command('testnet')
        .description('the local network: chain, contracts, bonded mix nodes and gateways, clients');
      testnet
        .command('up')
        .description('create (or resume) the local network and run it until Ctrl-C')
        .addOption(homeOption())
        .addOption(
          portOption(
            '--base-port <port>',
            'consecutive ports from this one (0: ports the system picks); default: the standard ports offset per node',
          ).env('NYM_TESTNET_BASE_PORT'),
        )
        .addOption(
          new Option(
            '--block-time <duration|instant>',
            `block time of a new chain (default ${DEFAULT_BLOCK_TIME})`,
          ).env('NYM_TESTNET_BLOCK_TIME'),
        )
        .addOption(
          integerOption(
            '--epoch-seconds <s>',
            `epoch length: the rewarding period (default ${DEFAULT_EPOCH_SECONDS})`,
            {
              min: 1,
              max: 86_400,
            },
          ).env('NYM_TESTNET_EPOCH_SECONDS'),
        )
        .addOption(integerOption('--clients <n>', 'clients of a new network (default 1)', { min: 0, max: 8 }))
        .action(commandAction(env, testnetUp(launcher)));
      testnet
        .command('status')
        .description('what runs, chain height, epoch, per-node packet counters (works from another shell)')
        .addOption(homeOption())
        .action(commandAction(env, testnetStatusCommand));
      testnet
        .command('reset')
        .description("delete the network's data folder (the network must be stopped)")
        .addOption(homeOption())
        .action(commandAction(env, testnetReset));
    },
  };
}
