import Database from 'better-sqlite3';
import { SharedKey } from '@nymts/gateway-protocol';

/** What the gateway remembers about a registered client between connections. */
export interface RegisteredClient {
  sharedKey: SharedKey;
  /** Timestamp of the last accepted `authenticateV2`, to refuse replays. */
  lastAuthenticationTimestamp: bigint | undefined;
}

/** Keyed by the client's base58 ed25519 identity (its Nym address). */
export interface SharedKeyStore {
  get(clientId: string): RegisteredClient | undefined;
  /** Registration: a new key replaces any old one and forgets the replay timestamp. */
  register(clientId: string, sharedKey: SharedKey): void;
  recordAuthentication(clientId: string, timestamp: bigint): void;
  remove(clientId: string): void;
  close(): void;
}

export function createMemorySharedKeyStore(): SharedKeyStore {
  const clients = new Map<string, RegisteredClient>();
  return {
    get: (clientId) => clients.get(clientId),
    register: (clientId, sharedKey) => {
      clients.set(clientId, { sharedKey, lastAuthenticationTimestamp: undefined });
    },
    recordAuthentication: (clientId, timestamp) => {
      const client = clients.get(clientId);
      if (client) client.lastAuthenticationTimestamp = timestamp;
    },
    remove: (clientId) => {
      clients.delete(clientId);
    },
    close: () => {},
  };
}

interface SharedKeyRow {
  shared_key: Buffer;
  last_authentication: bigint | null;
}

/** Shared keys in SQLite, so clients can authenticate again after a gateway restart. */
export function createSqliteSharedKeyStore(path: string): SharedKeyStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS shared_keys (
    client_id TEXT PRIMARY KEY,
    shared_key BLOB NOT NULL,
    last_authentication INTEGER
  ) STRICT`);
  const select = db.prepare('SELECT shared_key, last_authentication FROM shared_keys WHERE client_id = ?');
  select.safeIntegers(true);
  const upsert = db.prepare(`INSERT INTO shared_keys (client_id, shared_key, last_authentication)
    VALUES (?, ?, NULL)
    ON CONFLICT (client_id) DO UPDATE SET shared_key = excluded.shared_key, last_authentication = NULL`);
  const touch = db.prepare('UPDATE shared_keys SET last_authentication = ? WHERE client_id = ?');
  const remove = db.prepare('DELETE FROM shared_keys WHERE client_id = ?');
  return {
    get: (clientId) => {
      const row = select.get(clientId) as SharedKeyRow | undefined;
      if (!row) return undefined;
      return {
        sharedKey: SharedKey.fromBytes(row.shared_key),
        lastAuthenticationTimestamp: row.last_authentication ?? undefined,
      };
    },
    register: (clientId, sharedKey) => {
      upsert.run(clientId, Buffer.from(sharedKey.toBytes()));
    },
    recordAuthentication: (clientId, timestamp) => {
      touch.run(timestamp, clientId);
    },
    remove: (clientId) => {
      remove.run(clientId);
    },
    close: () => db.close(),
  };
}
