import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../store/database';
import { LruCache } from '../crypto/lru';
import { fromHex } from '../encoding/bytes';
import { compareNumeric, QueryError, type Condition } from './tx-query';

export interface BlockRow {
  height: number;
  hash: Buffer;
  /** `{ block_id, header, last_commit }` in CometBFT JSON. */
  block_json: string;
  size: number;
  num_txs: number;
  finalize_events: string;
  app_hash: Buffer;
  results_hash: Buffer;
}

export interface TxRow {
  hash: Buffer;
  height: number;
  idx: number;
  tx: Buffer;
  result_json: string;
}

export interface NewTx {
  hash: Uint8Array;
  index: number;
  bytes: Uint8Array;
  resultJson: string;
}

/** The index rows of one tx: its distinct `type.key` → value attribute pairs. */
export interface TxAttributes {
  height: number;
  index: number;
  attributes: ReadonlyArray<readonly [string, string]>;
}

export type SearchOrder = 'asc' | 'desc';

const TX_COLUMNS = 'hash, height, idx, tx, result_json';

/** Blocks, tx results and the tx index (CometBFT's block store and kv indexer) in SQLite. */
export class BlockStore {
  private readonly insertBlock: Statement<[BlockRow]>;
  private readonly insertTx: Statement<[Buffer, number, number, Buffer, string]>;
  private readonly selectTerm: Statement<[string, string], { id: number }>;
  private readonly insertTerm: Statement<[string, string], { id: number }>;
  private readonly insertPosting: Statement<[number, number, number]>;
  /** Term ids by name and value: most attributes (senders, actions, amounts) recur from tx to tx. */
  private readonly terms = new LruCache<string, number>(50_000);
  private readonly selectBlock: Statement<[number], BlockRow>;
  private readonly selectBlockByHash: Statement<[Buffer], BlockRow>;
  private readonly selectLatest: Statement<[], BlockRow>;
  private readonly selectTx: Statement<[Buffer], TxRow>;
  private readonly selectBlockTxs: Statement<[number], TxRow>;
  private readonly selectTxsAbove: Statement<[number], TxRow>;

  private pendingTerms = new Map<string, number>();

  constructor(private readonly db: SqliteDatabase) {
    db.function('numeric_cmp', { deterministic: true }, (value: unknown, operand: unknown) =>
      typeof value === 'string' && typeof operand === 'string'
        ? (compareNumeric(value, operand) ?? null)
        : null,
    );
    this.insertBlock = db.prepare(
      `INSERT INTO blocks (height, hash, block_json, size, num_txs, finalize_events, app_hash, results_hash)
       VALUES (@height, @hash, @block_json, @size, @num_txs, @finalize_events, @app_hash, @results_hash)`,
    );
    this.insertTx = db.prepare('INSERT INTO txs (hash, height, idx, tx, result_json) VALUES (?, ?, ?, ?, ?)');
    this.selectTerm = db.prepare('SELECT id FROM tx_terms WHERE name = ? AND value = ?');
    this.insertTerm = db.prepare(
      'INSERT INTO tx_terms (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING id',
    );
    this.insertPosting = db.prepare('INSERT OR IGNORE INTO tx_postings (term, height, idx) VALUES (?, ?, ?)');
    this.selectBlock = db.prepare('SELECT * FROM blocks WHERE height = ?');
    this.selectBlockByHash = db.prepare('SELECT * FROM blocks WHERE hash = ?');
    this.selectLatest = db.prepare('SELECT * FROM blocks ORDER BY height DESC LIMIT 1');
    this.selectTx = db.prepare(`SELECT ${TX_COLUMNS} FROM txs WHERE hash = ?`);
    this.selectBlockTxs = db.prepare(`SELECT ${TX_COLUMNS} FROM txs WHERE height = ? ORDER BY idx`);
    this.selectTxsAbove = db.prepare(`SELECT ${TX_COLUMNS} FROM txs WHERE height > ? ORDER BY height, idx`);
  }

  latest(): BlockRow | undefined {
    return this.selectLatest.get();
  }

  block(height: number): BlockRow | undefined {
    return this.selectBlock.get(height);
  }

  blockByHash(hash: Uint8Array): BlockRow | undefined {
    return this.selectBlockByHash.get(Buffer.from(hash));
  }

  blockTxs(height: number): TxRow[] {
    return this.selectBlockTxs.all(height);
  }

  tx(hash: Uint8Array): TxRow | undefined {
    return this.selectTx.get(Buffer.from(hash));
  }

