// What `build:contracts -- --check` reports when committed artifacts drift from a fresh build.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareArtifactDirs } from '../src';

let fresh: string;
let committed: string;

beforeEach(async () => {
  fresh = await mkdtemp(join(tmpdir(), 'nymts-fresh-'));
  committed = await mkdtemp(join(tmpdir(), 'nymts-committed-'));
  for (const dir of [fresh, committed]) {
    await writeFile(join(dir, 'a.wasm'), Uint8Array.from([0, 97, 115, 109]));
    await writeFile(join(dir, 'checksums.txt'), 'x  a.wasm\n');
  }
});

afterEach(async () => {
  await rm(fresh, { recursive: true, force: true });
  await rm(committed, { recursive: true, force: true });
});

const FILES = ['a.wasm', 'checksums.txt'];

test('identical folders have no differences', async () => {
  expect(await compareArtifactDirs(fresh, committed, FILES)).toEqual([]);
});

test('a changed byte, a missing file and a stray artifact are all reported', async () => {
  await writeFile(join(committed, 'a.wasm'), Uint8Array.from([0, 97, 115, 110]));
  await rm(join(committed, 'checksums.txt'));
  await writeFile(join(committed, 'old.wasm'), Uint8Array.from([1]));
  expect(await compareArtifactDirs(fresh, committed, FILES)).toEqual([
    'a.wasm differs from a fresh build',
    `checksums.txt is missing from ${committed}`,
    'old.wasm is not built by any contract',
  ]);
});
