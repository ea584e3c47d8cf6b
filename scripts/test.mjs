#!/usr/bin/env node
// `npm test`: every check CI runs, in order, each run even when an earlier one failed so one
// run shows every problem. Extra arguments go to jest (`npm test -- chain/`).
// Writes <results>/checks.json and <results>/jest.json for `.ci/run`'s summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';

const results = resolve(process.env.NYMTS_TEST_RESULTS ?? '.test-results');
mkdirSync(results, { recursive: true });
const jestArgs = process.argv.slice(2);
const binPath = `${resolve('node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`;

const stages = [
  { name: 'typecheck', command: 'tsc', args: ['-b'] },
  { name: 'lint', command: 'eslint', args: ['.'] },
  { name: 'format', command: 'prettier', args: ['--check', '.'] },
  {
    name: 'jest',
    command: 'jest',
    args: ['--ci', '--json', `--outputFile=${resolve(results, 'jest.json')}`, ...jestArgs],
  },
];

const checks = [];
for (const stage of stages) {
  process.stderr.write(`\n▶ ${stage.name}: ${stage.command} ${stage.args.join(' ')}\n`);
  const started = Date.now();
  const run = spawnSync(stage.command, stage.args, {
    stdio: 'inherit',
    env: { ...process.env, PATH: binPath },
  });
  const ok = run.status === 0;
  checks.push({ name: stage.name, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
}

writeFileSync(resolve(results, 'checks.json'), JSON.stringify(checks, null, 2));
process.stderr.write('\n');
for (const check of checks) {
  process.stderr.write(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.name} (${check.seconds} s)\n`);
}
process.exitCode = checks.every((check) => check.ok) ? 0 : 1;
