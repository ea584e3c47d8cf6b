type Resolver<T> = (result: IteratorResult<T>) => void;

const DONE = { value: undefined, done: true } as const;

/**
 * A bounded FIFO read with `for await`. `push` refuses items beyond the limit (the caller counts
 * the drop); `close` ends every reader once the queue is drained. A reader that stops early
 * (`return()`, or `break` in `for await`) gives up its place without taking an item.
 */
export class AsyncQueue<T> {
  private readonly items: T[] = [];
  private readonly waiting: Resolver<T>[] = [];
  private closed = false;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): boolean {
    if (this.closed) return false;
    const waiter = this.waiting.shift();
    if (waiter !== undefined) {
      waiter({ value: item, done: false });
      return true;
    }
    if (this.items.length >= this.limit) return false;
    this.items.push(item);
    return true;
  }

  close(): void {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter(DONE);
  }

  iterate(): AsyncIterableIterator<T> {
    let pending: Resolver<T> | undefined;
    let finished = false;
    const iterator: AsyncIterableIterator<T> = {
      next: () => {
        if (finished) return Promise.resolve(DONE);
        if (this.items.length > 0) return Promise.resolve({ value: this.items.shift() as T, done: false });
        if (this.closed) return Promise.resolve(DONE);
        return new Promise<IteratorResult<T>>((resolve) => {
          pending = resolve;
          this.waiting.push(resolve);
        });
      },
      return: () => {
        finished = true;
        if (pending !== undefined) {
          const index = this.waiting.indexOf(pending);
          if (index >= 0) this.waiting.splice(index, 1);
          pending(DONE);
          pending = undefined;
        }
        return Promise.resolve(DONE);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
