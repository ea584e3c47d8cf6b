// The committed artifacts are exactly what a fresh build produces (the same check CI runs with
// `npm run build:contracts -- --check`), so a second build gives identical bytes.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../../src';

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@nymts/ts-run/register', join(REPOSITORY_ROOT, 'contracts/build/src/cli.ts'), ...args],
      {
        cwd: REPOSITORY_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('a fresh build reproduces the committed artifacts and checksums byte for byte', async () => {
  const { code, output } = await run(['--check']);
  expect(output).toContain('contract artifacts match a fresh build');
  expect(code).toBe(0);
}, 300_000);
