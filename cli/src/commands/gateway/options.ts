import { defaultGatewayHome } from '@nymts/gateway';
import { resolveNodeHome } from '../../framework/node-options';

/** `--home` wins; otherwise `~/.nym/gateways/<id>`. */
export const resolveHome = (options: { id?: string; home?: string }): string =>
  resolveNodeHome(options, { name: 'gateway', defaultHome: defaultGatewayHome });
