import { join } from 'node:path';
import { main, type CliIo } from '../../src/cli';

const fixtureRoot = join(__dirname, '..', 'fixtures', 'root');

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), interactive: false };
}

describe('bench runner', () => {
  it('prints one JSON object per result, with baseline and ratio where compared', async () => {
    const io = captureIo();
    const code = await main(['--json', 'alpha'], fixtureRoot, io);
    expect(code).toBe(0);
    expect(io.stdout.map((line) => JSON.parse(line))).toEqual([
      { name: 'alpha ops', value: 1500, unit: 'ops/s' },
      { name: 'alpha vs baseline', value: 300, unit: 'tx/s', baseline: 100, ratio: 3 },
    ]);
  });

  it('prints a table and fails the run when a suite throws, keeping the other results', async () => {
    const io = captureIo();
    const code = await main([], fixtureRoot, io);
    expect(code).toBe(1);
    const table = io.stdout.join('\n');
    expect(table).toMatch(/alpha ops\s+1,500\s+ops\/s/);
    expect(table).toMatch(/alpha vs baseline\s+300\s+tx\/s\s+100\s+3×/);
    expect(table).toContain('beta first');
    expect(table).toContain('beta/bench/broken.bench.ts: FAILED (the system under test fell over)');
    expect(io.stderr.join('\n')).toContain('the system under test fell over');
  });

  it('lists suites, and reports a filter that matches nothing', async () => {
    const listing = captureIo();
    expect(await main(['--list'], fixtureRoot, listing)).toBe(0);
    expect(listing.stdout).toEqual(['alpha/bench/speed.bench.ts', 'beta/bench/broken.bench.ts']);

    const none = captureIo();
    expect(await main(['nothing-like-this'], fixtureRoot, none)).toBe(1);
    expect(none.stderr.join('')).toContain('no bench suite matches nothing-like-this');
  });

  it('rejects unknown options with usage', async () => {
    const io = captureIo();
    expect(await main(['--fast'], fixtureRoot, io)).toBe(2);
    expect(io.stderr.join('')).toContain('unknown option --fast');
  });
});
