import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mixnode } from '@nymts/mixnode';
import { bufferIo, runCli } from '../../src';
import { mixnodeModule } from '../../src/commands/mixnode';

const bin = join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'nymts');

function home(): string {
  return join(mkdtempSync(join(tmpdir(), 'nymts-cli-mixnode-')), 'mix1');
}

describe('nymts mixnode', () => {
  it('init writes 0600 PEM keys and a config, prints the keys, and refuses to run twice', async () => {
    const dir = home();
    const io = bufferIo();
    const args = [
      '-o',
      'json',
      'mixnode',
      'init',
      '--home',
      dir,
      '--host',
      '127.0.0.1',
      '--mix-port',
      '0',
      '--http-port',
      '0',
    ];
    expect(await runCli(args, io)).toBe(0);
    const data = JSON.parse(io.stdout.join('')) as Record<string, string>;
    expect(data).toMatchObject({ id: 'mix1', home: dir, mix_address: '127.0.0.1:0' });
    expect(data.identity_key).toMatch(/^[1-9A-HJ-NP-Za-km-z]{43,44}$/);
    for (const file of [
      'private_identity.pem',
      'public_identity.pem',
      'private_sphinx.pem',
      'public_sphinx.pem',
    ]) {
      expect(statSync(join(dir, 'data', file)).mode & 0o777).toBe(0o600);
    }
    expect(readFileSync(join(dir, 'data', 'private_sphinx.pem'), 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(readFileSync(join(dir, 'config', 'config.toml'), 'utf8')).toContain(
      'listen_address = "127.0.0.1:0"',
    );

    const again = bufferIo();
    expect(await runCli(['-o', 'json', 'mixnode', 'init', '--home', dir], again)).toBe(1);
    expect(JSON.parse(again.stdout.join(''))).toMatchObject({ error: { code: 'already_initialised' } });
  });

  it('run serves the node until stopped, then reports its counts', async () => {
    const dir = home();
    expect(
      await runCli(
        ['mixnode', 'init', '--home', dir, '--host', '127.0.0.1', '--mix-port', '0', '--http-port', '0'],
        bufferIo(),
      ),
    ).toBe(0);
    const controller = new AbortController();
    let description: Record<string, unknown> | undefined;
    let health = 0;
    const onStarted = (mixnode: Mixnode): void => {
      const base = `http://127.0.0.1:${mixnode.httpAddress?.port}`;
      void (async () => {
        health = (await fetch(`${base}/api/v1/health`)).status;
        description = (await (await fetch(`${base}/api/v1/description`)).json()) as Record<string, unknown>;
        controller.abort();
      })();
    };
    const io = bufferIo();
    const modules = [mixnodeModule({ onStarted })];
    const code = await runCli(
      ['-o', 'json', 'mixnode', 'run', '--home', dir, '--workers', '0', '--log-level', 'silent'],
      io,
      {
        modules,
        signal: controller.signal,
      },
    );
    expect(code).toBe(0);
    expect(health).toBe(200);
    expect(description).toMatchObject({ role: 'mixnode', id: 'mix1' });
    expect(JSON.parse(io.stdout.join(''))).toEqual({ id: 'mix1', received: 0, forwarded: 0, dropped: 0 });
  });

  it('the binary reports a missing home clearly and exits 1', () => {
    const result = spawnSync(bin, ['mixnode', 'run', '--home', '/nonexistent/mix'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot read config file /nonexistent/mix/config/config.toml');
  });

  it('the binary needs an id or a home', () => {
    const env = { ...process.env };
    delete env.NYM_MIXNODE_ID;
    delete env.NYM_MIXNODE_HOME;
    const result = spawnSync(bin, ['mixnode', 'init'], { encoding: 'utf8', env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--id <id> or --home <dir>');
  });
});
