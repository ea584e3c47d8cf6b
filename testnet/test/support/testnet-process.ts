// Runs `nymts testnet up` as a user would, in its own process, and watches what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestnetStatus } from '../../src';

export const NYMTS_BIN = resolve(__dirname, '../../../cli/bin/nymts.js');

export interface TestnetProcess {
  home: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once `pattern` appears on stderr (progress) or stdout (summary). */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `up` in a fresh data folder, or in the one `--home` names among `args`. */
export function startTestnet(args: string[]): TestnetProcess {
  const given = args.indexOf('--home');
  const home =
    given >= 0 ? (args[given + 1] as string) : join(mkdtempSync(join(tmpdir(), 'nymts-testnet-')), 'net');
  const homeArgs = given >= 0 ? [] : ['--home', home];
  const child = spawn(process.execPath, [NYMTS_BIN, 'testnet', 'up', ...homeArgs, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    waiters.forEach((check) => check());
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    waiters.forEach((check) => check());
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return {
    home,
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((done, fail) => {
        const timer = setTimeout(() => {
          fail(new Error(`timed out waiting for ${pattern}; stderr:\n${err}\nstdout:\n${out}`));
        }, timeoutMs);
        const check = (): void => {
          if (pattern.test(out) || pattern.test(err)) {
            clearTimeout(timer);
            waiters.splice(waiters.indexOf(check), 1);
            done();
          }
        };
        waiters.push(check);
        void exited.then(() => {
          if (waiters.includes(check)) {
            clearTimeout(timer);
            fail(new Error(`testnet up exited before ${pattern}; stderr:\n${err}`));
          }
        });
        check();
      });
    },
  };
}

/** `nymts testnet status --output json` from another process, as from another shell. */
export async function statusFromAnotherShell(home: string): Promise<TestnetStatus> {
  const child = spawn(
    process.execPath,
    [NYMTS_BIN, 'testnet', 'status', '--home', home, '--output', 'json'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`status failed (${String(code)}): ${err}`);
  return JSON.parse(out) as TestnetStatus;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