  /** Writes a block and its txs; runs inside the caller's (the commit's) transaction. */
  save(block: BlockRow, txs: readonly NewTx[]): void {
    this.insertBlock.run(block);
    for (const tx of txs)
      this.insertTx.run(Buffer.from(tx.hash), block.height, tx.index, Buffer.from(tx.bytes), tx.resultJson);
  }

  /** Writes tx-index rows; runs inside the caller's transaction. */
  saveAttributes(entries: readonly TxAttributes[]): void {
    // Terms added here are cached only once the transaction has committed.
    const added = new Map<string, number>();
    for (const entry of entries) {
      for (const [name, value] of entry.attributes) {
        // length-prefixed: names and values may contain any character
        const text = `${name.length}:${name}${value}`;
        let term = this.terms.get(text) ?? added.get(text);
        if (term === undefined) {
          // new terms (signatures, sequences) are the common miss: insert first
          term = (this.insertTerm.get(name, value) ?? this.selectTerm.get(name, value))?.id as number;
          added.set(text, term);
        }
        this.insertPosting.run(term, entry.height, entry.index);
      }
    }
    this.pendingTerms = added;
  }

  /** The caller's transaction committed: the terms it added are on disk. */
  attributesCommitted(): void {
    for (const [text, term] of this.pendingTerms) this.terms.set(text, term);
    this.pendingTerms = new Map();
  }

  /** Txs above a height, for rebuilding index rows that a crash kept from being written. */
  txsAbove(height: number): TxRow[] {
    return this.selectTxsAbove.all(height);
  }

  /** tx_search: matching txs in (height, index) order, one page, and the exact total. */
  search(
    conditions: readonly Condition[],
    page: number,
    perPage: number,
    order: SearchOrder,
  ): { total: number; rows: TxRow[] } {
    const parts = conditions.map((condition) => conditionSql(condition));
    const matching = parts.map((part) => part.sql).join(' INTERSECT ');
    const params = parts.flatMap((part) => part.params);
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM (${matching})`).get(...params) as { n: number })
      .n;
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const rows = this.db
      .prepare<unknown[], TxRow>(
        `SELECT t.hash, t.height, t.idx, t.tx, t.result_json FROM txs t JOIN (${matching}) m ON t.height = m.height AND t.idx = m.idx
         ORDER BY t.height ${direction}, t.idx ${direction} LIMIT ? OFFSET ?`,
      )
      .all(...params, perPage, (page - 1) * perPage);
    return { total, rows };
  }
}

const SQL_OPERATORS = { '=': '=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;

function conditionSql(condition: Condition): { sql: string; params: unknown[] } {
  if (condition.key === 'tx.hash') {
    if (condition.op !== '=' || condition.value.kind !== 'string')
      throw new QueryError("tx.hash supports only = 'HEX'");
    let hash: Uint8Array;
    try {
      hash = fromHex(condition.value.text);
    } catch {
      throw new QueryError(`tx.hash ${JSON.stringify(condition.value.text)} is not hex`);
    }
    return { sql: 'SELECT height, idx FROM txs WHERE hash = ?', params: [Buffer.from(hash)] };
  }
  if (condition.key === 'tx.height') {
    if (condition.op === 'EXISTS') return { sql: 'SELECT height, idx FROM txs', params: [] };
    if (condition.op === 'CONTAINS' || condition.value.kind !== 'number')
      throw new QueryError('tx.height compares with a number');
    return {
      sql: `SELECT height, idx FROM txs WHERE height ${SQL_OPERATORS[condition.op]} ?`,
      params: [Number(condition.value.text)],
    };
  }
  const base =
    'SELECT DISTINCT p.height, p.idx FROM tx_terms t JOIN tx_postings p ON p.term = t.id WHERE t.name = ?';
  switch (condition.op) {
    case 'EXISTS':
      return { sql: base, params: [condition.key] };
    case 'CONTAINS':
      return { sql: `${base} AND instr(t.value, ?) > 0`, params: [condition.key, condition.value.text] };
    default:
      if (condition.value.kind === 'string') {
        if (condition.op !== '=') throw new QueryError(`${condition.op} needs a number operand`);
        return { sql: `${base} AND t.value = ?`, params: [condition.key, condition.value.text] };
      }
      return {
        sql: `${base} AND numeric_cmp(t.value, ?) ${SQL_OPERATORS[condition.op]} 0`,
        params: [condition.key, condition.value.text],
      };
  }
}
