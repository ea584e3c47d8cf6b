import { ByteBuffer, fromUtf8, utf8 } from './bytes';
import { Result } from './result';

// A small JSON reader and writer over UTF-8 bytes. Numbers are kept as their text and read as
// integers only (no floats anywhere in contract code). Output is compact and escapes exactly what
// serde_json escapes, so what a contract writes looks as a Rust contract's would.

export enum JsonKind {
  Null,
  Bool,
  Number,
  String,
  Array,
  Object,
}

const MAX_DEPTH = 128;

export class JsonValue {
  kind: JsonKind = JsonKind.Null;
  flag: bool = false;
  /** A string's value, or a number's text. */
  text: string = '';
  items: Array<JsonValue> = [];
  keys: Array<string> = [];

  static nullValue(): JsonValue {
    return new JsonValue();
  }

  static bool(value: bool): JsonValue {
    const v = new JsonValue();
    v.kind = JsonKind.Bool;
    v.flag = value;
    return v;
  }

  static string(value: string): JsonValue {
    const v = new JsonValue();
    v.kind = JsonKind.String;
    v.text = value;
    return v;
  }

  static number(text: string): JsonValue {
    const v = new JsonValue();
    v.kind = JsonKind.Number;
    v.text = text;
    return v;
  }

  static object(): JsonValue {
    const v = new JsonValue();
    v.kind = JsonKind.Object;
    return v;
  }

  /** Sets member `key` of an object being built (replacing an existing one). */
  set(key: string, value: JsonValue): JsonValue {
    if (this.kind !== JsonKind.Object) abort('JsonValue.set on a non-object');
    const at = this.keys.indexOf(key);
    if (at >= 0) this.items[at] = value;
    else {
      this.keys.push(key);
      this.items.push(value);
    }
    return this;
  }

  get isNull(): bool {
    return this.kind === JsonKind.Null;
  }

  get isObject(): bool {
    return this.kind === JsonKind.Object;
  }

  /** The member `key` of an object (null when absent or when this is not an object). */
  get(key: string): JsonValue | null {
    if (this.kind !== JsonKind.Object) return null;
    for (let i = 0; i < this.keys.length; i++) {
      if (this.keys[i] === key) return this.items[i];
    }
    return null;
  }

  /** What serde would call this value in an "invalid type" error. */
  describe(): string {
    switch (this.kind) {
      case JsonKind.Null:
        return 'null';
      case JsonKind.Bool:
        return 'boolean `' + (this.flag ? 'true' : 'false') + '`';
      case JsonKind.Number:
        return 'number `' + this.text + '`';
      case JsonKind.String:
        return 'string "' + this.text + '"';
      case JsonKind.Array:
        return 'sequence';
      default:
        return 'map';
    }
  }

  /** The value as an unsigned 64-bit integer (an error for fractions, exponents, signs, overflow). */
  toU64(): Result<u64> {
    if (this.kind !== JsonKind.Number)
      return Result.err<u64>('invalid type: ' + this.describe() + ', expected u64');
    return parseU64(this.text);
  }

  /** The value as a signed 64-bit integer. */
  toI64(): Result<i64> {
    if (this.kind !== JsonKind.Number)
      return Result.err<i64>('invalid type: ' + this.describe() + ', expected i64');
    const negative = this.text.startsWith('-');
    const magnitude = parseU64(negative ? this.text.substring(1) : this.text);
    if (magnitude.isErr) return magnitude.cast<i64>();
    const limit: u64 = negative ? (1 as u64) << 63 : ((1 as u64) << 63) - 1;
    if (magnitude.value > limit) return Result.err<i64>('integer out of range: ' + this.text);
    return Result.ok<i64>(negative ? -(magnitude.value as i64) : (magnitude.value as i64));
  }

  toJson(): Uint8Array {
    const w = new JsonWriter();
    w.value(this);
    return w.toBytes();
  }
}

/** Parses decimal digits into a u64, refusing anything else and overflow. */
export function parseU64(text: string): Result<u64> {
  if (text.length === 0 || text.length > 20) return Result.err<u64>('invalid integer: "' + text + '"');
  let value: u64 = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return Result.err<u64>('invalid integer: "' + text + '"');
    const digit = (c - 48) as u64;
    if (value > (U64.MAX_VALUE - digit) / 10) return Result.err<u64>('integer out of range: ' + text);
    value = value * 10 + digit;
  }
  return Result.ok<u64>(value);
}

