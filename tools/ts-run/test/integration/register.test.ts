import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'ts-run-'));
const cache = join(work, 'cache');
const script = join(work, 'answer.ts');

const run = (): string =>
  execFileSync(process.execPath, ['-r', require.resolve('@nymts/ts-run/register'), script], {
    env: { ...process.env, NYMTS_TS_RUN_CACHE: cache },
    encoding: 'utf8',
  });

test('runs TypeScript, keeps the transpiled file, and transpiles again when the source changes', () => {
  writeFileSync(script, 'const answer: number = 41;\nconsole.log(answer + 1);\n');
  expect(run()).toBe('42\n');
  expect(readdirSync(cache)).toHaveLength(1);
  expect(run()).toBe('42\n');
  expect(readdirSync(cache)).toHaveLength(1);

  writeFileSync(script, 'const answer: string = "changed";\nconsole.log(answer);\n');
  expect(run()).toBe('changed\n');
  expect(readdirSync(cache)).toHaveLength(2);
});

test('a cache folder that cannot be created only costs the transpiling', () => {
  writeFileSync(join(work, 'file'), '');
  writeFileSync(script, 'console.log(typeof (1 as unknown));\n');
  const output = execFileSync(process.execPath, ['-r', require.resolve('@nymts/ts-run/register'), script], {
    env: { ...process.env, NYMTS_TS_RUN_CACHE: join(work, 'file', 'cache') },
    encoding: 'utf8',
  });
  expect(output).toBe('number\n');
});
