import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ClientError } from '../src/errors';
import { openSqliteClientStore } from '../src/storage/client-store';
import { loadOrCreateClientKeys, readClientKeys, writeClientKeys } from '../src/storage/key-file';
import { createSeededRng } from '@nymts/node-common';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nymts-client-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tag = (n: number) => new Uint8Array(16).fill(n);

describe('the SQLite client store', () => {
  it('keeps reply keys, sender tags and SURBs across a reopen', () => {
    const path = join(dir, 'state.sqlite');
    const first = openSqliteClientStore(path);
    first.saveReplyKeys([{ digest: new Uint8Array(32).fill(1), key: new Uint8Array(16).fill(2) }], 1_000);
    first.saveSenderTag('someone', tag(3));
    expect(first.storeSurbs(tag(4), [Uint8Array.of(1), Uint8Array.of(2)], 1_000, 10)).toBe(2);
    first.close();

    const again = openSqliteClientStore(path);
    expect(again.senderTagFor('someone')).toEqual(tag(3));
    expect(again.senderTagFor('nobody')).toBeUndefined();
    expect(again.countSurbs(tag(4))).toBe(2);
    expect(again.takeReplyKey(new Uint8Array(32).fill(1))).toEqual(new Uint8Array(16).fill(2));
    again.close();
  });

  it('hands out each reply key once and SURBs oldest first', () => {
    const store = openSqliteClientStore(':memory:');
    store.saveReplyKeys([{ digest: new Uint8Array(32).fill(1), key: new Uint8Array(16).fill(2) }], 0);
    expect(store.takeReplyKey(new Uint8Array(32).fill(1))).toBeDefined();
    expect(store.takeReplyKey(new Uint8Array(32).fill(1))).toBeUndefined();
    store.storeSurbs(tag(1), [Uint8Array.of(1), Uint8Array.of(2)], 0, 10);
    store.storeSurbs(tag(1), [Uint8Array.of(3)], 0, 10);
    store.storeSurbs(tag(2), [Uint8Array.of(9)], 0, 10);
    expect([
      store.takeSurb(tag(1)),
      store.takeSurb(tag(1)),
      store.takeSurb(tag(1)),
      store.takeSurb(tag(1)),
    ]).toEqual([Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3), undefined]);
    expect(store.countSurbs(tag(2))).toBe(1);
    store.close();
  });

  it('keeps at most the limit of SURBs per sender and prunes by age', () => {
    const store = openSqliteClientStore(':memory:');
    expect(
      store.storeSurbs(
        tag(1),
        [1, 2, 3, 4, 5].map((n) => Uint8Array.of(n)),
        0,
        3,
      ),
    ).toBe(3);
    expect(store.storeSurbs(tag(1), [Uint8Array.of(6)], 0, 3)).toBe(0);
    store.storeSurbs(tag(2), [Uint8Array.of(7)], 5_000, 3);
    store.saveReplyKeys([{ digest: new Uint8Array(32).fill(1), key: new Uint8Array(16) }], 0);
    store.saveReplyKeys([{ digest: new Uint8Array(32).fill(2), key: new Uint8Array(16) }], 9_000);
    expect(store.pruneExpired(10_000, { surbMaxAgeMs: 6_000, replyKeyMaxAgeMs: 2_000 })).toEqual({
      surbs: 3,
      replyKeys: 1,
    });
    expect(store.countSurbs(tag(2))).toBe(1);
    expect(store.takeReplyKey(new Uint8Array(32).fill(2))).toBeDefined();
    store.close();
  });

  it('refuses a file that is not a store, or one from a newer schema', () => {
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database, but it is long enough to look like one to nobody');
    expect(() => openSqliteClientStore(garbage)).toThrow(ClientError);
    const newer = join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteClientStore(newer)).toThrow(/newer client/);
  });
});

describe('the key file', () => {
  const random = createSeededRng('keys').randomBytes;

  it('is created once with mode 0600 and read back as the same keys', () => {
    const path = join(dir, 'keys', 'client.json');
    const created = loadOrCreateClientKeys(path, random);
    expect(created.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const loaded = loadOrCreateClientKeys(path, random);
    expect(loaded.created).toBe(false);
    expect(loaded.keys).toEqual(created.keys);
    expect(readFileSync(path, 'utf8')).not.toContain(Buffer.from(created.keys.ackKey).toString('hex'));
  });

  it('never overwrites a key file, and refuses one others can read or that is malformed', () => {
    const path = join(dir, 'client.json');
    const { keys } = loadOrCreateClientKeys(path, random);
    expect(() => writeClientKeys(path, keys)).toThrow(/refusing to overwrite/);
    expect(readClientKeys(path)).toEqual(keys);
    chmodSync(path, 0o644);
    expect(() => readClientKeys(path)).toThrow(/chmod 600/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"version":1}', { mode: 0o600 });
    expect(() => readClientKeys(broken)).toThrow(/not a nymts client key file/);
  });
});
