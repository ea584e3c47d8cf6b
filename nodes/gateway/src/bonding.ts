// Bonding a gateway from its home folder, with the mix node's shared bonding steps: the gateway's
// description adds its client WebSocket port and has no cost parameters (gateways earn nothing).
import type { MixnetTypes, SigningSession } from '@nymts/contracts-client';
import { loadTomlConfig, parseSocketAddress } from '@nymts/node-common';
import {
  announcedAddress,
  descriptionKeys,
  nodeVersion,
  readNodeKeys,
  submitBond,
  type BondResult,
  type NodeBondOptions,
  type NodeKeys,
} from '@nymts/mixnode';
import { gatewayConfigSchema, gatewayPaths, type GatewayConfig } from './config/gateway-config';

export interface GatewayHome {
  config: GatewayConfig;
  keys: NodeKeys;
  description: MixnetTypes.Gateway;
}

/** The gateway's config, keys and the description the contract would store, from its home. */
export function readGatewayHome(
  home: string,
  options: { location?: string; version?: string } = {},
): GatewayHome {
  const config = loadTomlConfig(gatewayPaths(home).config, gatewayConfigSchema);
  const keys = readNodeKeys(gatewayPaths(home, config));
  const mix = announcedAddress(
    config.mixnet.announce_address,
    config.mixnet.listen_address,
    'mix port',
    home,
  );
  const clients = announcedAddress(
    config.clients.announce_address,
    config.clients.listen_address,
    'client WebSocket',
    home,
  );
  const description: MixnetTypes.Gateway = {
    host: mix.host,
    mix_port: mix.port,
    clients_port: clients.port,
    http_api_port: parseSocketAddress(config.http.listen_address).port,
    location: options.location ?? '',
    ...descriptionKeys(keys),
    version: nodeVersion(options),
  };
  return { config, keys, description };
}

/** Bonds the gateway in `home` for the session's account. */
export async function bondGatewayFromHome(
  session: SigningSession,
  home: string,
  options: NodeBondOptions,
): Promise<BondResult> {
  const { keys, description } = readGatewayHome(home, options);
  return submitBond(session, options, { kind: 'gateway-bonding', keys, description });
}
