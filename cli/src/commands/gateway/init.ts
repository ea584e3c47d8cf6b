import { basename } from 'node:path';
import { encodeKey, formatSocketAddress, parseSocketAddress } from '@nymts/node-common';
import { initGateway } from '@nymts/gateway';
import type { CommandHandler } from '../../framework/command';
import { asCliError } from '../../framework/node-options';
import { resolveHome } from './options';

export interface GatewayInitOptions {
  id?: string;
  home?: string;
  host?: string;
  announceHost?: string;
  mixPort?: number;
  clientsPort?: number;
  httpPort?: number;
  workers?: number;
}

/** `nymts gateway init`: keys (PEM, 0600) and a config file in a new home folder. */
export const gatewayInit: CommandHandler<GatewayInitOptions> = async (options) => {
  const home = resolveHome(options);
  const id = options.id ?? basename(home);
  const { config, paths, identity, sphinx } = asCliError(() =>
    initGateway({
      id,
      home,
      listenHost: options.host,
      announceHost: options.announceHost,
      mixPort: options.mixPort,
      clientsPort: options.clientsPort,
      httpPort: options.httpPort,
      workers: options.workers,
    }),
  );
  const announced = (address: string | undefined, fallback: string): string =>
    formatSocketAddress(parseSocketAddress(address ?? fallback));
  const data = {
    id,
    home,
    config: paths.config,
    identity_key: encodeKey(identity.publicKeyBytes),
    sphinx_key: encodeKey(sphinx.publicKeyBytes),
    mix_address: announced(config.mixnet.announce_address, config.mixnet.listen_address),
    clients_address: `ws://${announced(config.clients.announce_address, config.clients.listen_address)}`,
    http_address: config.http.listen_address,
  };
  const text = [
    `initialised gateway "${id}" in ${home}`,
    `  identity key  ${data.identity_key}   (clients' addresses end in @${data.identity_key})`,
    `  sphinx key    ${data.sphinx_key}`,
    `  mix address   ${data.mix_address}`,
    `  clients       ${data.clients_address}`,
    `  HTTP API      ${data.http_address}`,
    `  config        ${data.config}`,
    `start it with: nymts gateway run --home ${home}`,
  ].join('\n');
  return { data, text };
};
