// Holds packets for their per-hop delay. One timer, set for the earliest release, serves the
// whole queue; equal release times leave in arrival order. Time comes from the injected clock.
import type { Clock, Timer } from '@nymts/node-common';
import { BinaryHeap } from './binary-heap';

interface Entry<T> {
  releaseAt: number;
  sequence: number;
  item: T;
}

export class DelayQueue<T> {
  private readonly heap = new BinaryHeap<Entry<T>>(
    (a, b) => a.releaseAt < b.releaseAt || (a.releaseAt === b.releaseAt && a.sequence < b.sequence),
  );
  private sequence = 0;
  private timer: Timer | undefined;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly capacity: number,
    private readonly release: (item: T) => void,
  ) {}

  get size(): number {
    return this.heap.size;
  }

  /** False when the queue is full and the item was not taken. */
  push(item: T, delayMs: number): boolean {
    if (this.heap.size >= this.capacity) return false;
    const releaseAt = this.clock.now() + Math.max(0, delayMs);
    this.heap.push({ releaseAt, sequence: this.sequence++, item });
    if (releaseAt < this.timerAt) this.arm(releaseAt);
    return true;
  }

  /** Removes everything still waiting (on shutdown), returning the items. */
  clear(): T[] {
    this.timer?.cancel();
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    return this.heap.drain().map((entry) => entry.item);
  }

  private arm(at: number): void {
    this.timer?.cancel();
    this.timerAt = at;
    this.timer = this.clock.setTimer(at - this.clock.now(), () => this.releaseDue());
  }

  private releaseDue(): void {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const now = this.clock.now();
    for (let next = this.heap.peek(); next !== undefined && next.releaseAt <= now; next = this.heap.peek()) {
      this.heap.pop();
      this.release(next.item);
    }
    const next = this.heap.peek();
    if (next !== undefined) this.arm(next.releaseAt);
  }
}
