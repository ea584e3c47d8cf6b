import { isStillNeeded, type QueueItem } from '../reliability/outgoing';

/**
 * Real packets waiting for the Poisson stream. Retransmissions go to the front: the recipient is
 * holding the rest of their message and waiting for them.
 */
export class OutboundQueue {
  private items: QueueItem[] = [];

  get size(): number {
    return this.items.length;
  }

  pushBack(items: readonly QueueItem[]): void {
    this.items.push(...items);
  }

  pushFront(item: QueueItem): void {
    this.items.unshift(item);
  }

  /** The next item still worth sending; items acknowledged or given up meanwhile are skipped. */
  next(): QueueItem | undefined {
    for (let item = this.items.shift(); item !== undefined; item = this.items.shift()) {
      if (isStillNeeded(item)) return item;
    }
    return undefined;
  }

  countInLane(lane: number): number {
    return this.items.filter((item) => item.message.lane === lane && isStillNeeded(item)).length;
  }

  clear(): void {
    this.items = [];
  }
}
