import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';

export type ChildEvent =
  | { event: 'ready' }
  | { event: 'started'; address: string }
  | { event: 'sent' }
  | { event: 'message'; message: string }
  | { event: 'error'; message: string };

/** Handle on a child process running the Nym wasm client; `output` keeps its logs for diagnosis. */
export interface WasmClientProcess {
  request(command: object, until: ChildEvent['event'], timeoutMs: number): Promise<ChildEvent>;
  /** The next event of a kind the client reports on its own (a received message). */
  next(event: ChildEvent['event'], timeoutMs: number): Promise<ChildEvent>;
  output(): string;
  kill(): Promise<void>;
}

export function spawnWasmClient(): Promise<WasmClientProcess> {
  const child: ChildProcess = fork(resolve(__dirname, 'wasm-client-child.ts'), [], {
    execArgv: ['-r', '@nymts/ts-run/register'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const events: ChildEvent[] = [];
  const waiters: (() => void)[] = [];
  child.on('message', (event: ChildEvent) => {
    events.push(event);
    waiters.splice(0).forEach((wake) => wake());
  });

  function next(until: ChildEvent['event'], timeoutMs: number): Promise<ChildEvent> {
    return new Promise((resolveEvent, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`wasm client: no "${until}" within ${timeoutMs} ms; its log:\n${output}`));
      }, timeoutMs);
      const check = () => {
        const index = events.findIndex((event) => event.event === until || event.event === 'error');
        if (index < 0) return waiters.push(check);
        clearTimeout(timer);
        const [event] = events.splice(index, 1);
        if (event.event === 'error' && until !== 'error') {
          reject(new Error(`wasm client failed: ${event.message}; its log:\n${output}`));
        } else resolveEvent(event);
      };
      check();
    });
  }

  const handle: WasmClientProcess = {
    request(command, until, timeoutMs) {
      child.send(command);
      return next(until, timeoutMs);
    },
    next,
    output: () => output,
    kill: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
  };
  return next('ready', 60_000).then(() => handle);
}
