import Database from 'better-sqlite3';

/** Nym's `message_retrieval_limit`: stored messages go out in batches of this many. */
export const DEFAULT_RETRIEVAL_BATCH = 100;

export interface InboxLimits {
  /** Most messages kept for one client. */
  maxMessagesPerClient: number;
  /** Most bytes of message content kept for one client. */
  maxBytesPerClient: number;
}

export const DEFAULT_INBOX_LIMITS: InboxLimits = {
  maxMessagesPerClient: 10_000,
  // 10 000 regular Sphinx payloads (2048 B) plus headroom.
  maxBytesPerClient: 32 * 1024 * 1024,
};

export interface StoredMessage {
  id: number;
  content: Uint8Array;
}

export type StoreResult =
  | { kind: 'stored'; id: number }
  | { kind: 'full'; limit: 'messages' | 'bytes'; message: string; usage: InboxUsage };

export interface InboxUsage {
  messages: number;
  bytes: number;
}

/** Durable per-client message store for clients that are offline when their messages arrive. */
export interface MessageInbox {
  store(clientId: string, content: Uint8Array): StoreResult;
  /** Oldest first; `afterId` continues after the last message of the previous batch. */
  fetchBatch(clientId: string, limit?: number, afterId?: number): StoredMessage[];
  /** Removes messages once the client has them; ids of other clients are ignored. */
  removeDelivered(clientId: string, ids: readonly number[]): number;
  /** Drops everything stored for a client (it asked to be forgotten). */
  purge(clientId: string): number;
  usage(clientId: string): InboxUsage;
  close(): void;
}

interface UsageRow {
  message_count: number;
  total_bytes: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id TEXT NOT NULL,
  content BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS messages_by_client ON messages (client_id, id);
CREATE TABLE IF NOT EXISTS client_usage (
  client_id TEXT PRIMARY KEY,
  message_count INTEGER NOT NULL,
  total_bytes INTEGER NOT NULL
) STRICT;
`;

function checkLimits(limits: InboxLimits): void {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new RangeError(`inbox limit ${name} must be a positive integer, got ${value}`);
    }
  }
}

/**
 * SQLite in WAL mode with `synchronous = FULL`: a `store` that returned is on disk and survives a
 * crash or `kill -9`; each store and each removal is one transaction, so usage counters never
 * drift from the messages they count.
 */
export function createSqliteInbox(path: string, limits: InboxLimits = DEFAULT_INBOX_LIMITS): MessageInbox {
  checkLimits(limits);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);

  const readUsage = db.prepare('SELECT message_count, total_bytes FROM client_usage WHERE client_id = ?');
  const insert = db.prepare('INSERT INTO messages (client_id, content) VALUES (?, ?)');
  const addUsage =
    db.prepare(`INSERT INTO client_usage (client_id, message_count, total_bytes) VALUES (?, 1, ?)
    ON CONFLICT (client_id) DO UPDATE SET message_count = message_count + 1, total_bytes = total_bytes + excluded.total_bytes`);
  const selectBatch = db.prepare(
    'SELECT id, content FROM messages WHERE client_id = ? AND id > ? ORDER BY id LIMIT ?',
  );
  const selectForRemoval = db.prepare(
    'SELECT length(content) AS size FROM messages WHERE id = ? AND client_id = ?',
  );
  const deleteOne = db.prepare('DELETE FROM messages WHERE id = ?');
  const subtractUsage = db.prepare(
    'UPDATE client_usage SET message_count = message_count - ?, total_bytes = total_bytes - ? WHERE client_id = ?',
  );
  const dropEmptyUsage = db.prepare('DELETE FROM client_usage WHERE client_id = ? AND message_count = 0');
  const deleteAll = db.prepare('DELETE FROM messages WHERE client_id = ?');
  const deleteUsage = db.prepare('DELETE FROM client_usage WHERE client_id = ?');
  const purgeTransaction = db.transaction((clientId: string): number => {
    const { changes } = deleteAll.run(clientId);
    deleteUsage.run(clientId);
    return changes;
  });

  const usageOf = (clientId: string): InboxUsage => {
    const row = readUsage.get(clientId) as UsageRow | undefined;
    return { messages: row?.message_count ?? 0, bytes: row?.total_bytes ?? 0 };
  };

  const storeTransaction = db.transaction((clientId: string, content: Uint8Array): StoreResult => {
    const usage = usageOf(clientId);
    if (usage.messages + 1 > limits.maxMessagesPerClient) {
      return {
        kind: 'full',
        limit: 'messages',
        message: `inbox of ${clientId} holds ${usage.messages} messages, the limit is ${limits.maxMessagesPerClient}`,
        usage,
      };
    }
    if (usage.bytes + content.length > limits.maxBytesPerClient) {
      return {
        kind: 'full',
        limit: 'bytes',
        message: `inbox of ${clientId} holds ${usage.bytes} bytes; ${content.length} more would pass the limit of ${limits.maxBytesPerClient}`,
        usage,
      };
    }
    const { lastInsertRowid } = insert.run(clientId, Buffer.from(content));
    addUsage.run(clientId, content.length);
    return { kind: 'stored', id: Number(lastInsertRowid) };
  });

  const removeTransaction = db.transaction((clientId: string, ids: readonly number[]): number => {
    let removed = 0;
    let bytes = 0;
    for (const id of new Set(ids)) {
      const row = selectForRemoval.get(id, clientId) as { size: number } | undefined;
      if (!row) continue;
      deleteOne.run(id);
      removed += 1;
      bytes += row.size;
    }
    if (removed > 0) {
      subtractUsage.run(removed, bytes, clientId);
      dropEmptyUsage.run(clientId);
    }
    return removed;
  });

  return {
    store: (clientId, content) => storeTransaction.immediate(clientId, content),
    fetchBatch: (clientId, limit = DEFAULT_RETRIEVAL_BATCH, afterId = 0) =>
      (selectBatch.all(clientId, afterId, limit) as { id: number; content: Buffer }[]).map((row) => ({
        id: row.id,
        content: new Uint8Array(row.content),
      })),
    removeDelivered: (clientId, ids) => removeTransaction.immediate(clientId, ids),
    purge: (clientId) => purgeTransaction.immediate(clientId),
    usage: usageOf,
    close: () => db.close(),
  };
}
