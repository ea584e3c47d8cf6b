import type { Statement } from 'better-sqlite3';
import { CacheStore, type StoreChange } from './cache';
import type { SqliteDatabase } from './database';
import { keyToString } from './keys';
import { LruCache } from '../crypto/lru';
import type { BranchableStore, KVStore, StoreBranch } from './types';

type Row = { key: Buffer; value: Buffer };
type Order = 'ascending' | 'descending';

const FIRST_PAGE = 32;
const NEXT_PAGE = 256;

/**
 * The committed state in SQLite, one row per key. It is read-only through the KVStore surface:
 * state changes only by `applyChanges`, which the node calls inside the block's single SQLite
 * transaction. Every change also records the key's previous value, so any retained version can
 * be read (`at(height)`), which is what `abci_query` at a past height needs.
 */
export class SqliteStateStore implements BranchableStore {
  private readonly selectValue: Statement<[Buffer], { value: Buffer }>;
  private readonly upsert: Statement<[Buffer, Buffer]>;
  private readonly remove: Statement<[Buffer]>;
  private readonly recordHistory: Statement<[Buffer, number, Buffer | null]>;
  private readonly historyAfter: Statement<[number, Buffer], { value: Buffer | null }>;
  private readonly pruneHistory: Statement<[number]>;
  private readonly pages = new Map<string, Statement<unknown[], Row>>();
  /**
   * Committed values recently read (null: known absent). Every tx reads the same few keys
   * (params, the fee collector, its signer's account and balance) twice, in CheckTx and in its
   * block; commits update the entries they change.
   */
  private readonly reads = new LruCache<string, Uint8Array | null>(100_000);

