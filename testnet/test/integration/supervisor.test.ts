import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSupervisor, isAlive, type ServiceExit } from '../../src';

const FIXTURES = resolve(__dirname, '../fixtures');
const logs = mkdtempSync(join(tmpdir(), 'nymts-supervisor-'));
const launcher = (script: string) => ({ command: process.execPath, args: [join(FIXTURES, script)] });

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

describe('createSupervisor', () => {
  it('reports a service that stops on its own, logs its output, and stops the rest tier by tier', async () => {
    const unexpected: ServiceExit[] = [];
    const supervisor = createSupervisor({
      launcher: launcher('service.js'),
      onUnexpectedExit: (exit) => unexpected.push(exit),
    });
    const base = supervisor.start({ name: 'base', args: [], logFile: join(logs, 'base.log'), tier: 0 });
    const top = supervisor.start({ name: 'top', args: [], logFile: join(logs, 'top.log'), tier: 1 });
    const victim = supervisor.start({ name: 'victim', args: [], logFile: join(logs, 'victim.log'), tier: 1 });
    await until(() => readFileSync(top.logFile, 'utf8').includes('listening'));

    process.kill(victim.pid, 'SIGKILL');
    expect(await victim.exited).toEqual({ name: 'victim', pid: victim.pid, code: null, signal: 'SIGKILL' });
    expect(unexpected.map((exit) => exit.name)).toEqual(['victim']);
    expect(base.running() && top.running()).toBe(true);

    const order: string[] = [];
    void base.exited.then(() => order.push('base'));
    void top.exited.then(() => order.push('top'));
    const exits = await supervisor.stopAll();
    expect(order).toEqual(['top', 'base']);
    expect(exits.find((exit) => exit.name === 'top')).toEqual(
      expect.objectContaining({ code: 0, signal: null }),
    );
    expect(unexpected).toHaveLength(1);
    expect(isAlive(base.pid) || isAlive(top.pid)).toBe(false);
  });

  it('kills a service that ignores SIGTERM once the grace is over', async () => {
    const supervisor = createSupervisor({
      launcher: launcher('stubborn-service.js'),
      onUnexpectedExit: () => undefined,
    });
    const service = supervisor.start({
      name: 'stubborn',
      args: [],
      logFile: join(logs, 'stubborn.log'),
      tier: 0,
    });
    await sleep(1500);
    const [exit] = await supervisor.stopAll(500);
    expect(exit).toEqual(expect.objectContaining({ signal: 'SIGKILL' }));
    expect(readFileSync(service.logFile, 'utf8')).toContain('ignoring SIGTERM');
  });

  it('leaves no orphan when the supervisor itself is killed', async () => {
    const parent = spawn(
      process.execPath,
      ['-r', '@nymts/ts-run/register', join(FIXTURES, 'supervisor-parent.ts'), join(logs, 'orphan.log')],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    parent.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await until(() => /^\d+\n/.test(out));
    const childPid = Number(out.trim());
    await until(() => readFileSync(join(logs, 'orphan.log'), 'utf8').includes('listening'));
    parent.kill('SIGKILL');
    await new Promise((done) => parent.once('exit', done));
    await until(() => !isAlive(childPid));
    expect(isAlive(childPid)).toBe(false);
  });
});
