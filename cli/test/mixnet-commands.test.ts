// Arguments of the mixnet commands (`nymts mixnode|gateway` bonding, `nymts delegate|undelegate`,
// `nymts mixnet …`) refused before any connection is made; against a chain: integration/mixnet.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferIo, runCli } from '../src';
import { percentToDecimal } from '../src/commands/mixnet/shared';

// Every case here is refused before a connection is attempted, so this node is never reached.
const NODE = ['--node', 'http://127.0.0.1:9'];

async function error(...argv: string[]): Promise<{ code: string; message: string }> {
  const io = bufferIo();
  expect(await runCli(['--output', 'json', ...argv, ...NODE], io)).toBe(1);
  return (JSON.parse(io.stdout.join('')) as { error: { code: string; message: string } }).error;
}

describe('mixnet command arguments', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nymts-mixnet-cli-'));
    process.env.NYM_MNEMONIC = `${'abandon '.repeat(11)}about`;
  });
  afterAll(() => {
    delete process.env.NYM_MNEMONIC;
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['10', '0.1'],
    ['12.5%', '0.125'],
    ['0', '0'],
    ['100', '1'],
    ['0.0001', '0.000001'],
    ['33.3333333333333333', '0.333333333333333333'],
  ])('profit margin %s (percent) is the Decimal %s', (percent, decimal) => {
    expect(percentToDecimal(percent, '--profit-margin')).toBe(decimal);
  });

  it.each([
    [
      ['mixnode', 'bond', '100', '--home', 'HOME', '--profit-margin', '101'],
      'percent_invalid',
      /more than 100%/,
    ],
    [
      ['mixnode', 'bond', '100', '--home', 'HOME', '--profit-margin', 'ten'],
      'percent_invalid',
      /not a percentage/,
    ],
    [
      ['mixnode', 'bond', '100', '--home', 'HOME', '--interval-cost', '1.5 atoms'],
      'amount_unit',
      /unknown unit/,
    ],
    [['mixnode', 'bond', '100'], 'missing_node', /--id <id> or --home <dir>/],
    [['mixnode', 'bond', '100', '--home', 'HOME'], 'config_unreadable', /cannot read config file/],
    [['gateway', 'bond', '100', '--home', 'HOME'], 'config_unreadable', /cannot read config file/],
    [['mixnode', 'update-cost'], 'missing_argument', /--profit-margin, --interval-cost or both/],
    [['delegate', '0', '10'], 'mix_id_invalid', /whole number from 1/],
    [['delegate', '1', '-10'], 'amount_invalid', /is not an amount/],
    [['undelegate', 'x'], 'mix_id_invalid', /not "x"/],
    [['mixnet', 'reward', '1', '1.5'], 'performance_invalid', /from 0 to 1/],
    [['mixnet', 'reward', '1', '1.0000000000000000001'], 'performance_invalid', /from 0 to 1/],
    [['mixnet', 'advance-epoch', '--randomness', 'abcd'], 'randomness_invalid', /64 hex digits/],
  ])('%j → %s', async (argv, code, message) => {
    const refused = await error(...argv.map((arg) => (arg === 'HOME' ? join(dir, 'absent') : arg)));
    expect(refused.code).toBe(code);
    expect(refused.message).toMatch(message);
  });
});
