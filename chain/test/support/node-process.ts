import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const cliBin = join(__dirname, '..', '..', '..', 'cli', 'bin', 'nymts.js');

export interface NodeProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/**
 * Runs `nymts chain start --home <home>` in a child process (optionally pinned to CPU cores with
 * taskset) and resolves with its RPC URL once it listens. `nodeArgs` go to the child's `node`
 * itself, before the script (e.g. `--cpu-prof`, which NODE_OPTIONS refuses).
 */
export function startNodeProcess(
  home: string,
  extraArgs: readonly string[] = [],
  cpus?: string,
  nodeArgs: readonly string[] = [],
): Promise<NodeProcess> {
  const args = [
    ...nodeArgs,
    cliBin,
    'chain',
    'start',
    '--home',
    home,
    '--rpc',
    '127.0.0.1:0',
    '--log-level',
    'warn',
    ...extraArgs,
  ];
  const child =
    cpus === undefined
      ? spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('taskset', ['-c', cpus, process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /RPC (http:\/\/[0-9.]+:[0-9]+)/.exec(stderr);
      if (match !== null) resolve({ child, url: match[1] as string, exited });
    });
    child.once('exit', (code) =>
      reject(new Error(`the node exited with ${code} before listening:\n${stderr}`)),
    );
  });
}
