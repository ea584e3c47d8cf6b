import type { CommandModule } from '../framework/command';
import { gatewayModule } from './gateway';
import { mixnodeModule } from './mixnode';

/**
 * Every top-level command, one folder each (`commands/<name>/`). Later issues add theirs here:
 * chain, testnet, token, vesting, mixnode, gateway, client, socks5, credential, signer.
 */
export const commandModules: readonly CommandModule[] = [mixnodeModule(), gatewayModule()];