class Parser {
  pos: i32 = 0;
  error: string | null = null;

  constructor(private readonly input: Uint8Array) {}

  fail(message: string): JsonValue {
    if (this.error === null) this.error = message + ' at byte ' + this.pos.toString();
    return JsonValue.nullValue();
  }

  skipWhitespace(): void {
    while (this.pos < this.input.length) {
      const c = this.input[this.pos];
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.pos++;
    }
  }

  peek(): i32 {
    return this.pos < this.input.length ? (this.input[this.pos] as i32) : -1;
  }

  literal(word: string, value: JsonValue): JsonValue {
    for (let i = 0; i < word.length; i++) {
      if (this.peek() !== word.charCodeAt(i)) return this.fail('expected ' + word);
      this.pos++;
    }
    return value;
  }

  parseValue(depth: i32): JsonValue {
    if (depth > MAX_DEPTH) return this.fail('recursion limit exceeded');
    this.skipWhitespace();
    const c = this.peek();
    if (c === 0x7b) return this.parseObject(depth);
    if (c === 0x5b) return this.parseArray(depth);
    if (c === 0x22) {
      const s = this.parseString();
      return this.error !== null ? JsonValue.nullValue() : JsonValue.string(s);
    }
    if (c === 0x74) return this.literal('true', JsonValue.bool(true));
    if (c === 0x66) return this.literal('false', JsonValue.bool(false));
    if (c === 0x6e) return this.literal('null', JsonValue.nullValue());
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.parseNumber();
    if (c < 0) return this.fail('EOF while parsing a value');
    return this.fail('expected value');
  }

  digits(): i32 {
    const start = this.pos;
    while (this.peek() >= 0x30 && this.peek() <= 0x39) this.pos++;
    return this.pos - start;
  }

  parseNumber(): JsonValue {
    const start = this.pos;
    if (this.peek() === 0x2d) this.pos++;
    if (this.peek() === 0x30) {
      this.pos++;
      if (this.peek() >= 0x30 && this.peek() <= 0x39) return this.fail('invalid number');
    } else if (this.digits() === 0) return this.fail('invalid number');
    if (this.peek() === 0x2e) {
      this.pos++;
      if (this.digits() === 0) return this.fail('invalid number');
    }
    if (this.peek() === 0x65 || this.peek() === 0x45) {
      this.pos++;
      if (this.peek() === 0x2b || this.peek() === 0x2d) this.pos++;
      if (this.digits() === 0) return this.fail('invalid number');
    }
    return JsonValue.number(fromUtf8(this.input.subarray(start, this.pos)));
  }

  hex4(): i32 {
    if (this.pos + 4 > this.input.length) return -1;
    let value = 0;
    for (let i = 0; i < 4; i++) {
      const c = this.input[this.pos++] as i32;
      let d = -1;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
      else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
      if (d < 0) return -1;
      value = (value << 4) | d;
    }
    return value;
  }

  parseEscape(out: ByteBuffer): bool {
    const c = this.peek();
    this.pos++;
    if (c === 0x22 || c === 0x5c || c === 0x2f) out.byte(c as u8);
    else if (c === 0x62) out.byte(0x08);
    else if (c === 0x66) out.byte(0x0c);
    else if (c === 0x6e) out.byte(0x0a);
    else if (c === 0x72) out.byte(0x0d);
    else if (c === 0x74) out.byte(0x09);
    else if (c === 0x75) {
      let code = this.hex4();
      if (code < 0) return this.escapeError('invalid \\u escape');
      if (code >= 0xdc00 && code <= 0xdfff) return this.escapeError('lone trailing surrogate in hex escape');
      if (code >= 0xd800 && code <= 0xdbff) {
        if (this.peek() !== 0x5c || this.pos + 1 >= this.input.length || this.input[this.pos + 1] !== 0x75) {
          return this.escapeError('lone leading surrogate in hex escape');
        }
        this.pos += 2;
        const low = this.hex4();
        if (low < 0xdc00 || low > 0xdfff) return this.escapeError('invalid surrogate pair in hex escape');
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
      }
      writeCodePoint(out, code);
    } else return this.escapeError('invalid escape');
    return true;
  }

