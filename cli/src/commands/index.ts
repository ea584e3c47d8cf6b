import type { CommandModule } from '../framework/command';
import { mixnodeModule } from './mixnode';
import { tokenModule } from './token';
import { vestingModule } from './vesting';

/**
 * Every top-level command, one folder each (`commands/<name>/`). Later issues add theirs here:
 * chain, testnet, token, vesting, mixnode, gateway, client, socks5, credential, signer.
 */
export const commandModules: readonly CommandModule[] = [mixnodeModule(), tokenModule(), vestingModule()];
