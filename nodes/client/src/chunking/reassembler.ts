import { concatBytes } from '@noble/hashes/utils';
import { type Fragment, MAX_FRAGMENTS_PER_SET } from './fragment';

export interface ReassemblerOptions {
  /** An incomplete set that gets no fragment for this long is given up. */
  incompleteTimeoutMs: number;
  /** Set ids of delivered messages are remembered this long, so late duplicates are dropped. */
  completedRetentionMs: number;
  /** Bytes buffered in incomplete sets; beyond it the set idle longest is given up. */
  maxBufferedBytes: number;
}

export type InsertResult =
  | { kind: 'buffered' }
  | { kind: 'complete'; message: Uint8Array; setIds: number[] }
  | { kind: 'duplicate' }
  | { kind: 'inconsistent'; reason: string };

interface SetBuffer {
  total: number;
  fragments: (Fragment | undefined)[];
  received: number;
  bytes: number;
  previousSetId?: number;
  nextSetId?: number;
  lastActivityMs: number;
}

/**
 * Puts fragments back together in any order. Sets of one message are chained through their
 * link ids; the message is complete when every set from the first (no previous link) to the last
 * (no next link) is complete. Each fragment position is taken once; copies that arrive later,
 * even after delivery (a retransmission whose first ack was lost), are reported as duplicates.
 */
export class Reassembler {
  private readonly sets = new Map<number, SetBuffer>();
  private readonly completed = new Map<number, number>();
  private bufferedBytes = 0;

  constructor(
    private readonly options: ReassemblerOptions,
    private readonly now: () => number,
  ) {}

  get pendingSets(): number {
    return this.sets.size;
  }

  get buffered(): number {
    return this.bufferedBytes;
  }

  insert(fragment: Fragment): InsertResult {
    if (this.completed.has(fragment.setId)) return { kind: 'duplicate' };
    let set = this.sets.get(fragment.setId);
    if (set === undefined) {
      set = {
        total: fragment.total,
        fragments: new Array<Fragment | undefined>(fragment.total).fill(undefined),
        received: 0,
        bytes: 0,
        lastActivityMs: this.now(),
      };
      this.sets.set(fragment.setId, set);
    }
    if (set.total !== fragment.total) {
      return {
        kind: 'inconsistent',
        reason: `set ${fragment.setId} has ${set.total} fragments, this one says ${fragment.total}`,
      };
    }
    const index = fragment.position - 1;
    if (set.fragments[index] !== undefined) return { kind: 'duplicate' };
    set.fragments[index] = fragment;
    set.received += 1;
    set.bytes += fragment.payload.length;
    set.lastActivityMs = this.now();
    this.bufferedBytes += fragment.payload.length;
    if (fragment.previousSetId !== undefined) set.previousSetId = fragment.previousSetId;
    if (fragment.nextSetId !== undefined) set.nextSetId = fragment.nextSetId;
    const result = this.tryComplete(fragment.setId);
    if (result.kind === 'buffered') this.enforceMemoryLimit(fragment.setId);
    return result;
  }

  private isComplete(setId: number): boolean {
    const set = this.sets.get(setId);
    return set !== undefined && set.received === set.total;
  }

  /** Follows links from a complete set; undefined if a set on the way is missing or incomplete. */
  private chain(setId: number): number[] | undefined {
    const ids = [setId];
    const seen = new Set(ids);
    for (let id = setId; ;) {
      const previous = this.sets.get(id)?.previousSetId;
      if (previous === undefined) break;
      if (seen.has(previous) || !this.isComplete(previous)) return undefined;
      seen.add(previous);
      ids.unshift(previous);
      id = previous;
    }
    for (let id = setId; ;) {
      const set = this.sets.get(id) as SetBuffer;
      const next = set.total === MAX_FRAGMENTS_PER_SET ? set.nextSetId : undefined;
      if (next === undefined) break;
      if (seen.has(next) || !this.isComplete(next)) return undefined;
      seen.add(next);
      ids.push(next);
      id = next;
    }
    return ids;
  }

  private tryComplete(setId: number): InsertResult {
    if (!this.isComplete(setId)) return { kind: 'buffered' };
    const ids = this.chain(setId);
    if (ids === undefined) return { kind: 'buffered' };
    const parts: Uint8Array[] = [];
    const completedAt = this.now();
    for (const id of ids) {
      const set = this.sets.get(id) as SetBuffer;
      for (const fragment of set.fragments) parts.push((fragment as Fragment).payload);
      this.remove(id);
      this.completed.set(id, completedAt);
    }
    return { kind: 'complete', message: concatBytes(...parts), setIds: ids };
  }

  private remove(setId: number): void {
    const set = this.sets.get(setId);
    if (set === undefined) return;
    this.bufferedBytes -= set.bytes;
    this.sets.delete(setId);
  }

  private enforceMemoryLimit(keep: number): void {
    while (this.bufferedBytes > this.options.maxBufferedBytes && this.sets.size > 1) {
      let oldest: number | undefined;
      let oldestAt = Infinity;
      for (const [id, set] of this.sets) {
        if (id !== keep && set.lastActivityMs < oldestAt) {
          oldest = id;
          oldestAt = set.lastActivityMs;
        }
      }
      if (oldest === undefined) return;
      this.remove(oldest);
    }
  }

  /**
   * Gives up sets that stopped receiving fragments and forgets old completed ids. A complete set
   * waiting for the rest of its chain is kept three times as long as an incomplete one.
   */
  expire(): { expiredSets: number } {
    const now = this.now();
    let expiredSets = 0;
    for (const [id, set] of this.sets) {
      const limit = this.options.incompleteTimeoutMs * (set.received === set.total ? 3 : 1);
      if (now - set.lastActivityMs >= limit) {
        this.remove(id);
        expiredSets += 1;
      }
    }
    for (const [id, at] of this.completed) {
      if (now - at >= this.options.completedRetentionMs) this.completed.delete(id);
    }
    return { expiredSets };
  }
}
