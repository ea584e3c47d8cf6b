import { Option } from 'commander';
import { commandAction, type CommandModule } from '../../framework/command';
import { logLevelOption, portOption, workersOption } from '../../framework/node-options';
import { gatewayInit } from './init';
import { gatewayRun, type GatewayRunEnvironment } from './run';
import { addChainCommand } from '../../chain/options';
import type { CommandHandler } from '../../framework/command';
import { mixnetOption, vestingFlag, type StakeOptions } from '../mixnet/shared';
import { gatewayBond, gatewayUnbond, gatewayUpdateConfig } from './bonding';

export { gatewayInit } from './init';
export type { GatewayInitOptions } from './init';
export { gatewayRun } from './run';
export type { GatewayRunEnvironment, GatewayRunOptions } from './run';
export { gatewayBond, gatewayUnbond, gatewayUpdateConfig } from './bonding';
export type { GatewayHomeOptions } from './bonding';

const idOption = (): Option =>
  new Option('--id <id>', 'gateway id (home defaults to ~/.nym/gateways/<id>)').env('NYM_GATEWAY_ID');
const homeOption = (): Option =>
  new Option('--home <dir>', 'the gateway home folder').env('NYM_GATEWAY_HOME');
const portOptions = (scope: 'init' | 'run'): Option[] => [
  portOption('--mix-port <port>', scope === 'init' ? 'mix port (default 1789)' : 'mix port'),
  portOption(
    '--clients-port <port>',
    scope === 'init' ? 'client WebSocket port (default 9000)' : 'client WebSocket port',
  ),
  portOption('--http-port <port>', scope === 'init' ? 'HTTP API port (default 8000)' : 'HTTP API port'),
];

/** `nymts gateway …`: keys and config, running the gateway, and its bond in the mixnet contract. */
export function gatewayModule(environment: GatewayRunEnvironment = {}): CommandModule {
  return {
    register(program, env) {
      const gateway = program
        .command('gateway')
        .description('run a gateway: keys, config, the gateway itself (mix port and client WebSocket)');
      const init = gateway
        .command('init')
        .description('create keys (PEM, mode 0600) and a config file for a new gateway')
        .addOption(idOption())
        .addOption(homeOption())
        .addOption(new Option('--host <ip>', 'address to listen on (default 0.0.0.0)'))
        .addOption(
          new Option(
            '--announce-host <ip>',
            'address nodes and clients dial (default: the listen address, or 127.0.0.1)',
          ),
        );
      for (const option of portOptions('init')) init.addOption(option);
      init.addOption(workersOption()).action(commandAction(env, gatewayInit));
      const run = gateway
        .command('run')
        .description('run the gateway until SIGINT or SIGTERM; flags override the config file')
        .addOption(idOption())
        .addOption(homeOption())
        .addOption(
          new Option('--host <ip>', 'listen address for the mix port, the client WebSocket and the HTTP API'),
        );
      for (const option of portOptions('run')) run.addOption(option);
      run
        .addOption(workersOption())
        .addOption(logLevelOption())
        .action(commandAction(env, gatewayRun(environment)));
      const staking = <O extends StakeOptions>(
        name: string,
        description: string,
        handler: CommandHandler<O>,
      ) =>
        addChainCommand(gateway, env, {
          name,
          description,
          signing: true,
          contract: mixnetOption(),
          handler,
        }).addOption(vestingFlag());
      staking('bond', 'bond the gateway in --home/--id with the key’s NYM', gatewayBond)
        .argument('<pledge>', 'NYM (1.5, 1.5nym) or unym (1500000unym)')
        .addOption(idOption())
        .addOption(homeOption())
        .addOption(new Option('--location <text>', 'where the gateway runs'));
      staking('unbond', 'unbond the key’s gateway (the pledge returns at once)', gatewayUnbond);
      staking('update-config', 'publish the host, ports and version from --home/--id', gatewayUpdateConfig)
        .addOption(idOption())
        .addOption(homeOption())
        .addOption(new Option('--location <text>', 'where the gateway runs'));
    },
  };
}
