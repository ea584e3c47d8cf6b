// `nymts token …` and `nymts vesting …` run as separate processes (the installed bin) against an
// embedded chain this test starts, with the NYM token and the vesting contract deployed by the
// deploy helpers and found through a deployment record. Assertions read `--output json`; balances
// are also checked with the generated clients in this process.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChain, type Chain, type RpcServer } from '@nymts/chain';
import {
  connectSigner,
  Cw20BaseQueryClient,
  deployNymContracts,
  recordContracts,
  VestingQueryClient,
  walletFromMnemonic,
  type SigningSession,
} from '@nymts/contracts-client';

jest.setTimeout(120_000);

const BIN = join(__dirname, '..', '..', 'bin', 'nymts.js');
const NYM = 1_000_000n;
/** The chain's clock stands still here; block time moves only when the test moves it. */
const GENESIS_SECONDS = 1_800_000_000;

interface Run {
  code: number;
  json: Record<string, unknown> & {
    error?: { code: string; message: string; details: Record<string, unknown> };
  };
}

let chain: Chain & { rpc: RpcServer };
let dir: string;
let deployer: SigningSession;
let names: Record<'admin' | 'alice' | 'bob' | 'carol', string>;
let keyFiles: Record<keyof typeof names, string>;
let mnemonics: Record<keyof typeof names, string>;
let token: Cw20BaseQueryClient;
let vesting: VestingQueryClient;
let offset = 0;

/** `nymts <args> --output json` in a child process, signing as `who` when given. */
function nymts(who: keyof typeof names | undefined, ...args: string[]): Promise<Run> {
  return nymtsWith({}, ...args, ...(who === undefined ? [] : ['--mnemonic-file', keyFiles[who]]));
}

/** `nymts` with the node and deployment record in the environment, plus `extra`. */
function nymtsWith(extra: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    NYM_NODE: chain.rpc.url,
    NYM_DEPLOYMENT: join(dir, 'deployments.json'),
    ...extra,
  };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args, '--output', 'json'],
      { env, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        try {
          resolve({ code, json: JSON.parse(stdout) as Run['json'] });
        } catch {
          reject(new Error(`nymts ${args.join(' ')} exited ${code}: ${stdout}${stderr}`));
        }
      },
    );
  });
}

function advanceTo(seconds: number): void {
  chain.node.advanceTime(seconds - GENESIS_SECONDS - offset);
  chain.node.produceBlock();
  offset = seconds - GENESIS_SECONDS;
}
const now = () => GENESIS_SECONDS + offset;
const balance = async (address: string) => BigInt((await token.balance({ address })).balance);
const amount = (nym: bigint) => ({ unym: (nym * NYM).toString(), nym: nym.toString() });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nymts-cli-contracts-'));
  chain = await startChain(
    { blockTime: 'instant', dev: true, rpc: { port: 0 }, devAccountCount: 4 },
    { clock: { now: () => GENESIS_SECONDS * 1000 } },
  );
  const [admin, alice, bob, carol] = chain.devAccounts;
  names = { admin: admin!.address, alice: alice!.address, bob: bob!.address, carol: carol!.address };
  keyFiles = { admin: '', alice: '', bob: '', carol: '' };
  mnemonics = { admin: admin!.mnemonic, alice: alice!.mnemonic, bob: bob!.mnemonic, carol: carol!.mnemonic };
  for (const [name, account] of Object.entries({ admin, alice, bob, carol })) {
    keyFiles[name as keyof typeof names] = join(dir, `${name}.mnemonic`);
    writeFileSync(join(dir, `${name}.mnemonic`), `${account!.mnemonic}\n`);
  }
  deployer = await connectSigner(chain.rpc.url, await walletFromMnemonic(admin!.mnemonic), {
    pollIntervalMs: 20,
  });
  const deployed = await deployNymContracts(deployer, {
    tokenAdmin: names.admin,
    initialBalances: [{ address: names.admin, amount: 1_000n * NYM }],
  });
  recordContracts(join(dir, 'deployments.json'), deployer.chainId, deployed);
  token = new Cw20BaseQueryClient(deployer.client, deployed.nym_token.address);
  vesting = new VestingQueryClient(deployer.client, deployed.vesting.address);
});

