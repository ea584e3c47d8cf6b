import { toHex } from '../encoding/bytes';
import { LruCache } from '../crypto/lru';
import type { DecodedTx } from '../tx/decode';

export interface MempoolLimits {
  /** Most txs held at once (CometBFT mempool.size). */
  size: number;
  /** Largest single tx (mempool.max_tx_bytes). */
  maxTxBytes: number;
  /** Most bytes held at once (mempool.max_txs_bytes). */
  maxTotalBytes: number;
}

export interface PendingTx {
  tx: DecodedTx;
  gasWanted: number;
}

export type AdmitResult = { kind: 'ok' } | { kind: 'refused'; reason: string };

/**
 * Txs that passed CheckTx, in arrival order, plus a cache of recently seen hashes so a tx is
 * not admitted twice (CometBFT answers a duplicate with "tx already exists in cache").
 */
export class Mempool {
  private readonly pending = new Map<string, PendingTx>();
  private readonly seen = new LruCache<string, true>(10_000);
  private bytes = 0;

  constructor(readonly limits: MempoolLimits) {}

  /** Checks size and duplicates before CheckTx runs. */
  precheck(bytes: Uint8Array, hash: Uint8Array): AdmitResult {
    if (bytes.length > this.limits.maxTxBytes) {
      return {
        kind: 'refused',
        reason: `tx too large. Max size is ${this.limits.maxTxBytes}, but got ${bytes.length}`,
      };
    }
    if (this.seen.get(toHex(hash)) === true) return { kind: 'refused', reason: 'tx already exists in cache' };
    if (this.pending.size >= this.limits.size || this.bytes + bytes.length > this.limits.maxTotalBytes) {
      return {
        kind: 'refused',
        reason: `mempool is full: number of txs ${this.pending.size} (max: ${this.limits.size}), total txs bytes ${this.bytes} (max: ${this.limits.maxTotalBytes})`,
      };
    }
    return { kind: 'ok' };
  }

  add(entry: PendingTx): void {
    const id = toHex(entry.tx.hash);
    this.seen.set(id, true);
    this.pending.set(id, entry);
    this.bytes += entry.tx.bytes.length;
  }

  /** Remembers a committed or rejected hash without holding the tx. */
  remember(hash: Uint8Array): void {
    this.seen.set(toHex(hash), true);
  }

  /** The oldest txs that fit the block's byte and gas limits (a limit <= 0 means none). */
  reap(maxBytes: number, maxGas: number): PendingTx[] {
    const taken: PendingTx[] = [];
    let bytes = 0;
    let gas = 0;
    for (const entry of this.pending.values()) {
      if (maxBytes > 0 && bytes + entry.tx.bytes.length > maxBytes) break;
      if (maxGas > 0 && gas + entry.gasWanted > maxGas) break;
      bytes += entry.tx.bytes.length;
      gas += entry.gasWanted;
      taken.push(entry);
    }
    return taken;
  }

  remove(txs: readonly DecodedTx[]): void {
    for (const tx of txs) {
      const id = toHex(tx.hash);
      const entry = this.pending.get(id);
      if (entry === undefined) continue;
      this.pending.delete(id);
      this.bytes -= entry.tx.bytes.length;
    }
  }

  all(): PendingTx[] {
    return [...this.pending.values()];
  }

  get count(): number {
    return this.pending.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
