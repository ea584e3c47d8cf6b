import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError, loadTomlConfig, writeTomlConfig } from '../src';

const schema = z.strictObject({
  node: z.strictObject({ id: z.string().min(1), port: z.number().int().min(0).max(65535) }),
  rate: z.number().positive().default(1),
});

function file(contents: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'nymts-config-')), 'config.toml');
  writeFileSync(path, contents);
  return path;
}

function errorOf(path: string): ConfigError {
  try {
    loadTomlConfig(path, schema);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('TOML config with zod', () => {
  it('loads a valid file and fills defaults', () => {
    expect(loadTomlConfig(file('[node]\nid = "mix1"\nport = 1789\n'), schema)).toEqual({
      node: { id: 'mix1', port: 1789 },
      rate: 1,
    });
  });

  it('names every bad key with its path', () => {
    const error = errorOf(file('rate = -2\n[node]\nid = ""\nport = 70000\nextra = 1\n'));
    expect(error.code).toBe('config_invalid');
    expect(error.action).toBe('reject');
    expect(error.message).toContain('node.id');
    expect(error.message).toContain('node.port');
    expect(error.message).toContain('rate');
    expect(error.message).toMatch(/extra/);
  });

  it('reports unreadable files and TOML syntax errors with the path', () => {
    expect(errorOf('/nonexistent/config.toml').code).toBe('config_unreadable');
    const broken = file('[node\n');
    const error = errorOf(broken);
    expect(error.code).toBe('config_syntax');
    expect(error.message).toContain(broken);
  });

  it('writes a file that loads back the same', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'nymts-config-')), 'nested', 'config.toml');
    writeTomlConfig(path, { node: { id: 'mix2', port: 1 }, rate: 0.5 }, '# written by a test\n');
    expect(readFileSync(path, 'utf8').startsWith('# written by a test\n')).toBe(true);
    expect(loadTomlConfig(path, schema)).toEqual({ node: { id: 'mix2', port: 1 }, rate: 0.5 });
  });
});
