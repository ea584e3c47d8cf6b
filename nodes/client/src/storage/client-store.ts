import Database from 'better-sqlite3';
import { ClientError } from '../errors';

/**
 * What a client keeps across restarts besides its keys (Nym keeps the same in its
 * `persistent_reply_store.sqlite`): the reply keys of SURBs it handed out, the sender tag it shows
 * each recipient, and the SURBs others gave it, by their sender tag.
 */
export interface ClientStateStore {
  saveReplyKeys(entries: readonly { digest: Uint8Array; key: Uint8Array }[], createdAtMs: number): void;
  /** Removes and returns the key with this BLAKE3 digest: each SURB answers once. */
  takeReplyKey(digest: Uint8Array): Uint8Array | undefined;
  senderTagFor(recipient: string): Uint8Array | undefined;
  saveSenderTag(recipient: string, tag: Uint8Array): void;
  /** Stores SURBs up to `maxPerTag`; returns how many were kept. */
  storeSurbs(tag: Uint8Array, surbs: readonly Uint8Array[], receivedAtMs: number, maxPerTag: number): number;
  /** The oldest stored SURB for the tag, removed. */
  takeSurb(tag: Uint8Array): Uint8Array | undefined;
  countSurbs(tag: Uint8Array): number;
  /** The key registered with a gateway (by its bs58 identity), for authenticating on reconnect. */
  gatewaySharedKey(gateway: string): Uint8Array | undefined;
  saveGatewaySharedKey(gateway: string, key: Uint8Array): void;
  /** Forgets SURBs and reply keys past their age (Sphinx keys rotate, so old SURBs stop working). */
  pruneExpired(
    nowMs: number,
    limits: { surbMaxAgeMs: number; replyKeyMaxAgeMs: number },
  ): {
    surbs: number;
    replyKeys: number;
  };
  close(): void;
}

const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reply_keys (
  digest BLOB PRIMARY KEY,
  key BLOB NOT NULL,
  created_at_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sender_tags (
  recipient TEXT PRIMARY KEY,
  tag BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reply_surbs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sender_tag BLOB NOT NULL,
  surb BLOB NOT NULL,
  received_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS reply_surbs_by_tag ON reply_surbs (sender_tag, id);
CREATE TABLE IF NOT EXISTS gateway_keys (
  gateway TEXT PRIMARY KEY,
  shared_key BLOB NOT NULL
) WITHOUT ROWID;
`;

function toBytes(value: unknown): Uint8Array {
  return new Uint8Array(value as Buffer);
}

/**
 * The store in a SQLite file (WAL journal: a crash never loses a committed write or corrupts the
 * file), or in memory for a client that keeps nothing (`path = ':memory:'`).
 */
export function openSqliteClientStore(path: string): ClientStateStore {
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new ClientError('storage', `${path} was written by a newer client (schema ${version})`);
    }
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  } catch (error) {
    if (error instanceof ClientError) throw error;
    throw new ClientError('storage', `cannot open the client store ${path}`, {
      cause: error,
      details: { path },
    });
  }

  const insertReplyKey = db.prepare(
    'INSERT OR REPLACE INTO reply_keys (digest, key, created_at_ms) VALUES (?, ?, ?)',
  );
  const selectReplyKey = db.prepare('SELECT key FROM reply_keys WHERE digest = ?');
  const deleteReplyKey = db.prepare('DELETE FROM reply_keys WHERE digest = ?');
  const selectTag = db.prepare('SELECT tag FROM sender_tags WHERE recipient = ?');
  const insertTag = db.prepare('INSERT OR REPLACE INTO sender_tags (recipient, tag) VALUES (?, ?)');
  const countByTag = db.prepare('SELECT COUNT(*) AS n FROM reply_surbs WHERE sender_tag = ?');
  const insertSurb = db.prepare(
    'INSERT INTO reply_surbs (sender_tag, surb, received_at_ms) VALUES (?, ?, ?)',
  );
  const oldestSurb = db.prepare('SELECT id, surb FROM reply_surbs WHERE sender_tag = ? ORDER BY id LIMIT 1');
  const deleteSurb = db.prepare('DELETE FROM reply_surbs WHERE id = ?');
  const pruneSurbs = db.prepare('DELETE FROM reply_surbs WHERE received_at_ms < ?');
  const selectGatewayKey = db.prepare('SELECT shared_key FROM gateway_keys WHERE gateway = ?');
  const insertGatewayKey = db.prepare(
    'INSERT OR REPLACE INTO gateway_keys (gateway, shared_key) VALUES (?, ?)',
  );
  const pruneKeys = db.prepare('DELETE FROM reply_keys WHERE created_at_ms < ?');

  const saveKeys = db.transaction(
    (entries: readonly { digest: Uint8Array; key: Uint8Array }[], at: number) => {
      for (const entry of entries) insertReplyKey.run(entry.digest, entry.key, at);
    },
  );
  const takeKey = db.transaction((digest: Uint8Array) => {
    const row = selectReplyKey.get(digest) as { key: Buffer } | undefined;
    if (row === undefined) return undefined;
    deleteReplyKey.run(digest);
    return toBytes(row.key);
  });
  const count = (tag: Uint8Array) => (countByTag.get(tag) as { n: number }).n;
  const store = db.transaction((tag: Uint8Array, surbs: readonly Uint8Array[], at: number, max: number) => {
    const room = Math.max(0, max - count(tag));
    const kept = surbs.slice(0, room);
    for (const surb of kept) insertSurb.run(tag, surb, at);
    return kept.length;
  });
  const take = db.transaction((tag: Uint8Array) => {
    const row = oldestSurb.get(tag) as { id: number; surb: Buffer } | undefined;
    if (row === undefined) return undefined;
    deleteSurb.run(row.id);
    return toBytes(row.surb);
  });

  return {
    saveReplyKeys: (entries, createdAtMs) => saveKeys(entries, createdAtMs),
    takeReplyKey: (digest) => takeKey(digest),
    senderTagFor(recipient) {
      const row = selectTag.get(recipient) as { tag: Buffer } | undefined;
      return row === undefined ? undefined : toBytes(row.tag);
    },
    saveSenderTag: (recipient, tag) => void insertTag.run(recipient, tag),
    storeSurbs: (tag, surbs, receivedAtMs, maxPerTag) => store(tag, surbs, receivedAtMs, maxPerTag),
    takeSurb: (tag) => take(tag),
    countSurbs: count,
    gatewaySharedKey(gateway) {
      const row = selectGatewayKey.get(gateway) as { shared_key: Buffer } | undefined;
      return row === undefined ? undefined : toBytes(row.shared_key);
    },
    saveGatewaySharedKey: (gateway, key) => void insertGatewayKey.run(gateway, key),
    pruneExpired(nowMs, limits) {
      return {
        surbs: pruneSurbs.run(nowMs - limits.surbMaxAgeMs).changes,
        replyKeys: pruneKeys.run(nowMs - limits.replyKeyMaxAgeMs).changes,
      };
    },
    close: () => db.close(),
  };
}
