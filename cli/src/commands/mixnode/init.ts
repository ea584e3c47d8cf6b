import { basename } from 'node:path';
import { encodeKey, formatSocketAddress, parseSocketAddress } from '@nymts/node-common';
import { initMixnode } from '@nymts/mixnode';
import type { CommandHandler } from '../../framework/command';
import { resolveHome } from './options';
import { asCliError } from '../../framework/node-options';

export interface MixnodeInitOptions {
  id?: string;
  home?: string;
  host?: string;
  announceHost?: string;
  mixPort?: number;
  httpPort?: number;
  workers?: number;
}

/** `nymts mixnode init`: keys (PEM, 0600) and a config file in a new home folder. */
export const mixnodeInit: CommandHandler<MixnodeInitOptions> = async (options) => {
  const home = resolveHome(options);
  const id = options.id ?? basename(home);
  const result = asCliError(() =>
    initMixnode({
      id,
      home,
      listenHost: options.host,
      announceHost: options.announceHost,
      mixPort: options.mixPort,
      httpPort: options.httpPort,
      workers: options.workers,
    }),
  );
  const mixAddress = result.config.mixnet.announce_address ?? result.config.mixnet.listen_address;
  const data = {
    id,
    home,
    config: result.paths.config,
    identity_key: encodeKey(result.identity.publicKeyBytes),
    sphinx_key: encodeKey(result.sphinx.publicKeyBytes),
    mix_address: formatSocketAddress(parseSocketAddress(mixAddress)),
    http_address: result.config.http.listen_address,
  };
  const text = [
    `initialised mix node "${id}" in ${home}`,
    `  identity key  ${data.identity_key}`,
    `  sphinx key    ${data.sphinx_key}`,
    `  mix address   ${data.mix_address}`,
    `  HTTP API      ${data.http_address}`,
    `  config        ${data.config}`,
    `start it with: nymts mixnode run --home ${home}`,
  ].join('\n');
  return { data, text };
};
