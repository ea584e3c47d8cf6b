// A Bloom filter of replay tags. Sizing follows Nym's nym-node (replay_protection): bits =
// ⌈n·ln p / −ln²2⌉ and k = round(bits/n · ln 2) for n expected tags and false-positive rate p.
// Replay tags are HKDF output, uniform already, so the k positions come straight from the tag by
// double hashing (h1 + i·h2 mod bits) with two 48-bit halves: exact in doubles for any bit count
// a Buffer can hold.
import { constants as bufferConstants } from 'node:buffer';

export const MIN_TAG_BYTES = 12;

export interface BloomParameters {
  bits: number;
  hashes: number;
}

export function bloomParameters(capacity: number, falsePositiveRate: number): BloomParameters {
  if (!(capacity >= 1) || !Number.isSafeInteger(capacity))
    throw new RangeError(`Bloom capacity ${capacity} must be a positive integer`);
  if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) {
    throw new RangeError(`false-positive rate ${falsePositiveRate} must lie strictly between 0 and 1`);
  }
  const bits = Math.ceil((capacity * Math.log(falsePositiveRate)) / -(Math.LN2 * Math.LN2));
  if (Math.ceil(bits / 8) > bufferConstants.MAX_LENGTH) {
    throw new RangeError(
      `a Bloom filter for ${capacity} tags at p=${falsePositiveRate} needs ${Math.ceil(bits / 8)} bytes, more than one buffer holds`,
    );
  }
  return { bits, hashes: Math.max(1, Math.round((bits / capacity) * Math.LN2)) };
}

function read48(tag: Uint8Array, offset: number): number {
  let value = 0;
  for (let i = 0; i < 6; i++) value = value * 256 + (tag[offset + i] as number);
  return value;
}

export class BloomFilter {
  readonly bits: number;
  readonly hashes: number;
  /** Tags the filter was sized for; past this its false-positive rate climbs. */
  readonly capacity: number;
  readonly bitmap: Uint8Array;
  count: number;

  constructor(parameters: BloomParameters & { capacity: number; bitmap?: Uint8Array; count?: number }) {
    this.bits = parameters.bits;
    this.hashes = parameters.hashes;
    this.capacity = parameters.capacity;
    this.bitmap = parameters.bitmap ?? new Uint8Array(Math.ceil(parameters.bits / 8));
    this.count = parameters.count ?? 0;
    if (this.bitmap.length !== Math.ceil(this.bits / 8)) {
      throw new RangeError(
        `a ${this.bits}-bit filter needs a ${Math.ceil(this.bits / 8)}-byte bitmap, got ${this.bitmap.length}`,
      );
    }
  }

  static sized(capacity: number, falsePositiveRate: number): BloomFilter {
    return new BloomFilter({ ...bloomParameters(capacity, falsePositiveRate), capacity });
  }

  get full(): boolean {
    return this.count >= this.capacity;
  }

  has(tag: Uint8Array): boolean {
    return this.visit(tag, false);
  }

  /** Sets the tag's bits; true when they were all set already (seen, or a false positive). */
  add(tag: Uint8Array): boolean {
    const present = this.visit(tag, true);
    if (!present) this.count += 1;
    return present;
  }

  private visit(tag: Uint8Array, set: boolean): boolean {
    if (tag.length < MIN_TAG_BYTES)
      throw new RangeError(`a replay tag has at least ${MIN_TAG_BYTES} bytes, got ${tag.length}`);
    const h1 = read48(tag, 0) % this.bits;
    const h2 = read48(tag, 6) % this.bits || 1;
    let present = true;
    for (let i = 0; i < this.hashes; i++) {
      const position = (h1 + i * h2) % this.bits;
      const index = Math.floor(position / 8);
      const mask = 1 << (position % 8);
      const byte = this.bitmap[index] as number;
      if ((byte & mask) === 0) {
        present = false;
        if (!set) return false;
        this.bitmap[index] = byte | mask;
      }
    }
    return present;
  }
}
