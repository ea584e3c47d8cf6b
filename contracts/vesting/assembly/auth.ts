import { Result, validateAddress } from '../../std/assembly/index';
import { Account, Config, CONFIG, loadAccount } from './state';

export function loadConfig(): Config {
  const config = CONFIG.load();
  if (config.isErr) abort('vesting contract is not instantiated');
  return config.value;
}

export function requireAdmin(config: Config, sender: string): string | null {
  return sender === config.admin ? null : 'Unauthorized: ' + sender + ' is not the admin';
}

/** A user-supplied address, validated by the chain (with the field name in the error). */
export function checkAddress(field: string, address: string): Result<string> {
  const valid = validateAddress(address);
  if (valid.isErr) return Result.err<string>('Invalid address in `' + field + '`: ' + valid.message);
  return valid;
}

/**
 * The account a staking call acts on: the sender's own, or with `onBehalfOf`, the account whose
 * staking address the sender is.
 */
export function stakingAccount(sender: string, onBehalfOf: string | null): Result<Account> {
  if (onBehalfOf === null) return loadAccount(sender);
  const account = loadAccount(onBehalfOf);
  if (account.isErr) return account;
  const staking = account.value.stakingAddress;
  if (staking === null || staking !== sender) {
    return Result.err<Account>('Unauthorized: ' + sender + ' is not the staking address of ' + onBehalfOf);
  }
  return account;
}