  constructor(private readonly db: SqliteDatabase) {
    this.selectValue = db.prepare('SELECT value FROM state WHERE key = ?');
    this.upsert = db.prepare(
      'INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.remove = db.prepare('DELETE FROM state WHERE key = ?');
    this.recordHistory = db.prepare(
      'INSERT OR IGNORE INTO state_history (key, height, value) VALUES (?, ?, ?)',
    );
    this.historyAfter = db.prepare(
      'SELECT value FROM state_history WHERE height > ? AND key = ? ORDER BY height LIMIT 1',
    );
    this.pruneHistory = db.prepare('DELETE FROM state_history WHERE height <= ?');
  }

  get(key: Uint8Array): Uint8Array | undefined {
    const id = keyToString(key);
    const cached = this.reads.get(id);
    if (cached !== undefined) return cached ?? undefined;
    const value = this.selectValue.get(asBuffer(key))?.value;
    this.reads.set(id, value ?? null);
    return value;
  }

  set(): void {
    throw new Error('committed state changes only through a block commit');
  }

  delete(): void {
    throw new Error('committed state changes only through a block commit');
  }

  *iterator(
    start: Uint8Array | undefined,
    end: Uint8Array | undefined,
    order: Order,
  ): Generator<[Uint8Array, Uint8Array]> {
    // Pages keyed on the last row seen: no SQLite cursor stays open between yields, so other
    // statements (and commits) may run while a caller iterates.
    let lower = start === undefined ? undefined : { key: asBuffer(start), inclusive: true };
    let upper = end === undefined ? undefined : { key: asBuffer(end), inclusive: false };
    let limit = FIRST_PAGE;
    while (true) {
      const rows = this.page(lower, upper, order, limit);
      for (const row of rows) yield [row.key, row.value];
      if (rows.length < limit) return;
      const last = (rows[rows.length - 1] as Row).key;
      if (order === 'ascending') lower = { key: last, inclusive: false };
      else upper = { key: last, inclusive: false };
      limit = NEXT_PAGE;
    }
  }

  branch(): StoreBranch {
    return new CacheStore(this);
  }

  /**
   * A read-only view of the state as it was after block `version` (the current state when
   * `version` is the latest height). The caller checks that the version is retained.
   */
  at(version: number, latest: number): KVStore {
    if (version >= latest) return this;
    return new HistoricalView(this, this.historyAfter, version);
  }

  /** Writes one block's changes; runs inside the caller's transaction. */
  applyChanges(height: number, changes: readonly StoreChange[], keepHistory: boolean): void {
    for (const change of changes) {
      const key = asBuffer(change.key);
      if (keepHistory) this.recordHistory.run(key, height, this.committedValue(change.key, key));
      if (change.value === undefined) this.remove.run(key);
      else this.upsert.run(key, asBuffer(change.value));
    }
  }

  /** The value before this block: the read cache holds committed values only. */
  private committedValue(key: Uint8Array, buffer: Buffer): Buffer | null {
    const cached = this.reads.get(keyToString(key));
    if (cached !== undefined) return cached === null ? null : asBuffer(cached);
    return this.selectValue.get(buffer)?.value ?? null;
  }

  /**
   * Called once the block's transaction has committed (never before: a rolled-back commit must
   * leave the read cache as it was).
   */
  committed(changes: readonly StoreChange[]): void {
    for (const change of changes) this.reads.set(keyToString(change.key), change.value ?? null);
  }

  /** Forgets the history needed to read versions up to and including `version`. */
  prune(version: number): void {
    this.pruneHistory.run(version);
  }

  /** Keys in range that changed after `version`: the rows a historical iteration must revisit. */
  changedKeysAfter(version: number, start: Uint8Array | undefined, end: Uint8Array | undefined): Buffer[] {
    const conditions = ['height > ?'];
    const params: unknown[] = [version];
    if (start !== undefined) {
      conditions.push('key >= ?');
      params.push(asBuffer(start));
    }
    if (end !== undefined) {
      conditions.push('key < ?');
      params.push(asBuffer(end));
    }
    const sql = `SELECT DISTINCT key FROM state_history WHERE ${conditions.join(' AND ')}`;
    return this.db
      .prepare<unknown[], { key: Buffer }>(sql)
      .all(...params)
      .map((row) => row.key);
  }

  private page(
    lower: { key: Buffer; inclusive: boolean } | undefined,
    upper: { key: Buffer; inclusive: boolean } | undefined,
    order: Order,
    limit: number,
  ): Row[] {
    const shape = `${lower ? (lower.inclusive ? '>=' : '>') : '-'}|${upper ? (upper.inclusive ? '<=' : '<') : '-'}|${order}`;
    let statement = this.pages.get(shape);
    if (statement === undefined) {
      const conditions: string[] = [];
      if (lower) conditions.push(`key ${lower.inclusive ? '>=' : '>'} @lower`);
      if (upper) conditions.push(`key ${upper.inclusive ? '<=' : '<'} @upper`);
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const direction = order === 'ascending' ? 'ASC' : 'DESC';
      statement = this.db.prepare(
        `SELECT key, value FROM state ${where} ORDER BY key ${direction} LIMIT @limit`,
      );
      this.pages.set(shape, statement);
    }
    const params: Record<string, unknown> = { limit };
    if (lower) params.lower = lower.key;
    if (upper) params.upper = upper.key;
    return statement.all(params);
  }
}

/** The state after an earlier block: current rows, corrected by the recorded previous values. */
class HistoricalView implements KVStore {
  constructor(
    private readonly current: SqliteStateStore,
    private readonly historyAfter: Statement<[number, Buffer], { value: Buffer | null }>,
    private readonly version: number,
  ) {}

  get(key: Uint8Array): Uint8Array | undefined {
    const row = this.historyAfter.get(this.version, asBuffer(key));
    if (row !== undefined) return row.value ?? undefined;
    return this.current.get(key);
  }

  set(): void {
    throw new Error('historical state is read-only');
  }

  delete(): void {
    throw new Error('historical state is read-only');
  }

  iterator(
    start: Uint8Array | undefined,
    end: Uint8Array | undefined,
    order: Order,
  ): Iterable<[Uint8Array, Uint8Array]> {
    // Historical reads are rare (explicit `height` queries), so gather the range in memory.
    const entries = new Map<string, [Uint8Array, Uint8Array]>();
    const changed = new Set<string>();
    for (const key of this.current.changedKeysAfter(this.version, start, end)) changed.add(keyToString(key));
    for (const [key, value] of this.current.iterator(start, end, 'ascending')) {
      if (!changed.has(keyToString(key))) entries.set(keyToString(key), [key, value]);
    }
    for (const text of changed) {
      const key = Buffer.from(text, 'latin1');
      const value = this.get(key);
      if (value !== undefined) entries.set(text, [key, value]);
    }
    const sorted = [...entries.keys()].sort();
    if (order === 'descending') sorted.reverse();
    return sorted.map((text) => entries.get(text) as [Uint8Array, Uint8Array]);
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
