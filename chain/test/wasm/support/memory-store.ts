import { type BranchableStore, type StoreBranch } from '../../../src/store/types';

// Test-only: an in-memory BranchableStore (the chain's real store is chain-core's SQLite one).
const toKey = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromKey = (key: string) => new Uint8Array(Buffer.from(key, 'latin1'));

function inRange(key: string, start: string | undefined, end: string | undefined): boolean {
  return (start === undefined || key >= start) && (end === undefined || key < end);
}

abstract class MemoryBase implements BranchableStore {
  /** Lookup by the already-encoded key, so nested branches encode a key once. */
  abstract getEncoded(key: string): Uint8Array | undefined;
  abstract get(key: Uint8Array): Uint8Array | undefined;
  /** Write by encoded key (`undefined` deletes); values are already private copies. */
  abstract setEncoded(key: string, value: Uint8Array | undefined): void;
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

  getEncoded(key: string): Uint8Array | undefined {
    return this.data.get(key);
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return this.data.get(toKey(key));
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.setEncoded(toKey(key), value.slice());
  }

  delete(key: Uint8Array): void {
    this.setEncoded(toKey(key), undefined);
  }

  setEncoded(key: string, value: Uint8Array | undefined): void {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, value);
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

  getEncoded(key: string): Uint8Array | undefined {
    return this.writes.has(key) ? this.writes.get(key) : this.parent.getEncoded(key);
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return this.getEncoded(toKey(key));
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.writes.set(toKey(key), value.slice());
  }

  delete(key: Uint8Array): void {
    this.writes.set(toKey(key), undefined);
  }

  setEncoded(key: string, value: Uint8Array | undefined): void {
    this.writes.set(key, value);
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
    for (const [key, value] of this.writes) this.parent.setEncoded(key, value);
    this.writes.clear();
  }
}
