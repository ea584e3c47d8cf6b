// Argument and key handling of `nymts token …` and `nymts vesting …`: everything that is refused
// before any connection is made, so no chain is needed (tests against a chain are in integration/).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { bufferIo, runCli } from '../src';
import { tokenModule } from '../src/commands/token';
import { vestingModule } from '../src/commands/vesting';

const GOOD = 'n1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqhkuje';
// The standard BIP-39 test phrase (all "abandon" … "about"); its first n-prefixed account.
const TEST_MNEMONIC = `${'abandon '.repeat(11)}about`;
// Every case here is refused before a connection is attempted, so this node is never reached.
const NODE = ['--node', 'http://127.0.0.1:9'];

async function nymts(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string; error?: { code: string; message: string } }> {
  const io = bufferIo();
  const code = await runCli(['--output', 'json', ...argv], io, { modules: [tokenModule(), vestingModule()] });
  const stdout = io.stdout.join('');
  const parsed = stdout.startsWith('{')
    ? (JSON.parse(stdout) as { error?: { code: string; message: string } })
    : {};
  return { code, stdout, stderr: io.stderr.join(''), error: parsed.error };
}

describe('nymts token and vesting: arguments refused before connecting', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nymts-chain-cli-'));
    delete process.env.NYM_MNEMONIC;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    delete process.env.NYM_MNEMONIC;
  });

  it.each([
    [
      ['token', 'send', 'n1notanaddress', '1'],
      'address_invalid',
      /recipient "n1notanaddress" is not a Nyx address/,
    ],
    [
      ['token', 'send', 'cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du', '1'],
      'address_invalid',
      /Nyx addresses with "n1"/,
    ],
    [['token', 'send', GOOD, '1.0000001'], 'amount_precision', /more than 6 decimal places/],
    [['token', 'send', GOOD, '-5'], 'amount_invalid', /is not an amount/],
    [['token', 'send', GOOD, '340282366920938463463374607431768211456unym'], 'amount_overflow', /too large/],
    [['token', 'send', GOOD, '0'], 'amount_zero', /more than 0/],
    [['token', 'mint', GOOD, '1.5 atoms'], 'amount_unit', /unknown unit "atoms"/],
    [['token', 'transfer-from', GOOD, 'n1bad', '1'], 'address_invalid', /recipient "n1bad"/],
    [
      ['token', 'increase-allowance', GOOD, '1', '--expires-at-height', '5', '--never-expires'],
      'expiry_conflict',
      /at most one/,
    ],
    [
      ['token', 'decrease-allowance', GOOD, '1', '--expires-at-time', 'next tuesday'],
      'time_invalid',
      /is not a time/,
    ],
    [['token', 'holders', '--limit', '31'], 'number_invalid', /from 1 to 30/],
    [['token', 'allowance', GOOD, 'n1x'], 'address_invalid', /spender "n1x"/],
    [
      ['vesting', 'create', GOOD, '100', '--periods', '0'],
      'number_invalid',
      /--periods must be a whole number/,
    ],
    [['vesting', 'create', GOOD, '100', '--start-time', 'soon'], 'time_invalid', /--start-time "soon"/],
    [['vesting', 'create', GOOD, '100', '--pledge-cap', '150%'], 'pledge_cap_invalid', /at most 100%/],
    [
      ['vesting', 'create', GOOD, '100', '--pledge-cap', 'half'],
      'pledge_cap_invalid',
      /neither a percentage/,
    ],
    [['vesting', 'create', GOOD, '100', '--staking-address', 'n1nope'], 'address_invalid', /staking address/],
    [['vesting', 'withdraw', '1.2.3'], 'amount_invalid', /is not an amount/],
    [['vesting', 'transfer-ownership', 'n1nope'], 'address_invalid', /new owner "n1nope"/],
    [['vesting', 'set-admin', 'n1nope'], 'address_invalid', /new admin "n1nope"/],
    [['vesting', 'vested', GOOD, '--at', 'yesterday-ish'], 'time_invalid', /--at/],
    [['vesting', 'accounts', '--limit', '101'], 'number_invalid', /from 1 to 100/],
  ])('%j → %s', async (argv, code, message) => {
    const result = await nymts(...argv, ...NODE);
    expect(result.error?.code).toBe(code);
    expect(result.error?.message).toMatch(message);
    expect(result.code).toBe(1);
  });

  it('needs a key to sign, and says how to give one', async () => {
    const result = await nymts('token', 'send', GOOD, '1', ...NODE);
    expect(result.error).toEqual({
      code: 'missing_key',
      message:
        'this command signs a transaction: give the key with --mnemonic-file <file> or the NYM_MNEMONIC variable',
      details: {},
    });
  });

  it('reads the key from --mnemonic-file and from NYM_MNEMONIC, and refuses a bad one', async () => {
    const file = join(dir, 'key');
    writeFileSync(file, 'not a mnemonic at all\n');
    const fromFile = await nymts('token', 'send', GOOD, '1', '--mnemonic-file', file, ...NODE);
    expect(fromFile.error?.code).toBe('mnemonic_invalid');
    expect(fromFile.error?.message).toMatch(/not a valid BIP-39 phrase \(5 words\)/);
    process.env.NYM_MNEMONIC = 'abandon abandon';
    const fromEnv = await nymts('vesting', 'withdraw', 'all', ...NODE);
    expect(fromEnv.error?.code).toBe('mnemonic_invalid');
    expect(fromEnv.error?.message).toMatch(/\(2 words\)/);
    const missing = await nymts('token', 'burn', '1', '--mnemonic-file', join(dir, 'absent'), ...NODE);
    expect(missing.error?.code).toBe('key_unreadable');
  });

  it('asks for an address when a query has neither an address nor a key', async () => {
    const result = await nymts('token', 'balance', ...NODE);
    expect(result.error?.code).toBe('missing_argument');
    expect(result.error?.message).toBe(
      'name the address, or give a key (--mnemonic-file or NYM_MNEMONIC) to use its address',
    );
  });

  it('says which arguments are missing (usage error, exit 2)', async () => {
    const result = await nymts('vesting', 'create', GOOD);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'amount'");
  });

  it('lists every subcommand in help', async () => {
    const io = bufferIo();
    await runCli(['token', '--help'], io, { modules: [tokenModule(), vestingModule()] });
    const tokenHelp = io.stdout.join('');
    for (const name of [
      'info',
      'balance',
      'send',
      'transfer-from',
      'allowance',
      'increase-allowance',
      'decrease-allowance',
      'mint',
      'burn',
      'holders',
    ]) {
      expect(tokenHelp).toContain(`  ${name} `);
    }
    const vestingIo = bufferIo();
    await runCli(['vesting', '--help'], vestingIo, { modules: [tokenModule(), vestingModule()] });
    const vestingHelp = vestingIo.stdout.join('');
    for (const name of [
      'create',
      'account',
      'schedule',
      'vested',
      'spendable',
      'withdraw',
      'transfer-ownership',
      'accounts',
      'set-admin',
    ]) {
      expect(vestingHelp).toContain(`  ${name} `);
    }
  });

  it("derives the key of m/44'/118'/0'/0/0 with prefix n", async () => {
    // The standard test phrase's first Cosmos account is cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4
    // (the vector cosmjs and wallets use); the same 20 bytes with prefix n.
    const { walletFromMnemonic } = await import('@nymts/contracts-client');
    const [account] = await (await walletFromMnemonic(TEST_MNEMONIC)).getAccounts();
    const expected = toBech32('n', fromBech32('cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4').data);
    expect(account!.address).toBe(expected);
  });
});
