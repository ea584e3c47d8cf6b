import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ChildMessage } from './child';
import type { SuiteOutcome } from './format';
import type { BenchResult } from './types';

export interface RunSuiteHooks {
  onResult?(result: BenchResult): void;
  onProgress?(message: string): void;
}

/** Runs one bench file in a child process; never rejects, failures are part of the outcome. */
export function runSuite(rootDir: string, file: string, hooks: RunSuiteHooks = {}): Promise<SuiteOutcome> {
  return new Promise((resolve) => {
    const results: BenchResult[] = [];
    let error: string | undefined = 'exited before reporting completion';
    const child = fork(join(__dirname, 'child.ts'), [file], {
      cwd: rootDir,
      execArgv: ['--require', require.resolve('@nymts/ts-run/register'), '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message: ChildMessage) => {
      switch (message.kind) {
        case 'result':
          results.push(message.result);
          hooks.onResult?.(message.result);
          break;
        case 'progress':
          hooks.onProgress?.(message.message);
          break;
        case 'done':
          error = undefined;
          break;
        case 'failed':
          error = message.message;
          break;
      }
    });
    child.on('error', (cause) => {
      error = cause.message;
    });
    child.on('exit', (code, signal) => {
      if (error === undefined && code !== 0) error = `exited with ${signal ?? `code ${code}`}`;
      resolve(error === undefined ? { file, results } : { file, results, error });
    });
  });
}
