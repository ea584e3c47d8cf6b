// Stores numbered messages as fast as it can and reports each one after `store` returned (that is,
// after its transaction committed), until the parent kills it with SIGKILL.
import { writeSync } from 'node:fs';
import { createSqliteInbox } from '../../../src/inbox/message-inbox';

const [path, prefix] = process.argv.slice(2);
const inbox = createSqliteInbox(path);
for (let index = 0; ; index += 1) {
  const result = inbox.store('alice', new TextEncoder().encode(`${prefix}-${index}`));
  if (result.kind !== 'stored') throw new Error(result.message);
  writeSync(1, `${index}\n`);
}
