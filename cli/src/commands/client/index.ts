import { Option } from 'commander';
import { commandAction, type CommandModule } from '../../framework/command';
import { logLevelOption, portOption } from '../../framework/node-options';
import { clientInit } from './init';
import { clientRun, type ClientRunEnvironment } from './run';

export { clientInit } from './init';
export type { ClientInitOptions } from './init';
export { clientRun } from './run';
export type { ClientRunEnvironment, ClientRunOptions } from './run';

const idOption = (): Option =>
  new Option('--id <id>', 'client id (home defaults to ~/.nym/clients/<id>)').env('NYM_CLIENT_ID');
const homeOption = (): Option => new Option('--home <dir>', 'the client home folder').env('NYM_CLIENT_HOME');
const topologyOption = (description: string): Option =>
  new Option('--topology <file>', description).env('NYM_TOPOLOGY');

/** `nymts client …`: a mixnet client with nym-client's WebSocket API. */
export function clientModule(environment: ClientRunEnvironment = {}): CommandModule {
  return {
    register(program, env) {
      const client = program
        .command('client')
        .description("run a mixnet client: keys, its gateway, nym-client's WebSocket API");
      client
        .command('init')
        .description('create keys (mode 0600) and a config naming the gateway, from a topology file')
        .addOption(idOption())
        .addOption(homeOption())
        .addOption(topologyOption('the network as JSON (mixnodes and gateways)'))
        .addOption(
          new Option('--gateway <identity>', 'bs58 identity of the gateway (default: one at random)'),
        )
        .addOption(new Option('--host <ip>', 'WebSocket API address (default 127.0.0.1)'))
        .addOption(portOption('--port <port>', 'WebSocket API port (default 1977)'))
        .action(commandAction(env, clientInit));
      client
        .command('run')
        .description('run the client until SIGINT or SIGTERM; flags override the config file')
        .addOption(idOption())
        .addOption(homeOption())
        .addOption(topologyOption('the network as JSON, in place of the configured file'))
        .addOption(new Option('--host <ip>', 'WebSocket API address'))
        .addOption(portOption('--port <port>', 'WebSocket API port'))
        .addOption(portOption('--http-port <port>', 'serve /metrics and health on this port'))
        .addOption(logLevelOption())
        .action(commandAction(env, clientRun(environment)));
    },
  };
}
