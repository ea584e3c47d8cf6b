import { ContractsClientError, explainChainError } from '../src';

// What cosmjs 0.38 throws against the embedded chain: a refusal in simulation (fee "auto") and a
// failure in a block (fixed fee), as observed in the integration tests.
const simulated = (said: string) =>
  new Error(
    `Query failed with (6): rpc error: code = Unknown desc = failed to execute message; message index: 0: ${said}: execute wasm contract failed With gas wanted: '0' and gas used: '99648' : unknown request`,
  );
const delivered = (said: string) =>
  new Error(
    `Error when broadcasting tx 34F317F998923ED498A22ED475E054DFE979A6CC5112968D69A289F8CFB1FDC0 at height 33. Code: 5; Raw log: failed to execute message; message index: 0: ${said}: execute wasm contract failed`,
  );

describe('explainChainError', () => {
  it.each([
    [
      'Overflow: Cannot Sub with 0 and 5',
      'insufficient_nym',
      'sending NYM failed: not enough NYM (Overflow: Cannot Sub with 0 and 5)',
    ],
    ['Unauthorized', 'unauthorized', 'sending NYM failed: not allowed (Unauthorized)'],
    ['No allowance for this account', 'no_allowance', /no allowance/],
    ['Minting cannot exceed the cap', 'cap_exceeded', /exceed the token cap/],
    ['Nothing to withdraw: no vested NYM is spendable yet', 'nothing_vested', /nothing vested yet/],
    [
      'Insufficient spendable balance: asked for 2 unym but 1 unym is spendable',
      'insufficient_spendable',
      /not that much NYM has vested/,
    ],
    ['Account already exists: n1abc', 'account_exists', /already owns a vesting account/],
    ['Account does not exist: n1abc', 'no_vesting_account', /no vesting account/],
    [
      'Unauthorized: n1abc is not the admin',
      'not_admin',
      /not the admin \(Unauthorized: n1abc is not the admin\)/,
    ],
  ])('recognises "%s" as %s, in simulation and in a block', (said, code, message) => {
    for (const error of [simulated(said), delivered(said)]) {
      const explained = explainChainError(error, 'sending NYM');
      expect(explained.code).toBe(code);
      expect(explained.message).toMatch(message);
      expect(explained.details.cause).toBe(error.message);
    }
  });

  it('recognises the chain’s own refusals', () => {
    const fees = new Error(
      'Broadcasting transaction failed with code 5 (codespace: sdk). Log: 10unyx is smaller than 5000unyx: insufficient funds',
    );
    expect(explainChainError(fees, 'minting NYM').code).toBe('insufficient_fee_funds');
    const missing = new Error(
      "Account 'n1abc' does not exist on chain. Send some tokens there before trying to query sequence.",
    );
    expect(explainChainError(missing, 'minting NYM').code).toBe('account_missing');
  });

  it('passes anything else on with the chain’s words, and its own errors unchanged', () => {
    const explained = explainChainError(simulated('Something new went wrong'), 'burning NYM');
    expect(explained.code).toBe('chain_error');
    expect(explained.message).toBe('burning NYM failed: Something new went wrong');
    const own = new ContractsClientError('amount_zero', 'the amount must be more than 0');
    expect(explainChainError(own, 'x')).toBe(own);
  });
});
