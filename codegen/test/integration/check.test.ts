// The committed clients in contracts-client/src/generated/ (and the cw-plus schemas) are exactly
// what `npm run codegen` makes from the schemas now, so a schema change without a regeneration
// fails CI here.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '@nymts/contract-build';

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@nymts/ts-run/register', join(REPOSITORY_ROOT, 'codegen/src/cli.ts'), ...args],
      { cwd: REPOSITORY_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('the committed generated clients match a fresh generation from the schemas', async () => {
  const { code, output } = await run(['--check']);
  expect(output).toContain('generated clients match their schemas');
  expect(code).toBe(0);
}, 120_000);
