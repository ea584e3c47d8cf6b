import { Fr, type Bls12381, type G1, type G2, type Scalar } from '@nymts/bls12-381';
import { malformed } from './errors';

/** Strict, bounds-checked reading of the wire formats; every failure names the field. */
export class Reader {
  private offset = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  take(length: number, field: string): Uint8Array {
    if (length > this.remaining) {
      throw malformed(this.what, `${field}: needs ${length} bytes, ${this.remaining} left`, { field });
    }
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  u32(field: string): number {
    const slice = this.take(4, field);
    return new DataView(slice.buffer, slice.byteOffset, 4).getUint32(0, false);
  }

  u64(field: string): bigint {
    const slice = this.take(8, field);
    return new DataView(slice.buffer, slice.byteOffset, 8).getBigUint64(0, false);
  }

  /** A u32 element count whose elements must fit in what is left: no allocation on a lie. */
  count(field: string, elementBytes: number): number {
    const count = this.u32(`${field} count`);
    if (count * elementBytes > this.remaining) {
      throw malformed(this.what, `${field}: ${count} elements of ${elementBytes} bytes do not fit`, {
        field,
        count,
      });
    }
    return count;
  }

  /** A sub-structure prefixed with its u32 byte length, read with its own reader. */
  section<T>(field: string, read: (reader: Reader) => T): T {
    const length = this.u32(`${field} length`);
    const reader = new Reader(this.take(length, field), `${this.what}.${field}`);
    const value = read(reader);
    reader.end();
    return value;
  }

  scalar(field: string): Scalar {
    return this.decode(field, (bytes) => Fr.fromBytes(bytes), Fr.BYTES);
  }

  g1(bls: Bls12381, field: string, allowIdentity = true): G1 {
    return this.decode(field, (bytes) => bls.G1.fromBytes(bytes, { allowIdentity }), bls.G1.byteLength);
  }

  g2(bls: Bls12381, field: string): G2 {
    return this.decode(field, (bytes) => bls.G2.fromBytes(bytes, { allowIdentity: true }), bls.G2.byteLength);
  }

  end(): void {
    if (this.remaining !== 0) throw malformed(this.what, `${this.remaining} trailing bytes`);
  }

  private decode<T>(field: string, decode: (bytes: Uint8Array) => T, length: number): T {
    const bytes = this.take(length, field);
    try {
      return decode(bytes);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw malformed(this.what, `${field}: ${reason}`, { field });
    }
  }
}
