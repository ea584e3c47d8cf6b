import {
  Bound,
  decodeVariant,
  ed25519Verify,
  Decimal,
  Entry,
  Env,
  Fields,
  fromUtf8,
  jsonAnswer,
  JsonValue,
  JsonWriter,
  Key,
  keyPartToString,
  keyPartToU64,
  mulCeil,
  mulFloor,
  Order,
  pageLimit,
  querySmart,
  secp256k1Verify,
  Result,
  splitKey,
  Uint128,
  Uint256,
  unknownVariant,
} from '../assembly/index';
import { CONFIG, NAMES, PAIRS, SIGNED, Token, TOKENS_BY_NAME, TOKENS_BY_OWNER } from './state';

const VARIANTS = [
  'config',
  'names',
  'pairs',
  'all_pairs',
  'signed',
  'tokens_by_owner',
  'token_by_name',
  'echo',
  'math',
  'env',
  'page',
  'query_other',
  'verify',
];
const DEFAULT_LIMIT: u32 = 10;
const MAX_LIMIT: u32 = 30;

function limitOf(f: Fields): i32 {
  const has = f.has('limit');
  return pageLimit(f.optionalU64('limit', 0) as u32, has, DEFAULT_LIMIT, MAX_LIMIT);
}

function writeStringEntries(w: JsonWriter, entries: Array<Entry<string>>): void {
  w.beginArray();
  for (let i = 0; i < entries.length; i++)
    w.beginArray().string(fromUtf8(entries[i].key)).string(entries[i].value).endArray();
  w.endArray();
}

function names(f: Fields): Result<Uint8Array> {
  const startAfter = f.optionalString('start_after');
  const startAt = f.optionalString('start_at');
  const endAt = f.optionalString('end_at');
  const descending = f.has('descending') && f.bool('descending');
  const limit = limitOf(f);
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  let min: Bound | null = startAt !== null ? Bound.inclusive(Key.str(startAt)) : null;
  let max: Bound | null = endAt !== null ? Bound.inclusive(Key.str(endAt)) : null;
  // start_after is the lower bound going up and the upper bound going down.
  if (startAfter !== null) {
    if (descending) max = Bound.exclusive(Key.str(startAfter));
    else min = Bound.exclusive(Key.str(startAfter));
  }
  const entries = NAMES.range(min, max, descending ? Order.Descending : Order.Ascending, limit);
  const w = new JsonWriter();
  writeStringEntries(w, entries);
  return jsonAnswer(w);
}

function pairs(f: Fields): Result<Uint8Array> {
  const owner = f.string('owner');
  const startAfter = f.has('start_after') ? Bound.exclusive(Key.u64(f.u64('start_after'))) : null;
  const limit = limitOf(f);
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const entries = PAIRS.prefix(Key.str(owner)).range(startAfter, null, Order.Ascending, limit);
  const w = new JsonWriter().beginArray();
  for (let i = 0; i < entries.length; i++)
    w.beginArray().u64(keyPartToU64(entries[i].key)).string(entries[i].value).endArray();
  return jsonAnswer(w.endArray());
}

function allPairs(): Result<Uint8Array> {
  const entries = PAIRS.range(null, null, Order.Ascending, -1);
  const w = new JsonWriter().beginArray();
  for (let i = 0; i < entries.length; i++) {
    const parts = splitKey(entries[i].key, 2);
    if (parts === null) return Result.err<Uint8Array>('malformed pair key');
    w.beginArray()
      .string(keyPartToString(parts[0]))
      .u64(keyPartToU64(parts[1]))
      .string(entries[i].value)
      .endArray();
  }
  return jsonAnswer(w.endArray());
}

function signed(): Result<Uint8Array> {
  const entries = SIGNED.range(null, null, Order.Ascending, -1);
  const w = new JsonWriter().beginArray();
  for (let i = 0; i < entries.length; i++) {
    const key = (keyPartToU64(entries[i].key) ^ 0x8000000000000000) as i64;
    w.beginArray().i64(key).string(entries[i].value).endArray();
  }
  return jsonAnswer(w.endArray());
}

