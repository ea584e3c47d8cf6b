import { basename } from 'node:path';
import { initClient } from '@nymts/client';
import type { CommandHandler } from '../../framework/command';
import { CliError } from '../../framework/errors';
import { asClientCliError, resolveHome } from './options';

export interface ClientInitOptions {
  id?: string;
  home?: string;
  topology?: string;
  gateway?: string;
  host?: string;
  port?: number;
}

/** `nymts client init`: keys and a config naming the client's gateway, in a new home folder. */
export const clientInit: CommandHandler<ClientInitOptions> = async (options, ctx) => {
  const home = resolveHome(options);
  const id = options.id ?? basename(home);
  const topologyFile = options.topology;
  if (topologyFile === undefined) {
    throw new CliError('missing_topology', 'give the network with --topology <file.json>');
  }
  const { config, paths, address } = await asClientCliError(() =>
    initClient(
      { id, home, topologyFile, gateway: options.gateway, apiHost: options.host, apiPort: options.port },
      ctx.signal,
    ),
  );
  const data = {
    id,
    home,
    config: paths.config,
    address,
    gateway: config.gateway.identity,
    topology: config.topology.file,
    websocket_api: `ws://${config.api.listen_address}`,
  };
  const text = [
    `initialised client "${id}" in ${home}`,
    `  address        ${address}`,
    `  gateway        ${data.gateway}`,
    `  topology       ${data.topology}`,
    `  WebSocket API  ${data.websocket_api}`,
    `  config         ${data.config}`,
    `start it with: nymts client run --home ${home}`,
  ].join('\n');
  return { data, text };
};
