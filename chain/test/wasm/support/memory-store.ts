import { type BranchableStore, type StoreBranch } from '../../../src/store/types';

// Test-only: an in-memory BranchableStore (the chain's real store is chain-core's SQLite one).
const toKey = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromKey = (key: string) => new Uint8Array(Buffer.from(key, 'latin1'));

function inRange(key: string, start: string | undefined, end: string | undefined): boolean {
  return (start === undefined || key >= start) && (end === undefined || key < end);
}

abstract class MemoryBase implements BranchableStore {
  abstract get(key: Uint8Array): Uint8Array | undefined;
  abstract set(key: Uint8Array, value: Uint8Array): void;
  abstract delete(key: Uint8Array): void;
  abstract entries(start: string | undefined, end: string | undefined): Map<string, Uint8Array>;

  iterator(
    start: Uint8Array | undefined,
    end: Uint8Array | undefined,
    order: 'ascending' | 'descending',
  ): Iterable<[Uint8Array, Uint8Array]> {
    const entries = this.entries(start && toKey(start), end && toKey(end));
    const keys = [...entries.keys()].sort();
    if (order === 'descending') keys.reverse();
    return keys.map((key) => [fromKey(key), entries.get(key)!] as [Uint8Array, Uint8Array]);
  }

  branch(): StoreBranch {
    return new MemoryBranch(this);
  }
}

export class MemoryStore extends MemoryBase {
  readonly data = new Map<string, Uint8Array>();

  get(key: Uint8Array): Uint8Array | undefined {
    return this.data.get(toKey(key));
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.data.set(toKey(key), value.slice());
  }

  delete(key: Uint8Array): void {
    this.data.delete(toKey(key));
  }

  entries(start: string | undefined, end: string | undefined): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const [key, value] of this.data) if (inRange(key, start, end)) out.set(key, value);
    return out;
  }

  /** A deep copy of all entries, to assert that nothing changed. */
  snapshot(): Map<string, string> {
    return new Map([...this.data].map(([key, value]) => [key, Buffer.from(value).toString('hex')]));
  }
}

class MemoryBranch extends MemoryBase implements StoreBranch {
  private readonly writes = new Map<string, Uint8Array | undefined>();

  constructor(private readonly parent: MemoryBase) {
    super();
  }

  get(key: Uint8Array): Uint8Array | undefined {
    const k = toKey(key);
    return this.writes.has(k) ? this.writes.get(k) : this.parent.get(key);
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.writes.set(toKey(key), value.slice());
  }

  delete(key: Uint8Array): void {
    this.writes.set(toKey(key), undefined);
  }

  entries(start: string | undefined, end: string | undefined): Map<string, Uint8Array> {
    const out = this.parent.entries(start, end);
    for (const [key, value] of this.writes) {
      if (!inRange(key, start, end)) continue;
      if (value === undefined) out.delete(key);
      else out.set(key, value);
    }
    return out;
  }

  write(): void {
    for (const [key, value] of this.writes) {
      if (value === undefined) this.parent.delete(fromKey(key));
      else this.parent.set(fromKey(key), value);
    }
    this.writes.clear();
  }
}