  escapeError(message: string): bool {
    this.fail(message);
    return false;
  }

  parseString(): string {
    this.pos++; // opening quote
    const out = new ByteBuffer(16);
    while (true) {
      if (this.pos >= this.input.length) {
        this.fail('EOF while parsing a string');
        return '';
      }
      const c = this.input[this.pos];
      if (c === 0x22) {
        this.pos++;
        break;
      }
      if (c < 0x20) {
        this.fail('control character in string');
        return '';
      }
      if (c === 0x5c) {
        this.pos++;
        if (!this.parseEscape(out)) return '';
        continue;
      }
      if (c < 0x80) {
        out.byte(c);
        this.pos++;
        continue;
      }
      const length = utf8SequenceLength(this.input, this.pos);
      if (length === 0) {
        this.fail('invalid UTF-8');
        return '';
      }
      out.bytes(this.input.subarray(this.pos, this.pos + length));
      this.pos += length;
    }
    return fromUtf8(out.toBytes());
  }

  parseArray(depth: i32): JsonValue {
    this.pos++;
    const v = new JsonValue();
    v.kind = JsonKind.Array;
    this.skipWhitespace();
    if (this.peek() === 0x5d) {
      this.pos++;
      return v;
    }
    while (true) {
      const item = this.parseValue(depth + 1);
      if (this.error !== null) return v;
      v.items.push(item);
      this.skipWhitespace();
      const c = this.peek();
      this.pos++;
      if (c === 0x5d) return v;
      if (c !== 0x2c) return this.fail('expected `,` or `]`');
    }
  }

  parseObject(depth: i32): JsonValue {
    this.pos++;
    const v = new JsonValue();
    v.kind = JsonKind.Object;
    this.skipWhitespace();
    if (this.peek() === 0x7d) {
      this.pos++;
      return v;
    }
    while (true) {
      this.skipWhitespace();
      if (this.peek() < 0) return this.fail('EOF while parsing an object');
      if (this.peek() !== 0x22) return this.fail('key must be a string');
      const key = this.parseString();
      if (this.error !== null) return v;
      if (v.keys.includes(key)) return this.fail('duplicate field `' + key + '`');
      this.skipWhitespace();
      if (this.peek() !== 0x3a) return this.fail('expected `:`');
      this.pos++;
      const item = this.parseValue(depth + 1);
      if (this.error !== null) return v;
      v.keys.push(key);
      v.items.push(item);
      this.skipWhitespace();
      const c = this.peek();
      this.pos++;
      if (c === 0x7d) return v;
      if (c !== 0x2c) return this.fail('expected `,` or `}`');
    }
  }
}

/** The length of the well-formed UTF-8 sequence at `at`, or 0 when it is malformed. */
function utf8SequenceLength(input: Uint8Array, at: i32): i32 {
  const b0 = input[at] as u32;
  let length: i32;
  let min: u32;
  let code: u32;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    length = 2;
    code = b0 & 0x1f;
    min = 0x80;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    length = 3;
    code = b0 & 0x0f;
    min = 0x800;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    length = 4;
    code = b0 & 0x07;
    min = 0x10000;
  } else return 0;
  if (at + length > input.length) return 0;
  for (let i = 1; i < length; i++) {
    const b = input[at + i] as u32;
    if ((b & 0xc0) !== 0x80) return 0;
    code = (code << 6) | (b & 0x3f);
  }
  if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
  return length;
}

function writeCodePoint(out: ByteBuffer, code: i32): void {
  if (code < 0x80) out.byte(code as u8);
  else if (code < 0x800) {
    out.byte((0xc0 | (code >> 6)) as u8);
    out.byte((0x80 | (code & 0x3f)) as u8);
  } else if (code < 0x10000) {
    out.byte((0xe0 | (code >> 12)) as u8);
    out.byte((0x80 | ((code >> 6) & 0x3f)) as u8);
    out.byte((0x80 | (code & 0x3f)) as u8);
  } else {
    out.byte((0xf0 | (code >> 18)) as u8);
    out.byte((0x80 | ((code >> 12) & 0x3f)) as u8);
    out.byte((0x80 | ((code >> 6) & 0x3f)) as u8);
    out.byte((0x80 | (code & 0x3f)) as u8);
  }
}

