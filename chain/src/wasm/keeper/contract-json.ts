import type { CoinMessage } from '../../modules/bank/coins';
import type { TxContext } from '../../modules/types';
import { VmError } from '../vm/errors';

/** cosmwasm-std JSON shapes the host exchanges with contracts (1.x and 2.x). */
export type ReplyOn = 'always' | 'success' | 'error' | 'never';

/** cosmwasm-std `Attribute` and `Event` as a contract returns them (before wasmd's checks). */
export interface ContractAttribute {
  key: string;
  value: string;
}

export interface ContractEvent {
  type: string;
  attributes: ContractAttribute[];
}

export interface SubMsg {
  id: number;
  msg: Record<string, unknown>;
  gasLimit: number | undefined;
  replyOn: ReplyOn;
  /** 2.x: opaque bytes handed back in the Reply (base64 in JSON). */
  payload: string | undefined;
}

export interface ContractResponse {
  messages: SubMsg[];
  attributes: ContractAttribute[];
  events: ContractEvent[];
  /** base64, or null. */
  data: string | null;
}

const encoder = new TextEncoder();

export function toJsonBytes(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

// Env and MessageInfo are built for every call, so they are written out by hand rather than
// through an intermediate object.
export function envJson(ctx: TxContext, contract: string): Uint8Array {
  const { height, time } = ctx.block;
  const timeNanos = time.seconds * 1_000_000_000n + BigInt(time.nanos);
  const transaction = ctx.txIndex === undefined ? 'null' : `{"index":${ctx.txIndex}}`;
  return encoder.encode(
    `{"block":{"height":${height},"time":"${timeNanos}","chain_id":${JSON.stringify(ctx.chainId)}},` +
      `"transaction":${transaction},"contract":{"address":${JSON.stringify(contract)}}}`,
  );
}

export function infoJson(sender: string, funds: readonly CoinMessage[]): Uint8Array {
  return encoder.encode(`{"sender":${JSON.stringify(sender)},"funds":${JSON.stringify(funds)}}`);
}

function badResult(detail: string): VmError {
  return new VmError('result', `Error parsing contract result: ${detail}`);
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    // like Go's encoding/json in wasmd, invalid UTF-8 becomes U+FFFD rather than an error
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch (error) {
    throw badResult((error as Error).message);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{"ok": T}` or `{"error": "…"}`. */
export type ContractResult<T> = { ok: T } | { error: string };

function parseResultEnvelope(bytes: Uint8Array): ContractResult<unknown> {
  const value = parseJson(bytes);
  if (isRecord(value)) {
    if ('ok' in value) return { ok: value.ok };
    if (typeof value.error === 'string') return { error: value.error };
  }
  throw badResult('expected {"ok": …} or {"error": "…"}');
}

/** Parses a query result: the answer is base64 in `ok`. */
export function parseQueryResult(bytes: Uint8Array): ContractResult<Uint8Array> {
  const result = parseResultEnvelope(bytes);
  if ('error' in result) return result;
  if (typeof result.ok !== 'string') throw badResult('query result must be base64');
  return { ok: new Uint8Array(Buffer.from(result.ok, 'base64')) };
}

export function parseResponseResult(bytes: Uint8Array): ContractResult<ContractResponse> {
  const result = parseResultEnvelope(bytes);
  if ('error' in result) return result;
  return { ok: parseResponse(result.ok) };
}

function parseAttributes(value: unknown, where: string): ContractAttribute[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw badResult(`${where} must be an array`);
  return value.map((attribute) => {
    if (!isRecord(attribute) || typeof attribute.key !== 'string' || typeof attribute.value !== 'string') {
      throw badResult(`${where} entries must be {key, value} strings`);
    }
    return { key: attribute.key, value: attribute.value };
  });
}

function parseResponse(value: unknown): ContractResponse {
  if (!isRecord(value)) throw badResult('Response must be an object');
  const messages = value.messages ?? [];
  const events = value.events ?? [];
  if (!Array.isArray(messages) || !Array.isArray(events)) {
    throw badResult('Response.messages and Response.events must be arrays');
  }
  const data = value.data ?? null;
  if (data !== null && typeof data !== 'string') throw badResult('Response.data must be base64');
  return {
    messages: messages.map(parseSubMsg),
    attributes: parseAttributes(value.attributes, 'Response.attributes'),
    events: events.map((event) => {
      if (!isRecord(event) || typeof event.type !== 'string') {
        throw badResult('Response.events entries need a type');
      }
      return { type: event.type, attributes: parseAttributes(event.attributes, 'Event.attributes') };
    }),
    data,
  };
}

const REPLY_ON = new Set(['always', 'success', 'error', 'never']);

function parseSubMsg(value: unknown): SubMsg {
  if (!isRecord(value) || !isRecord(value.msg)) throw badResult('SubMsg needs a msg');
  const id = value.id ?? 0;
  const replyOn = value.reply_on ?? 'never';
  const gasLimit = value.gas_limit ?? undefined;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    throw badResult('SubMsg.id must be a u64');
  }
  if (typeof replyOn !== 'string' || !REPLY_ON.has(replyOn)) {
    throw badResult('SubMsg.reply_on is invalid');
  }
  if (
    gasLimit !== undefined &&
    (typeof gasLimit !== 'number' || !Number.isSafeInteger(gasLimit) || gasLimit < 0)
  ) {
    throw badResult('SubMsg.gas_limit must be a u64');
  }
  const payload = value.payload ?? undefined;
  if (payload !== undefined && typeof payload !== 'string') throw badResult('SubMsg.payload must be base64');
  return { id, msg: value.msg, gasLimit, replyOn: replyOn as ReplyOn, payload };
}

export function decodeBase64Field(value: unknown, name: string): Uint8Array {
  if (typeof value !== 'string') throw badResult(`${name} must be base64`);
  return new Uint8Array(Buffer.from(value, 'base64'));
}
