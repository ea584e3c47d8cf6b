// What went wrong with a transaction or query, in words a token or vesting admin can act on. The
// chain (and cosmjs) report a contract's refusal inside a longer log; the contract's own message
// is what tells them apart.
import { ContractsClientError } from './errors';

interface Known {
  pattern: RegExp;
  code: string;
  explain: string;
}

const KNOWN: readonly Known[] = [
  {
    pattern: /does not exist on chain/,
    code: 'account_missing',
    explain: 'the signing account does not exist on chain yet: send it some unyx first',
  },
  {
    pattern: /insufficient funds|insufficient fee/i,
    code: 'insufficient_fee_funds',
    explain: 'not enough unyx to pay the transaction fee',
  },
  { pattern: /Cannot Sub with/, code: 'insufficient_nym', explain: 'not enough NYM' },
  {
    pattern: /No allowance for this account/,
    code: 'no_allowance',
    explain: 'no allowance: the owner has not allowed this spender enough NYM',
  },
  {
    pattern: /Minting cannot exceed the cap/,
    code: 'cap_exceeded',
    explain: 'minting this much would exceed the token cap',
  },
  { pattern: /Nothing to withdraw/, code: 'nothing_vested', explain: 'nothing vested yet' },
  {
    pattern: /Insufficient spendable balance/,
    code: 'insufficient_spendable',
    explain: 'not that much NYM has vested yet',
  },
  {
    pattern: /Account already exists/,
    code: 'account_exists',
    explain: 'that address already owns a vesting account',
  },
  {
    pattern: /Account does not exist/,
    code: 'no_vesting_account',
    explain: 'no vesting account for that address',
  },
  { pattern: /is not the admin/, code: 'not_admin', explain: 'not the admin' },
  { pattern: /Unauthorized/, code: 'unauthorized', explain: 'not allowed' },
  { pattern: /Invalid zero amount/, code: 'amount_zero', explain: 'the amount must be more than 0' },
];

/** The part of a cosmjs error that the contract or the chain wrote, without cosmjs's framing. */
function chainMessage(text: string): string {
  return text
    .replace(/^Error when broadcasting tx \w+ at height \d+\. Code: \d+; Raw log: /, '')
    .replace(/^Query failed with \(\d+\): /, '')
    .replace(/^rpc error: code = \w+ desc = /, '')
    .replace(/^Broadcasting transaction failed with code \d+ \(codespace: \w+\)\. Log: /, '')
    .replace(/^failed to execute message; message index: \d+: /, '')
    .replace(/: (execute|instantiate|query) wasm contract failed.*$/s, '')
    .trim();
}

/** A `ContractsClientError` saying what went wrong, for any error a chain call threw. */
export function explainChainError(error: unknown, action: string): ContractsClientError {
  if (error instanceof ContractsClientError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const said = chainMessage(text);
  const known = KNOWN.find(({ pattern }) => pattern.test(text));
  const code = known?.code ?? 'chain_error';
  const message =
    known === undefined ? `${action} failed: ${said}` : `${action} failed: ${known.explain} (${said})`;
  return new ContractsClientError(code, message, { cause: text });
}
