import { Option, type Command } from 'commander';
import type { CommandHandler, CommandModule } from '../../framework/command';
import { addChainCommand } from '../../chain/options';
import type { TokenQueryOptions } from './options';
import { tokenAllowance, tokenBalance, tokenHolders, tokenInfo } from './queries';
import {
  tokenBurn,
  tokenDecreaseAllowance,
  tokenIncreaseAllowance,
  tokenMint,
  tokenSend,
  tokenTransferFrom,
} from './transactions';

export { tokenAllowance, tokenBalance, tokenHolders, tokenInfo } from './queries';
export type { TokenHoldersOptions } from './queries';
export {
  tokenBurn,
  tokenDecreaseAllowance,
  tokenIncreaseAllowance,
  tokenMint,
  tokenSend,
  tokenTransferFrom,
} from './transactions';
export type { TokenAllowanceTxOptions, TokenSendOptions } from './transactions';
export type { TokenQueryOptions, TokenTxOptions } from './options';

const AMOUNT_HELP = 'NYM (1.5, 1.5nym) or unym (1500000unym)';

const tokenOption = (): Option =>
  new Option('--token <address>', 'the NYM token contract (default: from the deployment record)').env(
    'NYM_TOKEN_CONTRACT',
  );

const expiryOptions = (command: Command): Command =>
  command
    .option('--expires-at-height <height>', 'the allowance expires at this block height')
    .option('--expires-at-time <time>', 'the allowance expires at this time (Unix seconds or ISO 8601)')
    .option('--never-expires', 'the allowance never expires');

/** `nymts token …`: the NYM token (cw20) — balances, transfers, allowances, minting. */
export function tokenModule(): CommandModule {
  return {
    register(program, env) {
      const token = program
        .command('token')
        .description('the NYM token: balances, transfers, allowances, minting');
      const leaf = <O extends TokenQueryOptions>(
        name: string,
        description: string,
        signing: boolean,
        handler: CommandHandler<O>,
      ) => addChainCommand(token, env, { name, description, signing, contract: tokenOption(), handler });
      leaf('info', 'name, symbol, supply, minter and cap', false, tokenInfo);
      leaf('balance', 'the NYM an address holds (default: the key’s)', false, tokenBalance).argument(
        '[address]',
      );
      leaf('allowance', 'how much NYM a spender may move for an owner', false, tokenAllowance)
        .argument('<owner>')
        .argument('<spender>');
      leaf('holders', 'every address holding NYM, with its balance', false, tokenHolders)
        .option('--start-after <address>', 'continue after this address')
        .option('--limit <n>', 'addresses per page (at most 30)')
        .option('--all', 'every page');
      leaf('send', `send NYM: ${AMOUNT_HELP}`, true, tokenSend)
        .argument('<recipient>')
        .argument('<amount>')
        .option('--msg <json>', 'call the recipient contract’s receive hook with this message (a cw20 Send)');
      leaf('transfer-from', 'move NYM from an owner who allowed the key to', true, tokenTransferFrom)
        .argument('<owner>')
        .argument('<recipient>')
        .argument('<amount>');
      expiryOptions(
        leaf('increase-allowance', 'let a spender move more of the key’s NYM', true, tokenIncreaseAllowance)
          .argument('<spender>')
          .argument('<amount>'),
      );
      expiryOptions(
        leaf('decrease-allowance', 'let a spender move less of the key’s NYM', true, tokenDecreaseAllowance)
          .argument('<spender>')
          .argument('<amount>'),
      );
      leaf('mint', 'create NYM (the token admin only)', true, tokenMint)
        .argument('<recipient>')
        .argument('<amount>');
      leaf('burn', 'destroy NYM the key holds', true, tokenBurn).argument('<amount>');
    },
  };
}
