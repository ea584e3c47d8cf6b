import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Gateway } from '@nymts/gateway';
import { bufferIo, runCli } from '../../src';
import { gatewayModule } from '../../src/commands/gateway';

function home(): string {
  return join(mkdtempSync(join(tmpdir(), 'nymts-cli-gateway-')), 'gw1');
}

const onLoopback = ['--host', '127.0.0.1', '--mix-port', '0', '--clients-port', '0', '--http-port', '0'];

describe('nymts gateway', () => {
  it('init writes 0600 PEM keys and a config, prints keys and addresses, and refuses to run twice', async () => {
    const dir = home();
    const io = bufferIo();
    expect(await runCli(['-o', 'json', 'gateway', 'init', '--home', dir, ...onLoopback], io)).toBe(0);
    const data = JSON.parse(io.stdout.join('')) as Record<string, string>;
    expect(data).toMatchObject({
      id: 'gw1',
      home: dir,
      mix_address: '127.0.0.1:0',
      clients_address: 'ws://127.0.0.1:0',
    });
    expect(data.identity_key).toMatch(/^[1-9A-HJ-NP-Za-km-z]{43,44}$/);
    for (const file of ['private_identity.pem', 'private_sphinx.pem']) {
      expect(statSync(join(dir, 'data', file)).mode & 0o777).toBe(0o600);
    }
    const config = readFileSync(join(dir, 'config', 'config.toml'), 'utf8');
    expect(config).toContain('[clients]');
    expect(config).toContain('max_packets_per_second = 500');

    const again = bufferIo();
    expect(await runCli(['-o', 'json', 'gateway', 'init', '--home', dir], again)).toBe(1);
    expect(JSON.parse(again.stdout.join(''))).toMatchObject({ error: { code: 'already_initialised' } });
  });

  it('run serves the gateway until stopped, then reports its counts', async () => {
    const dir = home();
    expect(await runCli(['gateway', 'init', '--home', dir, ...onLoopback], bufferIo())).toBe(0);
    const controller = new AbortController();
    let description: Record<string, unknown> | undefined;
    let health = 0;
    const onStarted = (gateway: Gateway): void => {
      const base = `http://127.0.0.1:${gateway.httpAddress?.port}`;
      void (async () => {
        health = (await fetch(`${base}/api/v1/health`)).status;
        description = (await (await fetch(`${base}/api/v1/description`)).json()) as Record<string, unknown>;
        controller.abort();
      })();
    };
    const io = bufferIo();
    const code = await runCli(
      ['-o', 'json', 'gateway', 'run', '--home', dir, '--workers', '0', '--log-level', 'silent'],
      io,
      { modules: [gatewayModule({ onStarted })], signal: controller.signal },
    );
    expect(code).toBe(0);
    expect(health).toBe(200);
    expect(description).toMatchObject({ role: 'gateway', id: 'gw1', client_protocol_version: 5 });
    expect(JSON.parse(io.stdout.join(''))).toMatchObject({
      id: 'gw1',
      received: 0,
      delivered: 0,
      dropped: 0,
    });
    // The stores it opened exist and were closed with it.
    expect(statSync(join(dir, 'data', 'inbox.sqlite')).isFile()).toBe(true);
    expect(statSync(join(dir, 'data', 'shared-keys.sqlite')).isFile()).toBe(true);
  });

  it('needs an id or a home', async () => {
    const io = bufferIo();
    const previous = { id: process.env.NYM_GATEWAY_ID, home: process.env.NYM_GATEWAY_HOME };
    delete process.env.NYM_GATEWAY_ID;
    delete process.env.NYM_GATEWAY_HOME;
    try {
      expect(await runCli(['-o', 'json', 'gateway', 'run'], io)).toBe(1);
    } finally {
      if (previous.id !== undefined) process.env.NYM_GATEWAY_ID = previous.id;
      if (previous.home !== undefined) process.env.NYM_GATEWAY_HOME = previous.home;
    }
    expect(JSON.parse(io.stdout.join(''))).toMatchObject({ error: { code: 'missing_node' } });
  });
});
