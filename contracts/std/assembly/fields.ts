import { fromBase64 } from './base64';
import { Decimal } from './decimal';
import { JsonKind, JsonValue } from './json';
import { Result } from './result';
import { Uint128 } from './uint';

// Reads the fields of one JSON object the way serde reads a `#[cw_serde]` struct: missing
// required fields, wrong types and unknown fields (deny_unknown_fields) are errors. Reading never
// stops the caller; the first problem is kept and `finish()` reports it, so decoding a message is
// a flat list of reads followed by one check.

export class Fields {
  private readonly used: Array<string> = [];
  private problem: string | null = null;

  constructor(
    private readonly object: JsonValue,
    private readonly typeName: string,
  ) {
    if (object.kind !== JsonKind.Object)
      this.fail('invalid type: ' + object.describe() + ', expected struct');
  }

  private mark(key: string): void {
    if (!this.used.includes(key)) this.used.push(key);
  }

  private fail(message: string): void {
    if (this.problem === null) this.problem = 'Error parsing into type ' + this.typeName + ': ' + message;
  }

  private lookup(key: string, required: bool): JsonValue | null {
    this.mark(key);
    const value = this.object.get(key);
    if (value === null || value.isNull) {
      if (required) this.fail('missing field `' + key + '`');
      return null;
    }
    return value;
  }

  private wrongType(key: string, value: JsonValue, expected: string): void {
    this.fail('invalid type for `' + key + '`: ' + value.describe() + ', expected ' + expected);
  }

  private readString(key: string, required: bool): string | null {
    const value = this.lookup(key, required);
    if (value === null) return null;
    if (value.kind !== JsonKind.String) {
      this.wrongType(key, value, 'a string');
      return null;
    }
    return value.text;
  }

  string(key: string): string {
    const text = this.readString(key, true);
    return text !== null ? text : '';
  }

  optionalString(key: string): string | null {
    return this.readString(key, false);
  }

  private readU64(key: string, required: bool, fallback: u64): u64 {
    const value = this.lookup(key, required);
    if (value === null) return fallback;
    const parsed = value.toU64();
    if (parsed.isErr) {
      this.wrongType(key, value, 'u64');
      return fallback;
    }
    return parsed.value;
  }

  u64(key: string): u64 {
    return this.readU64(key, true, 0);
  }

  optionalU64(key: string, fallback: u64): u64 {
    return this.readU64(key, false, fallback);
  }

  i64(key: string): i64 {
    const value = this.lookup(key, true);
    if (value === null) return 0;
    const parsed = value.toI64();
    if (parsed.isErr) {
      this.wrongType(key, value, 'i64');
      return 0;
    }
    return parsed.value;
  }

  u32(key: string): u32 {
    const value = this.u64(key);
    if (value > U32.MAX_VALUE) this.fail('`' + key + '` out of range for u32');
    return value as u32;
  }

  /** Whether an optional field is present and not null (asking counts as reading it). */
  has(key: string): bool {
    this.mark(key);
    const value = this.object.get(key);
    return value !== null && !value.isNull;
  }

  bool(key: string): bool {
    const value = this.lookup(key, true);
    if (value === null) return false;
    if (value.kind !== JsonKind.Bool) this.wrongType(key, value, 'a boolean');
    return value.flag;
  }

  private readUint128(key: string, required: bool): Uint128 | null {
    const text = this.readString(key, required);
    if (text === null) return null;
    const parsed = Uint128.parse(text);
    if (parsed.isErr) {
      this.fail('invalid Uint128 for `' + key + '`: "' + text + '"');
      return null;
    }
    return parsed.value;
  }

  /** A Uint128 field (a decimal string in JSON). */
  uint128(key: string): Uint128 {
    const value = this.readUint128(key, true);
    return value !== null ? value : Uint128.zero();
  }

  optionalUint128(key: string): Uint128 | null {
    return this.readUint128(key, false);
  }

  decimal(key: string): Decimal {
    const text = this.readString(key, true);
    if (text === null) return Decimal.zero();
    const parsed = Decimal.parse(text);
    if (parsed.isErr) {
      this.fail('invalid Decimal for `' + key + '`: ' + parsed.message);
      return Decimal.zero();
    }
    return parsed.value;
  }

  private readBinary(key: string, required: bool): Uint8Array | null {
    const text = this.readString(key, required);
    if (text === null) return null;
    const bytes = fromBase64(text);
    if (bytes === null) this.fail('invalid base64 for `' + key + '`');
    return bytes;
  }

  /** A `Binary` field (base64 in JSON). */
  binary(key: string): Uint8Array {
    const bytes = this.readBinary(key, true);
    return bytes !== null ? bytes : new Uint8Array(0);
  }

  optionalBinary(key: string): Uint8Array | null {
    return this.readBinary(key, false);
  }

  /** Any JSON value, null included (for nested structures the caller decodes itself). */
  value(key: string): JsonValue {
    this.mark(key);
    const value = this.object.get(key);
    if (value === null) this.fail('missing field `' + key + '`');
    return value !== null ? value : JsonValue.nullValue();
  }

  optionalValue(key: string): JsonValue | null {
    return this.lookup(key, false);
  }

  /** Records a problem found by the caller while decoding a nested value. */
  reject(message: string): void {
    this.fail(message);
  }

  /** The first problem, unknown fields included; null when the object decoded cleanly. */
  finish(): string | null {
    if (this.problem === null && this.object.kind === JsonKind.Object) {
      for (let i = 0; i < this.object.keys.length; i++) {
        const key = this.object.keys[i];
        if (!this.used.includes(key)) {
          this.fail('unknown field `' + key + '`, expected one of ' + this.expected());
          break;
        }
      }
    }
    return this.problem;
  }

  private expected(): string {
    if (this.used.length === 0) return 'no fields';
    let text = '';
    for (let i = 0; i < this.used.length; i++) {
      if (i > 0) text += ', ';
      text += '`' + this.used[i] + '`';
    }
    return text;
  }
}

/** One variant of an externally tagged enum: `{"name": {...}}` (or `"name"` for a unit variant). */
export class Variant {
  constructor(
    readonly name: string,
    readonly body: JsonValue,
  ) {}
}

export function decodeVariant(value: JsonValue, typeName: string): Result<Variant> {
  if (value.kind === JsonKind.String)
    return Result.ok<Variant>(new Variant(value.text, JsonValue.nullValue()));
  if (value.kind !== JsonKind.Object || value.keys.length !== 1) {
    return Result.err<Variant>(
      'Error parsing into type ' + typeName + ': expected an object with exactly one key',
    );
  }
  return Result.ok<Variant>(new Variant(value.keys[0], value.items[0]));
}

export function unknownVariant(typeName: string, name: string, expected: Array<string>): string {
  let list = '';
  for (let i = 0; i < expected.length; i++) list += (i > 0 ? ', ' : '') + '`' + expected[i] + '`';
  return 'Error parsing into type ' + typeName + ': unknown variant `' + name + '`, expected one of ' + list;
}
