// Runs one bench file in a process of its own, so suites cannot disturb each other's JIT or heap,
// and a crash costs one suite, not the run.
import { resolve } from 'node:path';
import { createContext } from './context';
import type { BenchResult, BenchSuite } from './types';

export type ChildMessage =
  | { kind: 'result'; result: BenchResult }
  | { kind: 'progress'; message: string }
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

function send(message: ChildMessage): void {
  process.send?.(message);
}

function loadSuite(file: string): BenchSuite {
  const loaded = require(resolve(file)) as { default?: BenchSuite };
  const suite = loaded.default;
  if (!suite || typeof suite.run !== 'function') {
    throw new TypeError(`${file} must export default defineSuite({ name, run })`);
  }
  return suite;
}

async function runChild(file: string): Promise<void> {
  const controller = new AbortController();
  process.on('SIGINT', () => controller.abort());
  try {
    const suite = loadSuite(file);
    const ctx = createContext(
      {
        result: (result) => send({ kind: 'result', result }),
        progress: (message) => send({ kind: 'progress', message }),
      },
      controller.signal,
    );
    await suite.run(ctx);
    send({ kind: 'done' });
  } catch (error) {
    send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
  process.disconnect?.();
}

const file = process.argv[2];
if (file !== undefined) void runChild(file);