function writeToken(w: JsonWriter, pk: Uint8Array, token: Token): void {
  w.beginObject().key('id').u64(keyPartToU64(pk)).key('owner').string(token.owner);
  w.key('name').string(token.name).key('amount').string(token.amount.toString()).endObject();
}

function tokensByOwner(f: Fields): Result<Uint8Array> {
  const owner = f.string('owner');
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const entries = TOKENS_BY_OWNER.range(Key.str(owner), null, null, Order.Ascending, -1);
  const w = new JsonWriter().beginArray();
  for (let i = 0; i < entries.length; i++) writeToken(w, entries[i].key, entries[i].value);
  return jsonAnswer(w.endArray());
}

function tokenByName(f: Fields): Result<Uint8Array> {
  const name = f.string('name');
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const entry = TOKENS_BY_NAME.load(Key.str(name));
  if (entry.isErr) return entry.cast<Uint8Array>();
  const w = new JsonWriter();
  writeToken(w, entry.value.key, entry.value.value);
  return jsonAnswer(w);
}

function uintResult(result: Result<Uint128>): Result<string> {
  return result.isErr ? result.cast<string>() : Result.ok<string>(result.value.toString());
}

function uint256Result(result: Result<Uint256>): Result<string> {
  return result.isErr ? result.cast<string>() : Result.ok<string>(result.value.toString());
}

function decimalResult(result: Result<Decimal>): Result<string> {
  return result.isErr ? result.cast<string>() : Result.ok<string>(result.value.toString());
}

function uint128Op(op: string, a: string, b: string, c: string): Result<string> {
  const x = Uint128.parse(a);
  if (x.isErr) return x.cast<string>();
  if (op === 'mul_floor' || op === 'mul_ceil') {
    const factor = Decimal.parse(b);
    if (factor.isErr) return factor.cast<string>();
    return uintResult(op === 'mul_floor' ? mulFloor(x.value, factor.value) : mulCeil(x.value, factor.value));
  }
  const y = Uint128.parse(b);
  if (y.isErr) return y.cast<string>();
  if (op === 'add') return uintResult(x.value.checkedAdd(y.value));
  if (op === 'sub') return uintResult(x.value.checkedSub(y.value));
  if (op === 'mul') return uintResult(x.value.checkedMul(y.value));
  if (op === 'div') return uintResult(x.value.checkedDiv(y.value));
  if (op === 'rem') return uintResult(x.value.checkedRem(y.value));
  if (op === 'from_ratio') return decimalResult(Decimal.fromRatio(x.value, y.value));
  if (op === 'mul_ratio') {
    const z = Uint128.parse(c);
    if (z.isErr) return z.cast<string>();
    return uintResult(x.value.checkedMulRatio(y.value, z.value));
  }
  return Result.err<string>('unknown op ' + op);
}

function uint256Op(op: string, a: string, b: string): Result<string> {
  const x = Uint256.parse(a);
  if (x.isErr) return x.cast<string>();
  const y = Uint256.parse(b);
  if (y.isErr) return y.cast<string>();
  if (op === 'add') return uint256Result(x.value.checkedAdd(y.value));
  if (op === 'sub') return uint256Result(x.value.checkedSub(y.value));
  if (op === 'mul') return uint256Result(x.value.checkedMul(y.value));
  if (op === 'div') return uint256Result(x.value.checkedDiv(y.value));
  if (op === 'rem') return uint256Result(x.value.checkedRem(y.value));
  if (op === 'to_uint128') return uintResult(x.value.toUint128());
  return Result.err<string>('unknown op ' + op);
}

function decimalOp(op: string, a: string, b: string): Result<string> {
  const x = Decimal.parse(a);
  if (x.isErr) return x.cast<string>();
  if (op === 'parse') return Result.ok<string>(x.value.toString() + ' ' + x.value.atomics.toString());
  if (op === 'floor') return Result.ok<string>(x.value.floor().toString());
  const y = Decimal.parse(b);
  if (y.isErr) return y.cast<string>();
  if (op === 'add') return decimalResult(x.value.checkedAdd(y.value));
  if (op === 'sub') return decimalResult(x.value.checkedSub(y.value));
  if (op === 'mul') return decimalResult(x.value.checkedMul(y.value));
  if (op === 'div') return decimalResult(x.value.checkedDiv(y.value));
  return Result.err<string>('unknown op ' + op);
}

