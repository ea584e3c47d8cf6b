import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/**
 * `normal`: WAL without an fsync per commit — a crashed or killed process loses nothing that was
 * committed, a power cut may lose the last blocks. `full`: an fsync per block as well.
 */
export type SyncMode = 'normal' | 'full';

const SCHEMA_VERSION = '1';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
-- value: what the key held before block \`height\` changed it (NULL: it did not exist).
-- Ordered by height, so a commit appends instead of touching pages all over the table; reading
-- an old version scans the changes made since, which is cheap for the recent heights clients ask.
CREATE TABLE IF NOT EXISTS state_history (
  height INTEGER NOT NULL, key BLOB NOT NULL, value BLOB, PRIMARY KEY (height, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS blocks (
  height INTEGER PRIMARY KEY,
  hash BLOB NOT NULL UNIQUE,
  block_json TEXT NOT NULL,
  size INTEGER NOT NULL,
  num_txs INTEGER NOT NULL,
  finalize_events TEXT NOT NULL,
  -- state and results after executing this block; the next header carries them
  app_hash BLOB NOT NULL,
  results_hash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS txs (
  hash BLOB PRIMARY KEY,
  height INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  tx BLOB NOT NULL,
  result_json TEXT NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS txs_by_position ON txs (height, idx);
CREATE TABLE IF NOT EXISTS tx_attributes (
  name TEXT NOT NULL, value TEXT NOT NULL, height INTEGER NOT NULL, idx INTEGER NOT NULL,
  PRIMARY KEY (name, value, height, idx)
) WITHOUT ROWID;
`;

/** Opens (creating if needed) the chain database. `path` ':memory:' gives a throwaway chain. */
export function openDatabase(path: string, sync: SyncMode = 'normal'): SqliteDatabase {
  const db = new Database(path);
  try {
    if (path !== ':memory:') {
      // One node per database: the exclusive lock is taken now and held until close (the OS
      // drops it if the process dies), so a second node on the same folder fails at once.
      db.pragma('locking_mode = EXCLUSIVE');
      try {
        db.exec('BEGIN EXCLUSIVE; COMMIT;');
      } catch (error) {
        throw new Error(`database ${path} is in use by another process (${(error as Error).message})`, {
          cause: error,
        });
      }
      db.pragma('journal_mode = WAL');
    }
    db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -65536');
    db.exec(SCHEMA);
    const version = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema'").get();
    if (version === undefined) {
      db.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?)").run(SCHEMA_VERSION);
    } else if (version.value !== SCHEMA_VERSION) {
      throw new Error(
        `database ${path} has schema ${version.value}; this node reads schema ${SCHEMA_VERSION}`,
      );
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function readMeta(db: SqliteDatabase, key: string): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value;
}

export function writeMeta(db: SqliteDatabase, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