afterAll(async () => {
  deployer?.disconnect();
  await chain?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('nymts token', () => {
  it('shows the token found through the deployment record', async () => {
    const { code, json } = await nymts(undefined, 'token', 'info');
    expect(code).toBe(0);
    expect(json).toEqual({
      address: token.contractAddress,
      name: 'Nym',
      symbol: 'NYM',
      decimals: 6,
      total_supply: amount(1_000n),
      minter: names.admin,
      cap: null,
    });
  });

  it('mints as the token admin, and tells anyone else they are not, or past a Uint128 supply', async () => {
    const minted = await nymts('admin', 'token', 'mint', names.alice, '100');
    expect(minted.code).toBe(0);
    expect(minted.json).toMatchObject({ action: 'mint', to: names.alice, amount: amount(100n) });
    expect(Number(minted.json.gas_used)).toBeGreaterThan(0);
    expect(await balance(names.alice)).toBe(100n * NYM);
    const [notMinter, overflow] = await Promise.all([
      nymts('alice', 'token', 'mint', names.alice, '1'),
      nymts('admin', 'token', 'mint', names.alice, '340282366920938463463374607431768211455unym'),
    ]);
    expect(notMinter.code).toBe(1);
    expect(notMinter.json.error).toMatchObject({
      code: 'not_minter',
      message: `${names.alice} is not the token admin: only ${names.admin} may mint`,
    });
    expect(overflow.code).toBe(1);
    expect(overflow.json.error?.code).toBe('amount_overflow');
    expect(overflow.json.error?.message).toMatch(/would overflow the total supply: it is 1100 NYM/);
    expect(await balance(names.alice)).toBe(100n * NYM);
  });

  it('sends NYM, and says when there is not enough', async () => {
    const sent = await nymts('alice', 'token', 'send', names.bob, '30.5');
    expect(sent.json).toMatchObject({ action: 'transfer', from: names.alice, to: names.bob });
    expect(await balance(names.bob)).toBe(30_500_000n);
    const [held, short] = await Promise.all([
      nymts(undefined, 'token', 'balance', names.alice),
      nymts('alice', 'token', 'send', names.bob, '70'),
    ]);
    expect(held.json).toEqual({ address: names.alice, balance: { unym: '69500000', nym: '69.5' } });
    expect(short.code).toBe(1);
    expect(short.json.error).toMatchObject({
      code: 'insufficient_nym',
      message: `not enough NYM: ${names.alice} holds 69.5 NYM, sending needs 70 NYM`,
    });
    expect(await balance(names.alice)).toBe(69_500_000n);
  });

  it('increases and decreases an allowance, and spends it with transfer-from, never beyond it', async () => {
    const increased = await nymts('alice', 'token', 'increase-allowance', names.bob, '20', '--never-expires');
    expect(increased.json).toMatchObject({ allowance: amount(20n), expires: { never: {} } });
    const decreased = await nymts('alice', 'token', 'decrease-allowance', names.bob, '5000000unym');
    expect(decreased.json).toMatchObject({ change: amount(5n), allowance: amount(15n) });
    const moved = await nymts('bob', 'token', 'transfer-from', names.alice, names.carol, '10');
    expect(moved.json).toMatchObject({ action: 'transfer_from', owner: names.alice, to: names.carol });
    expect(await balance(names.carol)).toBe(10n * NYM);
    expect(await balance(names.alice)).toBe(59_500_000n);
    const [left, over] = await Promise.all([
      nymts(undefined, 'token', 'allowance', names.alice, names.bob),
      nymts('bob', 'token', 'transfer-from', names.alice, names.carol, '6'),
    ]);
    expect(left.json).toMatchObject({ allowance: amount(5n), expires: { never: {} } });
    expect(over.json.error).toMatchObject({ code: 'insufficient_allowance' });
    expect(over.json.error?.message).toBe(
      `not enough allowance: ${names.alice} allows ${names.bob} 5 NYM, the transfer needs 6 NYM`,
    );
    expect(await balance(names.carol)).toBe(10n * NYM);
  });

  it('burns with the key from NYM_MNEMONIC, and lists the holders of any node given with --node', async () => {
    const burnt = await nymtsWith({ NYM_MNEMONIC: mnemonics.carol }, 'token', 'burn', '2500000unym');
    expect(burnt.json).toMatchObject({
      action: 'burn',
      from: names.carol,
      amount: { unym: '2500000', nym: '2.5' },
    });
    expect(await balance(names.carol)).toBe(7_500_000n);
    const holders = await nymtsWith(
      { NYM_NODE: 'http://127.0.0.1:9' },
      'token',
      'holders',
      '--all',
      '--node',
      chain.rpc.url,
    );
    const expected = [names.admin, names.alice, names.bob, names.carol].sort();
    expect((holders.json.holders as Array<{ address: string }>).map((h) => h.address)).toEqual(expected);
    expect(holders.json.holders).toContainEqual({
      address: names.carol,
      balance: { unym: '7500000', nym: '7.5' },
    });
  });
});

describe('nymts vesting', () => {
  let start: number;

  beforeAll(() => {
    start = now() + 100;
  });

  it('creates an account as the vesting admin, and refuses anyone else', async () => {
    const created = await nymts(
      'admin',
      'vesting',
      'create',
      names.bob,
      '400',
      '--start-time',
      String(start),
      '--period-seconds',
      '100',
      '--periods',
      '4',
    );
    expect(created.code).toBe(0);
    expect(created.json).toMatchObject({
      action: 'create_account',
      owner: names.bob,
      account: { original: amount(400n), vested: amount(0n), current_period: 'before' },
    });
    expect(await balance(vesting.contractAddress)).toBe(400n * NYM);
    const [notAdmin, exists, short] = await Promise.all([
      nymts('alice', 'vesting', 'create', names.carol, '1'),
      nymts('admin', 'vesting', 'create', names.bob, '1'),
      nymts('admin', 'vesting', 'create', names.carol, '601'),
    ]);
    expect(notAdmin.json.error?.code).toBe('not_admin');
    expect(notAdmin.json.error?.message).toMatch(
      /is not the vesting admin .* only the admin may create vesting accounts/,
    );
    expect(exists.json.error).toMatchObject({
      code: 'account_exists',
      message: `${names.bob} already owns a vesting account`,
    });
    expect(short.json.error?.code).toBe('insufficient_nym');
    expect(await balance(vesting.contractAddress)).toBe(400n * NYM);
  });

  it('says when the first NYM vests if asked to withdraw before', async () => {
    const { code, json } = await nymts('bob', 'vesting', 'withdraw', 'all');
    expect(code).toBe(1);
    expect(json.error).toMatchObject({
      code: 'nothing_vested',
      message: `nothing vested yet: the next NYM of ${names.bob}'s account vests at ${new Date((start + 100) * 1000).toISOString().replace('.000Z', 'Z')}`,
    });
  });

  it('watches the account vest and withdraws what has vested', async () => {
    advanceTo(start + 100);
    const [vested, spendable, account, schedule] = await Promise.all([
      nymts(undefined, 'vesting', 'vested', names.bob),
      nymts(undefined, 'vesting', 'spendable', names.bob),
      nymts('bob', 'vesting', 'account'),
      nymts(undefined, 'vesting', 'schedule', names.bob),
    ]);
    expect(vested.json).toMatchObject({
      vested: amount(100n),
      original: amount(400n),
      block_time: start + 100,
    });
    expect(spendable.json).toMatchObject({ spendable: amount(100n) });
    expect(account.json).toMatchObject({
      owner: names.bob,
      current_period: { in: 1 },
      vesting: amount(300n),
      period_seconds: 100,
      num_periods: 4,
    });
    expect((schedule.json.periods as unknown[]).length).toBe(4);
    expect((schedule.json.periods as unknown[])[3]).toEqual({
      period: 4,
      start_time: start + 300,
      end_time: start + 400,
      vested_at_end: amount(400n),
    });

    const tooMuch = await nymts('bob', 'vesting', 'withdraw', '150');
    expect(tooMuch.json.error).toMatchObject({
      code: 'insufficient_spendable',
      message: 'only 100 NYM has vested and is spendable, not 150 NYM',
    });
    const some = await nymts('bob', 'vesting', 'withdraw', '60');
    expect(some.json).toMatchObject({
      action: 'withdraw',
      amount: amount(60n),
      account: { spendable: amount(40n) },
    });
    expect(await balance(names.bob)).toBe(90_500_000n);

    advanceTo(start + 250);
    const rest = await nymts('bob', 'vesting', 'withdraw', 'all');
    expect(rest.json).toMatchObject({
      amount: amount(140n),
      account: { withdrawn: amount(200n), spendable: amount(0n) },
    });
    expect(await balance(names.bob)).toBe(230_500_000n);
  });

  it('lists accounts, transfers ownership, and hands the admin role on', async () => {
    const [listed, refused] = await Promise.all([
      nymts(undefined, 'vesting', 'accounts'),
      nymts('alice', 'vesting', 'set-admin', names.alice),
    ]);
    expect(refused.json.error?.code).toBe('not_admin');
    expect(listed.json).toEqual({
      accounts: [{ id: expect.any(Number), owner: names.bob }],
      next_start_after: null,
    });
    const moved = await nymts('bob', 'vesting', 'transfer-ownership', names.carol);
    expect(moved.json).toMatchObject({ action: 'transfer_ownership', from: names.bob, to: names.carol });
    expect((await vesting.getAccount({ address: names.carol })).withdrawn).toBe((200n * NYM).toString());
    const gone = await nymts('bob', 'vesting', 'withdraw', 'all');
    expect(gone.json.error).toMatchObject({
      code: 'no_vesting_account',
      message: `${names.bob} owns no vesting account`,
    });

    const handed = await nymts('admin', 'vesting', 'set-admin', names.alice);
    expect(handed.json).toMatchObject({ action: 'update_admin', admin: names.alice });
    expect((await vesting.getConfig()).admin).toBe(names.alice);
  });
});
