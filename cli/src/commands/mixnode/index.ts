import { Option } from 'commander';
import { commandAction, type CommandModule } from '../../framework/command';
import { mixnodeInit } from './init';
import { logLevelOption, portOption, workersOption } from '../../framework/node-options';
import { mixnodeRun, type MixnodeRunEnvironment } from './run';

export { mixnodeInit } from './init';
export type { MixnodeInitOptions } from './init';
export { mixnodeRun } from './run';
export type { MixnodeRunEnvironment, MixnodeRunOptions } from './run';

const idOption = (): Option =>
  new Option('--id <id>', 'mix node id (home defaults to ~/.nym/mixnodes/<id>)').env('NYM_MIXNODE_ID');
const homeOption = (): Option => new Option('--home <dir>', 'the node home folder').env('NYM_MIXNODE_HOME');

/** `nymts mixnode …`. Bonding (`bond`, `unbond`) joins once the mixnet contract exists. */
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
    },
  };
}
