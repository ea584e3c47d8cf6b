import { Option } from 'commander';
import { commandAction, type CommandModule } from '../../framework/command';
import { mixnodeInit } from './init';
import { logLevelOption, portOption, workersOption } from '../../framework/node-options';
import { mixnodeRun, type MixnodeRunEnvironment } from './run';
import { addChainCommand } from '../../chain/options';
import type { CommandHandler } from '../../framework/command';
import { mixnetOption, vestingFlag, type MixnetQueryOptions } from '../mixnet/shared';
import {
  mixnodeBond,
  mixnodeDecreasePledge,
  mixnodeDelegators,
  mixnodePledgeMore,
  mixnodeRewards,
  mixnodeUnbond,
  mixnodeUpdateConfig,
  mixnodeUpdateCost,
  mixnodeWithdrawRewards,
} from './bonding';

export { mixnodeInit } from './init';
export type { MixnodeInitOptions } from './init';
export { mixnodeRun } from './run';
export type { MixnodeRunEnvironment, MixnodeRunOptions } from './run';
export {
  mixnodeBond,
  mixnodeDecreasePledge,
  mixnodeDelegators,
  mixnodePledgeMore,
  mixnodeRewards,
  mixnodeUnbond,
  mixnodeUpdateConfig,
  mixnodeUpdateCost,
  mixnodeWithdrawRewards,
} from './bonding';
export type { MixnodeBondOptions, MixnodeCostOptions, MixnodeHomeOptions } from './bonding';

const idOption = (): Option =>
  new Option('--id <id>', 'mix node id (home defaults to ~/.nym/mixnodes/<id>)').env('NYM_MIXNODE_ID');
const homeOption = (): Option => new Option('--home <dir>', 'the node home folder').env('NYM_MIXNODE_HOME');

const AMOUNT_HELP = 'NYM (1.5, 1.5nym) or unym (1500000unym)';
const costOptions = (): Option[] => [
  new Option('--profit-margin <percent>', 'the operator’s share of the profit, 0–100 (default 10)'),
  new Option('--interval-cost <amount>', `operating cost per interval: ${AMOUNT_HELP} (default 40 NYM)`),
];

/** `nymts mixnode …`: keys and config, running the node, and its bond in the mixnet contract. */
export function mixnodeModule(environment: MixnodeRunEnvironment = {}): CommandModule {
  return {
    register(program, env) {
      const mixnode = program.command('mixnode').description('run a mix node: keys, config, the node itself');
      mixnode
        .command('init')
        .description('create keys (PEM, mode 0600) and a config file for a new mix node')
        .addOption(idOption())
        .addOption(homeOption())
        .addOption(new Option('--host <ip>', 'address to listen on (default 0.0.0.0)'))
        .addOption(
          new Option(
            '--announce-host <ip>',
            'address other nodes dial (default: the listen address, or 127.0.0.1)',
          ),
        )
        .addOption(portOption('--mix-port <port>', 'mix port (default 1789)'))
        .addOption(portOption('--http-port <port>', 'HTTP API port (default 8000)'))
        .addOption(workersOption())
        .action(commandAction(env, mixnodeInit));
      mixnode
        .command('run')
        .description('run the mix node until SIGINT or SIGTERM; flags override the config file')
        .addOption(idOption())
        .addOption(homeOption())
        .addOption(new Option('--host <ip>', 'listen address for the mix port and the HTTP API'))
        .addOption(portOption('--mix-port <port>', 'mix port'))
        .addOption(portOption('--http-port <port>', 'HTTP API port'))
        .addOption(workersOption())
        .addOption(logLevelOption())
        .action(commandAction(env, mixnodeRun(environment)));
      const leaf = <O extends MixnetQueryOptions>(
        name: string,
        description: string,
        signing: boolean,
        handler: CommandHandler<O>,
      ) => addChainCommand(mixnode, env, { name, description, signing, contract: mixnetOption(), handler });
      const staking = <O extends MixnetQueryOptions>(
        name: string,
        description: string,
        handler: CommandHandler<O>,
      ) => leaf(name, description, true, handler).addOption(vestingFlag());
      const bond = staking('bond', 'bond the mix node in --home/--id with the key’s NYM', mixnodeBond)
        .argument('<pledge>', AMOUNT_HELP)
        .addOption(idOption())
        .addOption(homeOption())
        .addOption(new Option('--location <text>', 'where the node runs'));
      for (const option of costOptions()) bond.addOption(option);
      staking('unbond', 'unbond the key’s mix node at the end of the epoch', mixnodeUnbond);
      staking('update-config', 'publish the host, ports and version from --home/--id', mixnodeUpdateConfig)
        .addOption(idOption())
        .addOption(homeOption())
        .addOption(new Option('--location <text>', 'where the node runs'));
      const cost = staking(
        'update-cost',
        'new profit margin and operating cost (from the next interval)',
        mixnodeUpdateCost,
      );
      for (const option of costOptions()) cost.addOption(option);
      staking('pledge-more', 'add NYM to the pledge (at the end of the epoch)', mixnodePledgeMore).argument(
        '<amount>',
        AMOUNT_HELP,
      );
      staking(
        'decrease-pledge',
        'take part of the pledge back (at the end of the epoch)',
        mixnodeDecreasePledge,
      ).argument('<amount>', AMOUNT_HELP);
      leaf(
        'delegators',
        'the delegations to a mix node (default: the key’s)',
        false,
        mixnodeDelegators,
      ).argument('[mix_id]');
      leaf(
        'rewards',
        'the operator rewards an owner may withdraw (default: the key’s)',
        false,
        mixnodeRewards,
      ).argument('[owner]');
      staking('withdraw-rewards', 'withdraw the key’s operator rewards', mixnodeWithdrawRewards);
    },
  };
}
