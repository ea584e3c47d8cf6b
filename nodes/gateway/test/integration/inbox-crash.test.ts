import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSqliteInbox } from '../../src/inbox/message-inbox';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'nymts-inbox-crash-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** Runs the writer until it has reported `atLeast` commits, then kills it with SIGKILL. */
function writeUntilKilled(path: string, prefix: string, atLeast: number): Promise<number[]> {
  const child = spawn(
    process.execPath,
    ['-r', '@nymts/ts-run/register', resolve(__dirname, 'support/inbox-writer-child.ts'), path, prefix],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let buffered = '';
  const acknowledged: number[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    acknowledged.push(...lines.map(Number));
    if (acknowledged.length >= atLeast) child.kill('SIGKILL');
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? done(acknowledged)
        : fail(new Error(`writer exited without being killed (${signal})`)),
    );
  });
}

function readAll(path: string): { contents: string[]; usage: { messages: number; bytes: number } } {
  const inbox = createSqliteInbox(path);
  const contents: string[] = [];
  for (let batch = inbox.fetchBatch('alice', 500); batch.length > 0;) {
    contents.push(...batch.map((message) => new TextDecoder().decode(message.content)));
    batch = inbox.fetchBatch('alice', 500, batch[batch.length - 1].id);
  }
  const usage = inbox.usage('alice');
  inbox.close();
  return { contents, usage };
}

/** Every acknowledged message is there once, in order; at most the one in flight at the kill is extra. */
function expectExactlyCommitted(contents: string[], prefix: string, acknowledged: number[]): void {
  const written = contents.filter((text) => text.startsWith(`${prefix}-`));
  expect(written.slice(0, acknowledged.length)).toEqual(acknowledged.map((index) => `${prefix}-${index}`));
  expect(written.length - acknowledged.length).toBeGreaterThanOrEqual(0);
  expect(written.length - acknowledged.length).toBeLessThanOrEqual(1);
  expect(new Set(written).size).toBe(written.length);
}

describe('inbox durability', () => {
  it('keeps every committed message exactly once across two kill -9 crashes', async () => {
    const path = join(directory, 'inbox.sqlite');
    const first = await writeUntilKilled(path, 'first', 150);
    const afterFirst = readAll(path);
    expectExactlyCommitted(afterFirst.contents, 'first', first);

    const second = await writeUntilKilled(path, 'second', 150);
    const afterSecond = readAll(path);
    expect(afterSecond.contents.slice(0, afterFirst.contents.length)).toEqual(afterFirst.contents);
    expectExactlyCommitted(afterSecond.contents, 'second', second);
    expect(afterSecond.usage).toEqual({
      messages: afterSecond.contents.length,
      bytes: afterSecond.contents.reduce((sum, text) => sum + text.length, 0),
    });
  }, 60_000);
});
