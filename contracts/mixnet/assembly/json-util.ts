import { Decimal, Fields, JsonWriter, Uint128 } from '../../std/assembly/index';

// Small JSON pieces shared by the stored types and the query answers.

export function writeOptionalString(w: JsonWriter, value: string | null): void {
  if (value === null) w.nullValue();
  else w.string(value);
}

export function writeOptionalDecimal(w: JsonWriter, value: Decimal | null): void {
  if (value === null) w.nullValue();
  else w.string(value.toString());
}

export function writeOptionalUint128(w: JsonWriter, value: Uint128 | null): void {
  if (value === null) w.nullValue();
  else w.string(value.toString());
}

export function optionalDecimal(f: Fields, key: string): Decimal | null {
  const text = f.optionalString(key);
  if (text === null) return null;
  const parsed = Decimal.parse(text);
  if (parsed.isErr) {
    f.reject('invalid Decimal for `' + key + '`: ' + parsed.message);
    return null;
  }
  return parsed.value;
}

/** A u32 field that is absent or null reads as 0 (ids start at 1, so 0 means "none"). */
export function optionalId(f: Fields, key: string): u32 {
  const value = f.optionalU64(key, 0);
  if (value > U32.MAX_VALUE) f.reject('`' + key + '` out of range for u32');
  return value as u32;
}

export function writeOptionalId(w: JsonWriter, id: u32): void {
  if (id === 0) w.nullValue();
  else w.u64(id);
}
