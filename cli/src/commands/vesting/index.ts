import { Option } from 'commander';
import type { CommandHandler, CommandModule } from '../../framework/command';
import { addChainCommand } from '../../chain/options';
import type { VestingQueryOptions } from './options';
import { vestingAccount, vestingAccounts, vestingSchedule, vestingSpendable, vestingVested } from './queries';
import { vestingCreate, vestingSetAdmin, vestingTransferOwnership, vestingWithdraw } from './transactions';

export { vestingAccount, vestingAccounts, vestingSchedule, vestingSpendable, vestingVested } from './queries';
export type { VestingAccountsOptions, VestingAtOptions } from './queries';
export { vestingCreate, vestingSetAdmin, vestingTransferOwnership, vestingWithdraw } from './transactions';
export type { VestingCreateOptions } from './transactions';
export type { VestingQueryOptions, VestingTxOptions } from './options';

const vestingOption = (): Option =>
  new Option('--vesting <address>', 'the vesting contract (default: from the deployment record)').env(
    'NYM_VESTING_CONTRACT',
  );

/** `nymts vesting …`: vesting accounts of NYM — create, watch, withdraw, hand over. */
export function vestingModule(): CommandModule {
  return {
    register(program, env) {
      const vesting = program
        .command('vesting')
        .description('vesting accounts: create them, watch them vest, withdraw what has vested');
      const leaf = <O extends VestingQueryOptions>(
        name: string,
        description: string,
        signing: boolean,
        handler: CommandHandler<O>,
      ) => addChainCommand(vesting, env, { name, description, signing, contract: vestingOption(), handler });
      leaf(
        'create',
        'open a vesting account for an owner with NYM from the key (the admin only)',
        true,
        vestingCreate,
      )
        .argument('<owner>')
        .argument('<amount>', 'NYM (1.5, 1.5nym) or unym (1500000unym)')
        .option(
          '--start-time <time>',
          'when the first period starts: Unix seconds or ISO 8601 (default: now)',
        )
        .option('--period-seconds <n>', 'length of a period (default 7776000, 90 days)')
        .option('--periods <n>', 'number of periods (default 8)')
        .option('--staking-address <address>', 'an address that may stake the account’s NYM for the owner')
        .option(
          '--pledge-cap <cap>',
          'how much may be pledged: 10% of the original amount, or an amount (5000nym)',
        )
        .addOption(
          new Option('--token <address>', 'the NYM token (default: the vesting contract’s)').env(
            'NYM_TOKEN_CONTRACT',
          ),
        );
      leaf(
        'account',
        'an account’s amounts: vested, spendable, withdrawn, staked',
        false,
        vestingAccount,
      ).argument('[owner]', 'the owner (default: the key’s address)');
      leaf(
        'schedule',
        'when each period of an account ends and how much has vested by then',
        false,
        vestingSchedule,
      ).argument('[owner]', 'the owner (default: the key’s address)');
      leaf('vested', 'how much NYM of an account has vested', false, vestingVested)
        .argument('[owner]', 'the owner (default: the key’s address)')
        .option('--at <time>', 'at this time instead of now (Unix seconds or ISO 8601)');
      leaf('spendable', 'how much NYM the owner may withdraw', false, vestingSpendable)
        .argument('[owner]', 'the owner (default: the key’s address)')
        .option('--at <time>', 'at this time instead of now (Unix seconds or ISO 8601)');
      leaf('withdraw', 'withdraw vested NYM of the key’s account', true, vestingWithdraw).argument(
        '<amount>',
        'NYM (1.5, 1.5nym), unym (1500000unym), or "all" that is spendable',
      );
      leaf(
        'transfer-ownership',
        'give the key’s vesting account to another address',
        true,
        vestingTransferOwnership,
      ).argument('<new-owner>');
      leaf('accounts', 'every vesting account, in owner order', false, vestingAccounts)
        .option('--start-after <owner>', 'continue after this owner')
        .option('--limit <n>', 'accounts per page (at most 100)')
        .option('--all', 'every page');
      leaf(
        'set-admin',
        'hand the vesting admin role to another address (the admin only)',
        true,
        vestingSetAdmin,
      ).argument('<admin>');
    },
  };
}
