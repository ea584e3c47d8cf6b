import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { deliverStoredMessages } from '../src/inbox/delivery';
import { createSqliteInbox, DEFAULT_RETRIEVAL_BATCH, type MessageInbox } from '../src/inbox/message-inbox';

let directory: string;
const opened: MessageInbox[] = [];
const open = (
  ...args: Parameters<typeof createSqliteInbox> extends [string, ...infer Rest] ? Rest : never
) => {
  const inbox = createSqliteInbox(join(directory, 'inbox.sqlite'), ...args);
  opened.push(inbox);
  return inbox;
};
const bytes = (text: string) => new TextEncoder().encode(text);

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'nymts-inbox-'));
});
afterEach(() => {
  opened.splice(0).forEach((inbox) => inbox.close());
  rmSync(directory, { recursive: true, force: true });
});

describe('SQLite inbox', () => {
  it('returns messages in arrival order, in batches of 100, per client', () => {
    const inbox = open();
    for (let index = 0; index < 250; index += 1) {
      inbox.store('alice', bytes(`a${index}`));
      if (index % 50 === 0) inbox.store('bob', bytes(`b${index}`));
    }
    const first = inbox.fetchBatch('alice');
    expect(first).toHaveLength(DEFAULT_RETRIEVAL_BATCH);
    expect(new TextDecoder().decode(first[0].content)).toBe('a0');
    const second = inbox.fetchBatch('alice', DEFAULT_RETRIEVAL_BATCH, first[first.length - 1].id);
    expect(new TextDecoder().decode(second[0].content)).toBe('a100');
    expect(inbox.fetchBatch('bob').map((message) => new TextDecoder().decode(message.content))).toEqual([
      'b0',
      'b50',
      'b100',
      'b150',
      'b200',
    ]);
    expect(inbox.usage('alice')).toEqual({ messages: 250, bytes: 10 * 2 + 90 * 3 + 150 * 4 });
  });

  it('removes only delivered messages of the named client', () => {
    const inbox = open();
    const a = inbox.store('alice', bytes('one'));
    const b = inbox.store('bob', bytes('two'));
    if (a.kind !== 'stored' || b.kind !== 'stored') throw new Error('store failed');
    expect(inbox.removeDelivered('alice', [a.id, b.id, a.id, 999])).toBe(1);
    expect(inbox.fetchBatch('alice')).toEqual([]);
    expect(inbox.fetchBatch('bob')).toHaveLength(1);
    expect(inbox.usage('alice')).toEqual({ messages: 0, bytes: 0 });
    expect(inbox.purge('bob')).toBe(1);
    expect(inbox.usage('bob')).toEqual({ messages: 0, bytes: 0 });
  });

  it('refuses messages past the count or byte limit with a clear error, and accepts again after delivery', () => {
    const inbox = open({ maxMessagesPerClient: 3, maxBytesPerClient: 10 });
    expect(inbox.store('alice', bytes('1234')).kind).toBe('stored');
    expect(inbox.store('alice', bytes('5678')).kind).toBe('stored');
    const tooBig = inbox.store('alice', bytes('abc'));
    expect(tooBig).toMatchObject({ kind: 'full', limit: 'bytes', usage: { messages: 2, bytes: 8 } });
    expect(tooBig.kind === 'full' && tooBig.message).toBe(
      'inbox of alice holds 8 bytes; 3 more would pass the limit of 10',
    );
    expect(inbox.store('alice', bytes('x')).kind).toBe('stored');
    expect(inbox.store('alice', bytes('y'))).toMatchObject({ kind: 'full', limit: 'messages' });
    expect(inbox.store('bob', bytes('y')).kind).toBe('stored');
    inbox.removeDelivered(
      'alice',
      inbox.fetchBatch('alice').map((message) => message.id),
    );
    expect(inbox.store('alice', bytes('y')).kind).toBe('stored');
  });

  it('rejects nonsensical limits', () => {
    expect(() => open({ maxMessagesPerClient: 0, maxBytesPerClient: 10 })).toThrow(
      'inbox limit maxMessagesPerClient must be a positive integer, got 0',
    );
  });

  it('keeps committed messages across close and reopen', () => {
    const first = open();
    first.store('alice', bytes('kept'));
    first.close();
    opened.splice(opened.indexOf(first), 1);
    const second = open();
    expect(second.fetchBatch('alice').map((message) => new TextDecoder().decode(message.content))).toEqual([
      'kept',
    ]);
    expect(second.usage('alice')).toEqual({ messages: 1, bytes: 4 });
  });

  it('usage always equals what is stored, whatever the sequence of operations', () => {
    const operation = fc.oneof(
      fc.record({ op: fc.constant('store' as const), client: fc.constantFrom('a', 'b'), size: fc.nat(20) }),
      fc.record({ op: fc.constant('deliver' as const), client: fc.constantFrom('a', 'b'), count: fc.nat(5) }),
      fc.record({ op: fc.constant('purge' as const), client: fc.constantFrom('a', 'b') }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const inbox = createSqliteInbox(':memory:', { maxMessagesPerClient: 8, maxBytesPerClient: 60 });
        const model = new Map<string, number[]>([
          ['a', []],
          ['b', []],
        ]);
        for (const step of operations) {
          const kept = model.get(step.client) as number[];
          if (step.op === 'store') {
            const result = inbox.store(step.client, new Uint8Array(step.size));
            const fits = kept.length < 8 && kept.reduce((sum, size) => sum + size, 0) + step.size <= 60;
            expect(result.kind).toBe(fits ? 'stored' : 'full');
            if (fits) kept.push(step.size);
          } else if (step.op === 'deliver') {
            const batch = inbox.fetchBatch(step.client, step.count);
            inbox.removeDelivered(
              step.client,
              batch.map((message) => message.id),
            );
            kept.splice(0, batch.length);
          } else {
            inbox.purge(step.client);
            kept.length = 0;
          }
          for (const [client, sizes] of model) {
            expect(inbox.usage(client)).toEqual({
              messages: sizes.length,
              bytes: sizes.reduce((sum, size) => sum + size, 0),
            });
            expect(inbox.fetchBatch(client, 100).map((message) => message.content.length)).toEqual(sizes);
          }
        }
        inbox.close();
      }),
      { numRuns: 40 },
    );
  });
});

describe('delivering stored messages', () => {
  it('sends everything in order and empties the inbox', async () => {
    const inbox = open();
    for (let index = 0; index < 230; index += 1) inbox.store('alice', bytes(String(index)));
    const received: string[] = [];
    const outcome = await deliverStoredMessages(inbox, 'alice', async (content) => {
      received.push(new TextDecoder().decode(content));
    });
    expect(outcome).toEqual({ delivered: 230 });
    expect(received).toEqual(Array.from({ length: 230 }, (_, index) => String(index)));
    expect(inbox.usage('alice')).toEqual({ messages: 0, bytes: 0 });
  });

  it('keeps what could not be sent when the connection fails mid-batch', async () => {
    const inbox = open();
    for (let index = 0; index < 10; index += 1) inbox.store('alice', bytes(String(index)));
    let sends = 0;
    const outcome = await deliverStoredMessages(inbox, 'alice', async () => {
      sends += 1;
      if (sends === 4) throw new Error('socket closed');
    });
    expect(outcome.delivered).toBe(3);
    expect(String(outcome.interruptedBy)).toBe('Error: socket closed');
    expect(inbox.fetchBatch('alice').map((message) => new TextDecoder().decode(message.content))).toEqual([
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
  });
});
