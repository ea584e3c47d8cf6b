import type { ChainEvent } from '../modules/events';
import { readMeta, writeMeta, type SqliteDatabase } from '../store/database';
import type { BlockStore, TxAttributes } from './block-store';

/** Index rows waiting in memory before they are written together. */
const FLUSH_AT_ROWS = 20_000;
const FLUSH_AFTER_MS = 1000;

/**
 * The tx index (tx_search's attribute rows), written behind the blocks as CometBFT's indexer
 * service does: rows of committed blocks collect in memory and go to SQLite in one transaction
 * after a short delay, when many are waiting, or before any search — so a search always sees
 * every committed tx, while a busy chain pays for the index's scattered B-tree pages once per
 * batch instead of once per block. `indexed_height` records what is on disk; after a crash the
 * missing rows are rebuilt from the stored tx results.
 */
export class TxIndexer {
  private pending: TxAttributes[] = [];
  private pendingRows = 0;
  private pendingHeight: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly blocks: BlockStore,
  ) {
    this.pendingHeight = Number(readMeta(db, 'indexed_height') ?? '0');
  }

  /** Indexes what a crash left unindexed; returns how many txs that was. */
  catchUp(): number {
    const missing = this.blocks.txsAbove(this.pendingHeight);
    for (const row of missing) {
      const { events } = JSON.parse(row.result_json) as { events: ChainEvent[] };
      this.pending.push({ height: row.height, index: row.idx, attributes: indexedAttributes(events) });
      this.pendingHeight = Math.max(this.pendingHeight, row.height);
    }
    this.flush();
    return missing.length;
  }

  /** Queues the rows of a committed block. */
  add(height: number, txs: ReadonlyArray<{ index: number; events: readonly ChainEvent[] }>): void {
    for (const tx of txs) {
      const attributes = indexedAttributes(tx.events);
      this.pending.push({ height, index: tx.index, attributes });
      this.pendingRows += attributes.length;
    }
    this.pendingHeight = height;
    if (this.pendingRows >= FLUSH_AT_ROWS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_AFTER_MS);
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0 && readMeta(this.db, 'indexed_height') === String(this.pendingHeight))
      return;
    const entries = this.pending;
    this.db.transaction(() => {
      this.blocks.saveAttributes(entries);
      writeMeta(this.db, 'indexed_height', String(this.pendingHeight));
    })();
    this.blocks.attributesCommitted();
    this.pending = [];
    this.pendingRows = 0;
  }

  stop(): void {
    this.flush();
  }
}

/** Distinct `type.key` → value pairs of the indexed attributes: the rows the tx index searches. */
export function indexedAttributes(events: readonly ChainEvent[]): Array<[string, string]> {
  const seen = new Set<string>();
  const attributes: Array<[string, string]> = [];
  for (const event of events) {
    for (const attribute of event.attributes) {
      if (!attribute.index) continue;
      const name = `${event.type}.${attribute.key}`;
      const id = `${name}=${attribute.value}`;
      if (seen.has(id)) continue;
      seen.add(id);
      attributes.push([name, attribute.value]);
    }
  }
  return attributes;
}
