import { Bls12381Error, Fr, type G1, type G2, type Scalar } from '@nymts/bls12-381';
import { CoconutError } from '../errors';
import type { Parameters } from '../params';

/**
 * Reads one object's canonical bytes front to back. Every point is decoded strictly with the
 * identity refused (no object here may hold one), every scalar must be below r, every count
 * must be in range, and `end` refuses trailing bytes. All failures are `malformed`.
 */
export class Reader {
  private offset = 0;

  constructor(
    private readonly params: Parameters,
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}

  fail(message: string, cause?: unknown): never {
    throw new CoconutError(
      'malformed',
      `${this.what}: ${message}`,
      { what: this.what, offset: this.offset },
      { cause },
    );
  }

  private take(length: number, field: string): Uint8Array {
    if (this.offset + length > this.bytes.length) {
      this.fail(
        `${field} needs ${length} bytes at offset ${this.offset}, only ${this.bytes.length - this.offset} remain`,
      );
    }
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  private decode<T>(field: string, length: number, decode: (bytes: Uint8Array) => T): T {
    const start = this.offset;
    const bytes = this.take(length, field);
    try {
      return decode(bytes);
    } catch (error) {
      if (!(error instanceof Bls12381Error)) throw error;
      this.offset = start;
      return this.fail(`${field}: ${error.message}`, error);
    }
  }

  g1(field: string): G1 {
    const { G1: group } = this.params.bls;
    return this.decode(field, group.byteLength, (bytes) => group.fromBytes(bytes));
  }

  g2(field: string): G2 {
    const { G2: group } = this.params.bls;
    return this.decode(field, group.byteLength, (bytes) => group.fromBytes(bytes));
  }

  scalar(field: string): Scalar {
    return this.decode(field, Fr.BYTES, (bytes) => Fr.fromBytes(bytes));
  }

  /** An 8-byte little-endian count, which must lie in [min, max]. */
  count(field: string, min: number, max: number): number {
    const value = new DataView(this.take(8, field).slice().buffer).getBigUint64(0, true);
    if (value < BigInt(min) || value > BigInt(max)) this.fail(`${field} is ${value}, outside ${min}..${max}`);
    return Number(value);
  }

  literal(expected: Uint8Array, field: string): void {
    const actual = this.take(expected.length, field);
    if (!actual.every((byte, i) => byte === expected[i])) this.fail(`${field} is missing`);
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  end(): void {
    if (this.remaining !== 0) this.fail(`${this.remaining} unexpected trailing bytes`);
  }
}