function math(f: Fields): Result<Uint8Array> {
  const kind = f.string('kind');
  const op = f.string('op');
  const a = f.string('a');
  const b = f.has('b') ? f.string('b') : '';
  const c = f.has('c') ? f.string('c') : '';
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  let result: Result<string>;
  if (kind === 'uint128') result = uint128Op(op, a, b, c);
  else if (kind === 'uint256') result = uint256Op(op, a, b);
  else if (kind === 'decimal') result = decimalOp(op, a, b);
  else if (kind === 'percent')
    result = Result.ok<string>(Decimal.percent(Uint128.parse(a).value.toU64().value).toString());
  else return Result.err<Uint8Array>('unknown kind ' + kind);
  if (result.isErr) return result.cast<Uint8Array>();
  const w = new JsonWriter();
  w.beginObject().key('result').string(result.value).endObject();
  return jsonAnswer(w);
}

function verify(f: Fields): Result<Uint8Array> {
  const scheme = f.string('scheme');
  const message = f.binary('message');
  const signature = f.binary('signature');
  const publicKey = f.binary('public_key');
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  let valid: Result<bool>;
  if (scheme === 'ed25519') valid = ed25519Verify(message, signature, publicKey);
  else if (scheme === 'secp256k1') valid = secp256k1Verify(message, signature, publicKey);
  else return Result.err<Uint8Array>('unknown scheme ' + scheme);
  if (valid.isErr) return valid.cast<Uint8Array>();
  const w = new JsonWriter();
  w.beginObject().key('valid').bool(valid.value).endObject();
  return jsonAnswer(w);
}

function envAnswer(env: Env): Result<Uint8Array> {
  const w = new JsonWriter().beginObject();
  w.key('height').u64(env.block.height).key('time_seconds').u64(env.block.timeSeconds);
  w.key('time_nanos').u64(env.block.timeNanos).key('chain_id').string(env.block.chainId);
  w.key('contract').string(env.contractAddress).key('tx_index').i64(env.transactionIndex);
  return jsonAnswer(w.endObject());
}

export function query(env: Env, msg: JsonValue): Result<Uint8Array> {
  const variant = decodeVariant(msg, 'QueryMsg');
  if (variant.isErr) return variant.cast<Uint8Array>();
  const name = variant.value.name;
  const f = new Fields(variant.value.body, 'QueryMsg::' + name);
  if (name === 'config') {
    const problem = f.finish();
    if (problem !== null) return Result.err<Uint8Array>(problem);
    const value = CONFIG.load();
    if (value.isErr) return value.cast<Uint8Array>();
    const w = new JsonWriter();
    w.beginObject().key('value').string(value.value).endObject();
    return jsonAnswer(w);
  }
  if (name === 'names') return names(f);
  if (name === 'pairs') return pairs(f);
  if (name === 'all_pairs') return allPairs();
  if (name === 'signed') return signed();
  if (name === 'tokens_by_owner') return tokensByOwner(f);
  if (name === 'token_by_name') return tokenByName(f);
  if (name === 'echo') {
    const value = f.value('value');
    const problem = f.finish();
    if (problem !== null) return Result.err<Uint8Array>(problem);
    return Result.ok<Uint8Array>(value.toJson());
  }
  if (name === 'math') return math(f);
  if (name === 'env') return envAnswer(env);
  if (name === 'verify') return verify(f);
  if (name === 'page') {
    const limit = limitOf(f);
    const w = new JsonWriter();
    w.u64(limit as u64);
    return jsonAnswer(w);
  }
  if (name === 'query_other') {
    const contract = f.string('contract');
    const message = f.value('msg');
    const problem = f.finish();
    if (problem !== null) return Result.err<Uint8Array>(problem);
    return querySmart(contract, message.toJson());
  }
  return Result.err<Uint8Array>(unknownVariant('QueryMsg', name, VARIANTS));
}
