import { fromBase64 } from './base64';
import { JsonKind, JsonValue } from './json';
import { Event } from './response';
import { Result } from './result';

// The `reply` entry point's argument: how a submessage sent with `ReplyOn` ended. Decoded
// leniently, as CosmWasm 2.x adds fields (payload, gas_used, msg_responses) that 1.x lacks.

export class Reply {
  constructor(
    readonly id: u64,
    /** The submessage's error, or null when it succeeded. */
    readonly error: string | null,
    readonly events: Array<Event>,
    readonly data: Uint8Array | null,
  ) {}

  static decode(value: JsonValue): Result<Reply> {
    const id = value.get('id');
    const result = value.get('result');
    if (id === null || result === null)
      return Result.err<Reply>('Error parsing into type Reply: missing id or result');
    const idValue = id.toU64();
    if (idValue.isErr) return Result.err<Reply>('Error parsing into type Reply: invalid id');
    const error = result.get('error');
    if (error !== null) return Result.ok<Reply>(new Reply(idValue.value, error.text, [], null));
    const ok = result.get('ok');
    if (ok === null)
      return Result.err<Reply>('Error parsing into type Reply: result is neither ok nor error');
    const events: Array<Event> = [];
    const eventsValue = ok.get('events');
    if (eventsValue !== null && eventsValue.kind === JsonKind.Array) {
      for (let i = 0; i < eventsValue.items.length; i++) {
        const decoded = decodeEvent(eventsValue.items[i]);
        if (decoded === null) return Result.err<Reply>('Error parsing into type Reply: malformed event');
        events.push(decoded);
      }
    }
    let data: Uint8Array | null = null;
    const dataValue = ok.get('data');
    if (dataValue !== null && dataValue.kind === JsonKind.String) {
      data = fromBase64(dataValue.text);
      if (data === null) return Result.err<Reply>('Error parsing into type Reply: invalid base64 data');
    }
    return Result.ok<Reply>(new Reply(idValue.value, null, events, data));
  }
}

function decodeEvent(value: JsonValue): Event | null {
  const type = value.get('type');
  const attributes = value.get('attributes');
  if (
    type === null ||
    type.kind !== JsonKind.String ||
    attributes === null ||
    attributes.kind !== JsonKind.Array
  )
    return null;
  const event = new Event(type.text);
  for (let i = 0; i < attributes.items.length; i++) {
    const key = attributes.items[i].get('key');
    const text = attributes.items[i].get('value');
    if (key === null || text === null) return null;
    event.add(key.text, text.text);
  }
  return event;
}
