import { formatSocketAddress, validateConfig } from '@nymts/node-common';
import {
  initialNodeSections,
  writeNodeHome,
  type InitNodeOptions,
  type InitNodeResult,
} from '@nymts/mixnode';
import { gatewayConfigSchema, gatewayPaths, type GatewayConfig } from './gateway-config';

export interface InitGatewayOptions extends InitNodeOptions {
  /** The client WebSocket port (default 9000). */
  clientsPort?: number;
}

/**
 * `nymts gateway init`: identity and Sphinx keys (PEM, mode 0600) and a config file in a new
 * home folder; refuses a home that already has a config.
 */
export function initGateway(options: InitGatewayOptions): InitNodeResult<GatewayConfig> {
  const paths = gatewayPaths(options.home);
  const { listenHost, announceHost, raw } = initialNodeSections(options);
  const clientsPort = options.clientsPort ?? 9000;
  const config = validateConfig(
    gatewayConfigSchema,
    {
      ...raw,
      clients: {
        listen_address: formatSocketAddress({ host: listenHost, port: clientsPort }),
        announce_address: formatSocketAddress({ host: announceHost, port: clientsPort }),
      },
    },
    'gateway init options',
  );
  return { paths, config, ...writeNodeHome(paths, config, `gateway "${options.id}"`) };
}
