import { toBase64 } from './base64';
import { JsonWriter, JsonValue, parseJson } from './json';
import { readRegion, regionOf } from './memory';
import { Reply } from './reply';
import { Response } from './response';
import { Result } from './result';
import { Env, MessageInfo } from './types';

// Entry-point plumbing: decode the host's JSON arguments, run the contract's handler, and answer
// with `{"ok": …}` or `{"error": "…"}` as CosmWasm expects.

export type ExecuteHandler = (env: Env, info: MessageInfo, msg: JsonValue) => Result<Response>;
export type QueryHandler = (env: Env, msg: JsonValue) => Result<Uint8Array>;
export type MigrateHandler = (env: Env, msg: JsonValue) => Result<Response>;
export type ReplyHandler = (env: Env, reply: Reply) => Result<Response>;

function answer(w: JsonWriter): u32 {
  return regionOf(w.toBytes());
}

function errorAnswer(message: string): u32 {
  const w = new JsonWriter();
  w.beginObject().key('error').string(message).endObject();
  return answer(w);
}

function responseAnswer(result: Result<Response>): u32 {
  if (result.isErr) return errorAnswer(result.message);
  const w = new JsonWriter();
  w.beginObject().key('ok');
  result.value.write(w);
  w.endObject();
  return answer(w);
}

function decodeJson(ptr: u32): Result<JsonValue> {
  const parsed = parseJson(readRegion(ptr));
  if (parsed.isErr) return Result.err<JsonValue>('Error parsing into type message: ' + parsed.message);
  return parsed;
}

function decodeEnv(ptr: u32): Result<Env> {
  const json = decodeJson(ptr);
  if (json.isErr) return json.cast<Env>();
  return Env.decode(json.value);
}

function runWithInfo(envPtr: u32, infoPtr: u32, msgPtr: u32, handler: ExecuteHandler): u32 {
  const env = decodeEnv(envPtr);
  if (env.isErr) return errorAnswer(env.message);
  const infoJson = decodeJson(infoPtr);
  if (infoJson.isErr) return errorAnswer(infoJson.message);
  const info = MessageInfo.decode(infoJson.value);
  if (info.isErr) return errorAnswer(info.message);
  const msg = decodeJson(msgPtr);
  if (msg.isErr) return errorAnswer(msg.message);
  return responseAnswer(handler(env.value, info.value, msg.value));
}

/** Body of the contract's exported `instantiate(env, info, msg)`. */
export function runInstantiate(envPtr: u32, infoPtr: u32, msgPtr: u32, handler: ExecuteHandler): u32 {
  return runWithInfo(envPtr, infoPtr, msgPtr, handler);
}

/** Body of the contract's exported `execute(env, info, msg)`. */
export function runExecute(envPtr: u32, infoPtr: u32, msgPtr: u32, handler: ExecuteHandler): u32 {
  return runWithInfo(envPtr, infoPtr, msgPtr, handler);
}

/** Body of the contract's exported `migrate(env, msg)`. */
export function runMigrate(envPtr: u32, msgPtr: u32, handler: MigrateHandler): u32 {
  const env = decodeEnv(envPtr);
  if (env.isErr) return errorAnswer(env.message);
  const msg = decodeJson(msgPtr);
  if (msg.isErr) return errorAnswer(msg.message);
  return responseAnswer(handler(env.value, msg.value));
}

/** Body of the contract's exported `reply(env, reply)`, for submessages sent with `ReplyOn`. */
export function runReply(envPtr: u32, replyPtr: u32, handler: ReplyHandler): u32 {
  const env = decodeEnv(envPtr);
  if (env.isErr) return errorAnswer(env.message);
  const json = decodeJson(replyPtr);
  if (json.isErr) return errorAnswer(json.message);
  const reply = Reply.decode(json.value);
  if (reply.isErr) return errorAnswer(reply.message);
  return responseAnswer(handler(env.value, reply.value));
}

/** Body of the contract's exported `query(env, msg)`: the handler's bytes go out as base64. */
export function runQuery(envPtr: u32, msgPtr: u32, handler: QueryHandler): u32 {
  const env = decodeEnv(envPtr);
  if (env.isErr) return errorAnswer(env.message);
  const msg = decodeJson(msgPtr);
  if (msg.isErr) return errorAnswer(msg.message);
  const result = handler(env.value, msg.value);
  if (result.isErr) return errorAnswer(result.message);
  const w = new JsonWriter();
  w.beginObject().key('ok').string(toBase64(result.value)).endObject();
  return answer(w);
}

/** A query answer from what the handler wrote with `w`. */
export function jsonAnswer(w: JsonWriter): Result<Uint8Array> {
  return Result.ok<Uint8Array>(w.toBytes());
}
