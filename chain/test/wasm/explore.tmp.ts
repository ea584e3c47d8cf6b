import { Harness, account, contractWasm } from './support/harness';
const h = new Harness();
const alice = account(1), bob = account(2);
const cw20 = h.upload(alice, contractWasm('cw20-base'));
const stake = h.upload(alice, contractWasm('cw4-stake'));
const { address: token } = h.instantiate(alice, cw20, { name: 'Nym', symbol: 'NYM', decimals: 6, initial_balances: [{ address: alice, amount: '1000000' }], mint: { minter: alice, cap: '9000000' } });
const { address: st } = h.instantiate(alice, stake, { denom: { cw20: token }, tokens_per_weight: '1', min_bond: '1', unbonding_period: { height: 1 }, admin: null });
const r = h.execute(alice, token, { send: { contract: st, amount: '100', msg: Buffer.from(JSON.stringify({ bond: {} })).toString('base64') } });
console.log(JSON.stringify(r.events.map(e => e.type)));
console.log(h.query(st, { member: { addr: alice } }), h.query(st, { staked: { address: alice } }));
for (const q of [{ minter: {} }, { allowance: { owner: alice, spender: bob } }, { all_allowances: { owner: alice } }, { all_accounts: {} }, { marketing_info: {} }, { all_spender_allowances: { spender: bob } }, { download_logo: {} }]) {
  try { console.log(JSON.stringify(q), JSON.stringify(h.query(token, q))); } catch (e) { console.log(JSON.stringify(q), 'ERR', (e as Error).message); }
}
