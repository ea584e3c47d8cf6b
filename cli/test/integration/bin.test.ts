import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const bin = join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'nymts');

function nymts(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.NYM_OUTPUT;
  const result = spawnSync(bin, args, { encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the nymts binary linked by npm', () => {
  it('prints help and exits 0', () => {
    const result = nymts('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: nymts');
    expect(result.stdout).toContain('--output <format>');
  });

  it('prints the package version', () => {
    const result = nymts('--version');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(require('../../package.json').version);
  });

  it('exits 2 with a message on an unknown option', () => {
    const result = nymts('--no-such-option');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-option'");
  });
});