/** Parses one JSON document (trailing whitespace allowed, anything else after it is an error). */
export function parseJson(input: Uint8Array): Result<JsonValue> {
  const parser = new Parser(input);
  const value = parser.parseValue(0);
  if (parser.error === null) {
    parser.skipWhitespace();
    if (parser.pos < input.length) parser.fail('trailing characters');
  }
  const error = parser.error;
  if (error !== null) return Result.err<JsonValue>(error);
  return Result.ok<JsonValue>(value);
}

const HEX_DIGITS = '0123456789abcdef';

/** A compact JSON writer; it places commas itself, so callers only open, write and close. */
export class JsonWriter {
  private readonly out: ByteBuffer = new ByteBuffer(128);
  // One entry per open container: whether the next element needs a comma before it.
  private readonly needsComma: Array<bool> = [];
  private afterKey: bool = false;

  private separate(): void {
    if (this.afterKey) {
      this.afterKey = false;
      return;
    }
    const depth = this.needsComma.length;
    if (depth === 0) return;
    if (this.needsComma[depth - 1]) this.out.byte(0x2c);
    else this.needsComma[depth - 1] = true;
  }

  beginObject(): JsonWriter {
    this.separate();
    this.out.byte(0x7b);
    this.needsComma.push(false);
    return this;
  }

  endObject(): JsonWriter {
    this.needsComma.pop();
    this.out.byte(0x7d);
    return this;
  }

  beginArray(): JsonWriter {
    this.separate();
    this.out.byte(0x5b);
    this.needsComma.push(false);
    return this;
  }

  endArray(): JsonWriter {
    this.needsComma.pop();
    this.out.byte(0x5d);
    return this;
  }

  key(name: string): JsonWriter {
    this.separate();
    this.quoted(name);
    this.out.byte(0x3a);
    this.afterKey = true;
    return this;
  }

  string(value: string): JsonWriter {
    this.separate();
    this.quoted(value);
    return this;
  }

  u64(value: u64): JsonWriter {
    this.separate();
    this.out.ascii(value.toString());
    return this;
  }

  i64(value: i64): JsonWriter {
    this.separate();
    this.out.ascii(value.toString());
    return this;
  }

  bool(value: bool): JsonWriter {
    this.separate();
    this.out.ascii(value ? 'true' : 'false');
    return this;
  }

  nullValue(): JsonWriter {
    this.separate();
    this.out.ascii('null');
    return this;
  }

  /** Writes already-serialised JSON (the caller vouches that it is one valid JSON value). */
  raw(json: Uint8Array): JsonWriter {
    this.separate();
    this.out.bytes(json);
    return this;
  }

  value(v: JsonValue): JsonWriter {
    switch (v.kind) {
      case JsonKind.Null:
        return this.nullValue();
      case JsonKind.Bool:
        return this.bool(v.flag);
      case JsonKind.Number:
        this.separate();
        this.out.ascii(v.text);
        return this;
      case JsonKind.String:
        return this.string(v.text);
      case JsonKind.Array:
        this.beginArray();
        for (let i = 0; i < v.items.length; i++) this.value(v.items[i]);
        return this.endArray();
      default:
        this.beginObject();
        for (let i = 0; i < v.keys.length; i++) {
          this.key(v.keys[i]);
          this.value(v.items[i]);
        }
        return this.endObject();
    }
  }

  private quoted(value: string): void {
    const bytes = utf8(value);
    this.out.byte(0x22);
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      if (c === 0x22) this.out.ascii('\\"');
      else if (c === 0x5c) this.out.ascii('\\\\');
      else if (c >= 0x20) this.out.byte(c);
      else if (c === 0x0a) this.out.ascii('\\n');
      else if (c === 0x0d) this.out.ascii('\\r');
      else if (c === 0x09) this.out.ascii('\\t');
      else if (c === 0x08) this.out.ascii('\\b');
      else if (c === 0x0c) this.out.ascii('\\f');
      else {
        this.out.ascii('\\u00');
        this.out.byte(HEX_DIGITS.charCodeAt(c >> 4) as u8);
        this.out.byte(HEX_DIGITS.charCodeAt(c & 15) as u8);
      }
    }
    this.out.byte(0x22);
  }

  toBytes(): Uint8Array {
    return this.out.toBytes();
  }
}
