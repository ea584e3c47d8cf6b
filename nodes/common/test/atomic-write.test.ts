import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../src';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nymts-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates missing folders and replaces an existing file whole, leaving no temporary file', () => {
    const path = join(dir, 'nested', 'state.json');
    writeFileAtomic(path, 'first version, longer than the second');
    writeFileAtomic(path, 'second');
    expect(readFileSync(path, 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['state.json']);
  });

  it('writes bytes with the mode asked for', () => {
    const path = join(dir, 'key.bin');
    writeFileAtomic(path, new Uint8Array([1, 2, 3]), 0o600);
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps the old file and removes the temporary one when the rename fails', () => {
    // a folder where the file should be: the temporary file is written, the rename over it fails
    const path = join(dir, 'occupied');
    mkdirSync(path);
    expect(() => writeFileAtomic(path, 'new')).toThrow();
    expect(statSync(path).isDirectory()).toBe(true);
    expect(readdirSync(dir)).toEqual(['occupied']);
  });
});
