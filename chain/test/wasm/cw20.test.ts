import { account, attributes, contractWasm, Harness } from './support/harness';

const alice = account(1);
const bob = account(2);
const carol = account(3);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

describe('cw20-base (cw-plus binary) through the keeper', () => {
  const h = new Harness();
  let token: string;
  let stake: string;
  const balance = (address: string) => h.query<{ balance: string }>(token, { balance: { address } }).balance;

  beforeAll(() => {
    const cw20 = h.upload(alice, contractWasm('cw20-base'));
    const cw4Stake = h.upload(alice, contractWasm('cw4-stake'));
    token = h.instantiate(alice, cw20, {
      name: 'Nym',
      symbol: 'NYM',
      decimals: 6,
      initial_balances: [{ address: alice, amount: '1000000' }],
      mint: { minter: alice, cap: '1500000' },
    }).address;
    stake = h.instantiate(alice, cw4Stake, {
      denom: { cw20: token },
      tokens_per_weight: '1',
      min_bond: '1',
      unbonding_period: { height: 1 },
      admin: null,
    }).address;
  });

  it('instantiates with minter and cap', () => {
    expect(h.query(token, { token_info: {} })).toEqual({
      name: 'Nym',
      symbol: 'NYM',
      decimals: 6,
      total_supply: '1000000',
    });
    expect(h.query(token, { minter: {} })).toEqual({ minter: alice, cap: '1500000' });
    expect(balance(alice)).toBe('1000000');
  });

  it('transfers, with the events wasmd emits', () => {
    const { events } = h.execute(alice, token, { transfer: { recipient: bob, amount: '250' } });
    expect(events.map((e) => e.type)).toEqual(['execute', 'wasm']);
    expect(attributes(events, 'wasm')[0]).toEqual({
      _contract_address: token,
      action: 'transfer',
      from: alice,
      to: bob,
      amount: '250',
    });
    expect(balance(bob)).toBe('250');
    expect(balance(alice)).toBe('999750');
  });

  it('fails a transfer beyond the balance without changing state', () => {
    const before = h.store.snapshot();
    expect(() => h.execute(bob, token, { transfer: { recipient: carol, amount: '251' } })).toThrow(
      /Overflow|Cannot Sub|insufficient/i,
    );
    expect(h.store.snapshot()).toEqual(before);
  });

  it('sends with a receive hook into another contract (cw4-stake bonds the tokens)', () => {
    const { events } = h.execute(alice, token, {
      send: { contract: stake, amount: '100', msg: b64({ bond: {} }) },
    });
    expect(events.map((e) => e.type)).toEqual(['execute', 'wasm', 'execute', 'wasm']);
    expect(attributes(events, 'execute')[1]).toEqual({ _contract_address: stake });
    expect(balance(stake)).toBe('100');
    expect(h.query(stake, { member: { addr: alice } })).toEqual({ weight: 100 });
    expect(h.query(stake, { staked: { address: alice } })).toEqual({ stake: '100', denom: { cw20: token } });
  });

  it('manages allowances, transfer-from, send-from and burn-from', () => {
    h.execute(alice, token, { increase_allowance: { spender: bob, amount: '500' } });
    h.execute(alice, token, { decrease_allowance: { spender: bob, amount: '100' } });
    expect(h.query(token, { allowance: { owner: alice, spender: bob } })).toEqual({
      allowance: '400',
      expires: { never: {} },
    });
    expect(h.query(token, { all_allowances: { owner: alice } })).toEqual({
      allowances: [{ spender: bob, allowance: '400', expires: { never: {} } }],
    });
    expect(h.query(token, { all_spender_allowances: { spender: bob } })).toEqual({
      allowances: [{ owner: alice, allowance: '400', expires: { never: {} } }],
    });
    h.execute(bob, token, { transfer_from: { owner: alice, recipient: carol, amount: '150' } });
    expect(balance(carol)).toBe('150');
    h.execute(bob, token, {
      send_from: { owner: alice, contract: stake, amount: '50', msg: b64({ bond: {} }) },
    });
    expect(h.query(stake, { member: { addr: bob } })).toEqual({ weight: 50 });
    h.execute(bob, token, { burn_from: { owner: alice, amount: '100' } });
    expect(h.query(token, { allowance: { owner: alice, spender: bob } })).toEqual({
      allowance: '100',
      expires: { never: {} },
    });
    expect(() =>
      h.execute(bob, token, { transfer_from: { owner: alice, recipient: carol, amount: '101' } }),
    ).toThrow(/No allowance|Cannot Sub|Overflow/i);
  });

  it('burns and mints up to the cap', () => {
    const supply = () => h.query<{ total_supply: string }>(token, { token_info: {} }).total_supply;
    const before = BigInt(supply());
    h.execute(carol, token, { burn: { amount: '50' } });
    expect(BigInt(supply())).toBe(before - 50n);
    h.execute(alice, token, { mint: { recipient: carol, amount: '1000' } });
    expect(balance(carol)).toBe('1100');
    expect(() => h.execute(bob, token, { mint: { recipient: bob, amount: '1' } })).toThrow(/Unauthorized/);
    const snapshot = h.store.snapshot();
    expect(() => h.execute(alice, token, { mint: { recipient: carol, amount: '600000' } })).toThrow(
      /Minting cannot exceed the cap: execute wasm contract failed/,
    );
    expect(h.store.snapshot()).toEqual(snapshot);
  });

  it('answers every query', () => {
    expect(h.query(token, { all_accounts: {} })).toEqual({ accounts: [alice, bob, carol, stake].sort() });
    expect(h.query(token, { all_accounts: { limit: 1 } })).toEqual({
      accounts: [[alice, bob, carol, stake].sort()[0]],
    });
    expect(h.query(token, { marketing_info: {} })).toEqual({
      project: null,
      description: null,
      logo: null,
      marketing: null,
    });
    expect(() => h.query(token, { download_logo: {} })).toThrow(/Logo not found: query wasm contract failed/);
    const total = [alice, bob, carol, stake].reduce((sum, address) => sum + BigInt(balance(address)), 0n);
    expect(total.toString()).toBe(h.query<{ total_supply: string }>(token, { token_info: {} }).total_supply);
  });
});
