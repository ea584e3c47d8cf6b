import { Harness, account, contractWasm } from './support/harness';
const h = new Harness();
const alice = account(1), bob = account(2);
const code = h.upload(alice, contractWasm('cw20-base'));
const { address } = h.instantiate(alice, code, { name: 'Nym', symbol: 'NYM', decimals: 6, initial_balances: [{ address: alice, amount: '1000000' }], mint: { minter: alice, cap: '9000000' } });
const compiled = [...(h.keeper.cache as any).compiled.values()][0];
let t = Date.now();
const imports: any = {}; for (const n of ['abort','db_read','db_write','db_remove','db_scan','db_next','addr_validate','addr_canonicalize','addr_humanize','secp256k1_verify','secp256k1_recover_pubkey','ed25519_verify','ed25519_batch_verify','debug','query_chain']) imports[n] = () => 0;

console.log('200 instances', Date.now() - t, 'ms');
for (let round = 0; round < 10; round++) {
t = Date.now();
for (let i = 0; i < 200; i++) h.execute(alice, address, { transfer: { recipient: bob, amount: '1' } });
console.log('200 transfers', Date.now() - t, 'ms');
}
