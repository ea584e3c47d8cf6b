import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { ClientProcess } from '@nymts/client';
import { FAST_CLIENT, startRealNetwork, type RealNetwork } from '@nymts/client/test/support/real-network';
import { bufferIo, runCli } from '../../src';
import { clientModule } from '../../src/commands/client';

jest.setTimeout(90_000);

/** Collects JSON frames of nym-client's API and waits for one of a given type. */
function apiSession(port: number) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}`);
  const frames: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as Record<string, unknown>);
    for (const wake of waiters.splice(0)) wake();
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    opened,
    send: (request: object) => socket.send(JSON.stringify(request)),
    async next(type: string): Promise<Record<string, unknown>> {
      for (;;) {
        const index = frames.findIndex((frame) => frame.type === type);
        if (index >= 0) return frames.splice(index, 1)[0] as Record<string, unknown>;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

describe('nymts client', () => {
  let network: RealNetwork;
  let dir: string;

  beforeAll(async () => {
    network = await startRealNetwork({ perLayer: 1, gateways: 2 });
    dir = mkdtempSync(join(tmpdir(), 'nymts-cli-client-'));
  });
  afterAll(async () => {
    await network.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const gatewayIdentity = (index: number) =>
    (JSON.parse(readFileSync(network.topologyFile, 'utf8')) as { gateways: { identityKey: string }[] })
      .gateways[index]?.identityKey as string;

  it('init writes keys (0600) and a config naming a gateway of the topology, and refuses to run twice', async () => {
    const home = join(dir, 'alice');
    const io = bufferIo();
    const args = ['-o', 'json', 'client', 'init', '--home', home, '--topology', network.topologyFile];
    expect(await runCli([...args, '--gateway', gatewayIdentity(0), '--port', '0'], io)).toBe(0);
    const data = JSON.parse(io.stdout.join('')) as Record<string, string>;
    expect(data).toMatchObject({
      id: 'alice',
      home,
      gateway: gatewayIdentity(0),
      websocket_api: 'ws://127.0.0.1:0',
    });
    expect(data.address).toMatch(
      new RegExp(`^[1-9A-HJ-NP-Za-km-z]+\\.[1-9A-HJ-NP-Za-km-z]+@${gatewayIdentity(0)}$`),
    );
    expect(statSync(join(home, 'data', 'keys.json')).mode & 0o777).toBe(0o600);
    const config = readFileSync(join(home, 'config', 'config.toml'), 'utf8');
    expect(config).toContain('[gateway]');
    expect(config).toContain(`file = "${network.topologyFile}"`);

    const again = bufferIo();
    expect(await runCli(args, again)).toBe(1);
    expect(JSON.parse(again.stdout.join(''))).toMatchObject({ error: { code: 'already_initialised' } });
  });

  it('init refuses a gateway that is not in the topology, and a missing topology', async () => {
    const io = bufferIo();
    const home = join(dir, 'nobody');
    const unknown = ['--topology', network.topologyFile, '--gateway', '11111111111111111111111111111111'];
    expect(await runCli(['-o', 'json', 'client', 'init', '--home', home, ...unknown], io)).toBe(1);
    expect(JSON.parse(io.stdout.join(''))).toMatchObject({ error: { code: 'bad_config' } });
    const missing = bufferIo();
    expect(await runCli(['-o', 'json', 'client', 'init', '--home', home], missing)).toBe(1);
    expect(JSON.parse(missing.stdout.join(''))).toMatchObject({ error: { code: 'missing_topology' } });
  });

  it('run registers with the gateway and serves the WebSocket API: send, receive, selfAddress', async () => {
    const home = join(dir, 'carol');
    expect(
      await runCli(
        [
          'client',
          'init',
          '--home',
          home,
          '--topology',
          network.topologyFile,
          '--gateway',
          gatewayIdentity(0),
        ],
        bufferIo(),
      ),
    ).toBe(0);
    const bob = await network.startClient(1);
    const controller = new AbortController();
    let outcome: { self?: unknown; received?: unknown; bobGot?: string; metrics?: string } = {};
    const onStarted = (client: ClientProcess): void => {
      void (async () => {
        try {
          const app = apiSession(client.apiAddress?.port as number);
          await app.opened;
          app.send({ type: 'selfAddress' });
          const self = await app.next('selfAddress');
          app.send({ type: 'send', message: 'hello from the API', recipient: bob.client.addressString });
          await bob.waitForMessages(1);
          bob.client.send(client.address, new TextEncoder().encode('hello back'));
          const received = await app.next('received');
          const metrics = await (await fetch(`http://127.0.0.1:${client.httpAddress?.port}/metrics`)).text();
          outcome = {
            self,
            received,
            bobGot: new TextDecoder().decode((bob.received[0] as { data: Uint8Array }).data),
            metrics,
          };
          app.socket.close();
        } finally {
          controller.abort();
        }
      })();
    };
    const io = bufferIo();
    const code = await runCli(
      [
        '-o',
        'json',
        'client',
        'run',
        '--home',
        home,
        '--port',
        '0',
        '--http-port',
        '0',
        '--log-level',
        'silent',
      ],
      io,
      {
        modules: [clientModule({ onStarted, runtime: { clientOptions: FAST_CLIENT } })],
        signal: controller.signal,
      },
    );
    expect(code).toBe(0);
    const summary = JSON.parse(io.stdout.join('')) as Record<string, unknown>;
    expect(outcome.self).toEqual({ type: 'selfAddress', address: summary.address });
    expect(outcome.bobGot).toBe('hello from the API');
    expect(outcome.received).toEqual({ type: 'received', message: 'hello back', senderTag: null });
    expect(outcome.metrics).toMatch(/nym_client_messages_received_total 1/);
    expect(summary).toMatchObject({ id: 'carol', messages_received: 1, messages_delivered: 1 });
    expect(summary.cover_packets_sent).toEqual(expect.any(Number));
    await bob.stop();
  });
});
