import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/**
 * `normal`: WAL without an fsync per commit — a crashed or killed process loses nothing that was
 * committed, a power cut may lose the last blocks. `full`: an fsync per block as well.
 */
export type SyncMode = 'normal' | 'full';

const SCHEMA_VERSION = '2';

/**
 * Tx results in a rowid table, appended in (height, index) order: a result (~1-3 KB of event
 * JSON) fits in its leaf page and a block's txs land on a few adjacent pages, where schema 1's
 * table keyed by the random hash put every tx on a page of its own plus an overflow page. The
 * hash index holds 32-byte keys only.
 */
const TXS_SCHEMA = `
CREATE TABLE IF NOT EXISTS txs (
  id INTEGER PRIMARY KEY,
  hash BLOB NOT NULL,
  height INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  tx BLOB NOT NULL,
  result_json TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS txs_by_hash ON txs (hash);
CREATE UNIQUE INDEX IF NOT EXISTS txs_by_position ON txs (height, idx);
`;

/**
 * The tx index (tx_search) as terms and postings: each distinct indexed `type.key` = value pair
 * once, and per term the txs carrying it as small integer rows in (height, index) order. Schema 1
 * had one row of the full text per (attribute, tx): ~25 wide rows per tx, spread over the whole
 * table; most terms (senders, actions, amounts) recur, so their postings append to a few pages.
 */
const TX_INDEX_SCHEMA = `
CREATE TABLE IF NOT EXISTS tx_terms (id INTEGER PRIMARY KEY, name TEXT NOT NULL, value TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS tx_terms_by_text ON tx_terms (name, value);
CREATE TABLE IF NOT EXISTS tx_postings (
  term INTEGER NOT NULL, height INTEGER NOT NULL, idx INTEGER NOT NULL, PRIMARY KEY (term, height, idx)
) WITHOUT ROWID;
`;

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
${TXS_SCHEMA}
${TX_INDEX_SCHEMA}
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
    const version = schemaVersion(db);
    if (version === undefined) {
      db.transaction(() => {
        db.exec(SCHEMA);
        db.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?)").run(SCHEMA_VERSION);
      })();
    } else if (version === '1') {
      migrateFromSchema1(db);
    } else if (version !== SCHEMA_VERSION) {
      throw new Error(
        `database ${path} has schema ${version}; this node reads schema ${SCHEMA_VERSION} (and migrates schema 1)`,
      );
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The schema of an existing database; undefined for a new (empty) one. */
function schemaVersion(db: SqliteDatabase): string | undefined {
  const tables = new Set(
    db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(),
  );
  const recorded = tables.has('meta') ? readMeta(db, 'schema') : undefined;
  // schema 1 created its tables before it recorded its version
  return recorded ?? (tables.has('tx_attributes') ? '1' : undefined);
}

/**
 * Schema 1 kept txs in a table keyed by hash and the tx index as one text row per attribute and
 * tx; schema 2 has TXS_SCHEMA and TX_INDEX_SCHEMA. Copies every tx and index row, in one
 * transaction: a crash midway leaves the schema 1 database untouched, and the next start
 * migrates again.
 */
function migrateFromSchema1(db: SqliteDatabase): void {
  db.transaction(() => {
    db.exec('ALTER TABLE txs RENAME TO txs_schema_1; DROP INDEX txs_by_position;');
    db.exec(TXS_SCHEMA);
    db.exec(TX_INDEX_SCHEMA);
    db.exec(
      `INSERT INTO txs (hash, height, idx, tx, result_json)
       SELECT hash, height, idx, tx, result_json FROM txs_schema_1 ORDER BY height, idx;
       DROP TABLE txs_schema_1;
       INSERT INTO tx_terms (name, value) SELECT DISTINCT name, value FROM tx_attributes;
       INSERT INTO tx_postings (term, height, idx)
       SELECT t.id, a.height, a.idx FROM tx_attributes a JOIN tx_terms t ON t.name = a.name AND t.value = a.value;
       DROP TABLE tx_attributes;`,
    );
    writeMeta(db, 'schema', SCHEMA_VERSION);
  })();
}

export function readMeta(db: SqliteDatabase, key: string): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value;
}

export function writeMeta(db: SqliteDatabase, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
