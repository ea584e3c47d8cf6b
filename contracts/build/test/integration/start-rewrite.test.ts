// The compiled module has no start section, yet every export sees the globals the start function
// sets up, and the start function runs once per instance (the compiler runs in a child process:
// it is an ES module that jest's CommonJS runtime cannot load).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWasm, REPOSITORY_ROOT } from '../../src';
import { readSections, SECTION } from '../../src/wasm-reader';

const output = join(tmpdir(), `nymts-start-rewrite-${process.pid}.wasm`);

afterAll(() => rmSync(output, { force: true }));

test('exports run the start function first, once', async () => {
  const script = `require('./contracts/build/src/compile.ts')
    .compileContract(process.cwd(), 'contracts/build/test/fixtures/start-rewrite.ts')
    .then((wasm) => require('node:fs').writeFileSync(${JSON.stringify(output)}, wasm))
    .catch((error) => { console.error(error.message); process.exit(1); });`;
  const run = spawnSync(process.execPath, ['-r', '@nymts/ts-run/register', '-e', script], {
    cwd: REPOSITORY_ROOT,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const wasm = readFileSync(output);
  expect(readSections(wasm).map((s) => s.id)).not.toContain(SECTION.start);
  expect(checkWasm(wasm, { forbidFloats: true }).problems).toEqual([]);
  const { instance } = await WebAssembly.instantiate(wasm, { env: { abort: () => undefined } });
  const exports = instance.exports as Record<string, () => number>;
  expect(exports._start).toBeUndefined();
  expect(exports.tableLength!()).toBe(3);
  expect(exports.sameFunctionAgain!()).toBe(3);
  expect(exports.startsSeen!()).toBe(1);
  expect(exports.startsSeen!()).toBe(1);
}, 120_000);
