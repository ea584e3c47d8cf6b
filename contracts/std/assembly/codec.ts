import { JsonKind, JsonValue, JsonWriter, parseJson } from './json';
import { Result } from './result';
import { Uint128 } from './uint';

// How a stored value becomes JSON and back (cw-storage-plus stores serde_json of the value).

export class Codec<V> {
  constructor(
    readonly write: (value: V, w: JsonWriter) => void,
    readonly read: (json: JsonValue) => Result<V>,
  ) {}

  encode(value: V): Uint8Array {
    const w = new JsonWriter();
    this.write(value, w);
    return w.toBytes();
  }

  decode(bytes: Uint8Array): Result<V> {
    const json = parseJson(bytes);
    if (json.isErr) return json.cast<V>();
    return this.read(json.value);
  }
}

function writeString(value: string, w: JsonWriter): void {
  w.string(value);
}

function readString(json: JsonValue): Result<string> {
  if (json.kind !== JsonKind.String)
    return Result.err<string>('invalid type: ' + json.describe() + ', expected a string');
  return Result.ok<string>(json.text);
}

function writeU64(value: u64, w: JsonWriter): void {
  w.u64(value);
}

function readU64(json: JsonValue): Result<u64> {
  return json.toU64();
}

function writeUint128(value: Uint128, w: JsonWriter): void {
  w.string(value.toString());
}

function readUint128(json: JsonValue): Result<Uint128> {
  if (json.kind !== JsonKind.String)
    return Result.err<Uint128>('invalid type: ' + json.describe() + ', expected Uint128');
  return Uint128.parse(json.text);
}

export const stringCodec = new Codec<string>(writeString, readString);
export const u64Codec = new Codec<u64>(writeU64, readU64);
export const uint128Codec = new Codec<Uint128>(writeUint128, readUint128);
