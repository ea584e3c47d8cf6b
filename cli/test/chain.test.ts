import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferIo, runCli } from '../src';

jest.setTimeout(60_000);

let home: string;
beforeEach(() => {
  home = join(mkdtempSync(join(tmpdir(), 'nymts-cli-chain-')), 'home');
});
afterEach(() => rmSync(join(home, '..'), { recursive: true, force: true }));

async function run(argv: string[], signal?: AbortSignal) {
  const io = bufferIo();
  const code = await runCli(argv, io, { signal });
  return { code, io, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('nymts chain init', () => {
  it('creates a dev home with config, genesis, key and the dev accounts', async () => {
    const result = await run([
      '-o',
      'json',
      'chain',
      'init',
      '--home',
      home,
      '--dev',
      '--chain-id',
      'nyx-cli',
      '--block-time',
      'instant',
    ]);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as {
      chainId: string;
      devAccounts: Array<{ name: string; address: string; mnemonic: string }>;
    };
    expect(data.chainId).toBe('nyx-cli');
    expect(data.devAccounts).toHaveLength(10);
    expect(JSON.parse(readFileSync(join(home, 'dev-accounts.json'), 'utf8'))).toEqual(data.devAccounts);
    expect(readFileSync(join(home, 'config', 'config.toml'), 'utf8')).toMatch(/block_time = "instant"/);
    expect(JSON.parse(readFileSync(join(home, 'config', 'genesis.json'), 'utf8')).chain_id).toBe('nyx-cli');
    expect(existsSync(join(home, 'config', 'priv_validator_key.json'))).toBe(true);
  });

  it('adds --account entries to genesis and refuses a second init or a bad account', async () => {
    const address = 'n1avgyh77ycn997ja45q5q8ss8y9mr424jj7432y';
    const first = await run(['chain', 'init', '--home', home, '--account', `${address}:5ufoo,10unyx`]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`genesis account ${address}  5ufoo,10unyx`);
    const genesis = JSON.parse(readFileSync(join(home, 'config', 'genesis.json'), 'utf8'));
    expect(genesis.app_state.bank.balances).toEqual([
      {
        address,
        coins: [
          { denom: 'ufoo', amount: '5' },
          { denom: 'unyx', amount: '10' },
        ],
      },
    ]);
    const again = await run(['chain', 'init', '--home', home]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds a chain/);
    const bad = await run([
      '-o',
      'json',
      'chain',
      'init',
      '--home',
      `${home}-2`,
      '--account',
      'n1nope:5unyx',
    ]);
    expect(JSON.parse(bad.stdout).error.code).toBe('invalid_account');
  });
});

describe('nymts chain start', () => {
  it('explains a missing home or a broken config.toml', async () => {
    const missing = await run(['-o', 'json', 'chain', 'start', '--home', home]);
    expect(JSON.parse(missing.stdout).error).toMatchObject({ code: 'not_initialised' });
    await run(['chain', 'init', '--home', home]);
    writeFileSync(join(home, 'config', 'config.toml'), '[consensus]\nblock_time = "soon"\n');
    const broken = await run(['chain', 'start', '--home', home]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/invalid configuration in .*config.toml: consensus.block_time/);
  });

  it('reports an RPC address that is taken', async () => {
    await run(['chain', 'init', '--home', home]);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const result = await run([
        '-o',
        'json',
        'chain',
        'start',
        '--home',
        home,
        '--rpc',
        `127.0.0.1:${port}`,
        '--log-level',
        'silent',
      ]);
      expect(JSON.parse(result.stdout).error.code).toBe('rpc_address_in_use');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('runs until aborted, then stops cleanly', async () => {
    await run(['chain', 'init', '--home', home, '--dev']);
    const controller = new AbortController();
    const io = bufferIo();
    const running = runCli(
      [
        'chain',
        'start',
        '--home',
        home,
        '--rpc',
        '127.0.0.1:0',
        '--block-time',
        'instant',
        '--log-level',
        'silent',
      ],
      io,
      {
        signal: controller.signal,
      },
    );
    while (!io.stderr.some((line) => line.includes('running: RPC http://')))
      await new Promise((resolve) => setTimeout(resolve, 20));
    const url = /RPC (http:\/\/\S+),/.exec(io.stderr.join('\n'))![1]!;
    const status = (await (await fetch(`${url}/status`)).json()) as {
      result: { node_info: { network: string } };
    };
    expect(status.result.node_info.network).toBe('nyx-local');
    controller.abort();
    expect(await running).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/stopped at height 1/);
  });
});
