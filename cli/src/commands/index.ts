import type { CommandModule } from '../framework/command';
import { chainCommand } from './chain';
import { clientModule } from './client';
import { delegationModule } from './delegate';
import { gatewayModule } from './gateway';
import { mixnetModule } from './mixnet';
import { mixnodeModule } from './mixnode';
import { testnetModule } from './testnet';
import { tokenModule } from './token';
import { vestingModule } from './vesting';

/**
 * Every top-level command, one folder each (`commands/<name>/`), listed one per line so that
 * additions from parallel branches merge cleanly. Still to come: socks5,
 * credential, signer.
 */
// prettier-ignore
export const commandModules: readonly CommandModule[] = [
  chainCommand,
  mixnodeModule(),
  gatewayModule(),
  clientModule(),
  tokenModule(),
  vestingModule(),
  mixnetModule(),
  delegationModule(),
  testnetModule(),
];
