// The replay filter of one key rotation. It starts as one Bloom filter sized for the expected
// traffic over the key's life. Should traffic outgrow that, it does not reset (that would reopen
// the replay window) but adds a segment twice as large with half the false-positive rate, so
// the overall rate stays under twice the configured one (a scalable Bloom filter).
import { BloomFilter } from './bloom-filter';

export interface ReplaySizing {
  falsePositiveRate: number;
  /** Tags the first segment is sized for. */
  initialCapacity: number;
}

export class ReplayFilter {
  readonly rotationId: number;
  readonly segments: BloomFilter[];
  private readonly falsePositiveRate: number;

  constructor(rotationId: number, falsePositiveRate: number, segments: BloomFilter[]) {
    if (segments.length === 0) throw new RangeError('a replay filter has at least one segment');
    this.rotationId = rotationId;
    this.falsePositiveRate = falsePositiveRate;
    this.segments = segments;
  }

  static create(rotationId: number, sizing: ReplaySizing): ReplayFilter {
    return new ReplayFilter(rotationId, sizing.falsePositiveRate, [
      BloomFilter.sized(sizing.initialCapacity, sizing.falsePositiveRate),
    ]);
  }

  /** Records the tag; true when it was seen before (a replay) or collides (a false positive). */
  checkAndInsert(tag: Uint8Array): boolean {
    const last = this.segments.length - 1;
    for (let i = 0; i < last; i++) if ((this.segments[i] as BloomFilter).has(tag)) return true;
    let newest = this.segments[last] as BloomFilter;
    if (newest.full) {
      if (newest.has(tag)) return true;
      newest = BloomFilter.sized(newest.capacity * 2, this.falsePositiveRate / 2 ** this.segments.length);
      this.segments.push(newest);
    }
    return newest.add(tag);
  }

  get items(): number {
    return this.segments.reduce((sum, segment) => sum + segment.count, 0);
  }

  get bytes(): number {
    return this.segments.reduce((sum, segment) => sum + segment.bitmap.length, 0);
  }
}
