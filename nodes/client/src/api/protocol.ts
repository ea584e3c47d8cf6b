import {
  parseRecipient,
  type Recipient,
  RECIPIENT_SIZE,
  recipientFromBytes,
  recipientToBytes,
} from '../address/recipient';
import { parseSenderTag } from '../address/sender-tag';
import { concatBytes } from '@noble/hashes/utils';
import { readU32BE, readU64BE, u64BE } from '../bytes';
import { SENDER_TAG_SIZE } from '../constants';

// nym-client's WebSocket protocol (clients/native/websocket-requests: requests.rs, responses.rs,
// text.rs, error.rs; documented at https://nym.com/docs/developers/clients/websocket/usage).
// Text frames carry JSON tagged by "type"; binary frames are a u8 tag followed by fixed fields,
// u64 big-endian lengths and ids.

export const ErrorKind = {
  emptyRequest: 0x01,
  tooShortRequest: 0x02,
  unknownRequest: 0x03,
  malformedRequest: 0x04,
  other: 0xff,
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

const ERROR_TEXT: Record<ErrorKind, string> = {
  [ErrorKind.emptyRequest]: 'received request contained no data',
  [ErrorKind.tooShortRequest]: 'received request did not contain enough data',
  [ErrorKind.unknownRequest]: 'unknown request type',
  [ErrorKind.malformedRequest]: 'malformed request',
  [ErrorKind.other]: 'other',
};

export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** As nym-client prints it: `<kind>:<message>`. */
  describe(): string {
    return `${ERROR_TEXT[this.kind]}:${this.message}`;
  }
}

/** connection ids are u64; 0 in the binary form means none. */
export type ApiRequest =
  | { kind: 'send'; recipient: Recipient; message: Uint8Array; connectionId?: bigint }
  | {
      kind: 'sendAnonymous';
      recipient: Recipient;
      message: Uint8Array;
      replySurbs: number;
      connectionId?: bigint;
    }
  | { kind: 'reply'; senderTag: Uint8Array; message: Uint8Array; connectionId?: bigint }
  | { kind: 'selfAddress' }
  | { kind: 'closedConnection'; connectionId: bigint }
  | { kind: 'getLaneQueueLength'; connectionId: bigint };

export type ApiResponse =
  | { kind: 'received'; message: Uint8Array; senderTag?: Uint8Array }
  | { kind: 'selfAddress'; address: Recipient; text: string }
  | { kind: 'laneQueueLength'; lane: bigint; queueLength: number }
  | { kind: 'error'; error: ApiError };

const REQUEST_TAG = {
  send: 0x00,
  sendAnonymous: 0x01,
  reply: 0x02,
  selfAddress: 0x03,
  closedConnection: 0x04,
  getLaneQueueLength: 0x05,
} as const;

const RESPONSE_TAG = { error: 0x00, received: 0x01, selfAddress: 0x02, laneQueueLength: 0x03 } as const;

function malformed(message: string): ApiError {
  return new ApiError(ErrorKind.malformedRequest, message);
}

function optionalConnection(id: bigint): { connectionId?: bigint } {
  return id === 0n ? {} : { connectionId: id };
}

function recipientAt(bytes: Uint8Array, offset: number): Recipient {
  try {
    return recipientFromBytes(bytes.subarray(offset, offset + RECIPIENT_SIZE));
  } catch (error) {
    throw malformed(`malformed recipient: ${(error as Error).message}`);
  }
}

/** `data_len (u64) ‖ data` at `offset`, which must end the frame. */
function lengthPrefixed(bytes: Uint8Array, offset: number, what: string): Uint8Array {
  const declared = readU64BE(bytes, offset);
  const data = bytes.subarray(offset + 8);
  if (BigInt(data.length) !== declared) {
    throw malformed(`${what} len has inconsistent length. specified: ${declared} got: ${data.length}`);
  }
  return data.slice();
}

function requireLength(bytes: Uint8Array, length: number, what: string): void {
  if (bytes.length < length) {
    throw new ApiError(ErrorKind.tooShortRequest, `not enough data provided to recover '${what}'`);
  }
}

/** Parses a binary request frame. */
export function decodeBinaryRequest(bytes: Uint8Array): ApiRequest {
  if (bytes.length === 0) throw new ApiError(ErrorKind.emptyRequest, 'no data provided');
  switch (bytes[0]) {
    case REQUEST_TAG.send: {
      // tag ‖ recipient (96) ‖ connection id (u64) ‖ data len (u64) ‖ data
      requireLength(bytes, 1 + RECIPIENT_SIZE + 16, 'send');
      const recipient = recipientAt(bytes, 1);
      const id = readU64BE(bytes, 1 + RECIPIENT_SIZE);
      const message = lengthPrefixed(bytes, 1 + RECIPIENT_SIZE + 8, 'data');
      return { kind: 'send', recipient, message, ...optionalConnection(id) };
    }
    case REQUEST_TAG.sendAnonymous: {
      // tag ‖ reply surbs (u32) ‖ recipient (96) ‖ connection id (u64) ‖ data len (u64) ‖ data
      requireLength(bytes, 5 + RECIPIENT_SIZE + 16, 'send_anonymous');
      const replySurbs = readU32BE(bytes, 1);
      const recipient = recipientAt(bytes, 5);
      const id = readU64BE(bytes, 5 + RECIPIENT_SIZE);
      const message = lengthPrefixed(bytes, 5 + RECIPIENT_SIZE + 8, 'data');
      return { kind: 'sendAnonymous', recipient, message, replySurbs, ...optionalConnection(id) };
    }
    case REQUEST_TAG.reply: {
      // tag ‖ sender tag (16) ‖ connection id (u64) ‖ message len (u64) ‖ message
      requireLength(bytes, 1 + SENDER_TAG_SIZE + 16, 'reply');
      const senderTag = bytes.slice(1, 1 + SENDER_TAG_SIZE);
      const id = readU64BE(bytes, 1 + SENDER_TAG_SIZE);
      const message = lengthPrefixed(bytes, 1 + SENDER_TAG_SIZE + 8, 'message');
      return { kind: 'reply', senderTag, message, ...optionalConnection(id) };
    }
    case REQUEST_TAG.selfAddress:
      return { kind: 'selfAddress' };
    case REQUEST_TAG.closedConnection:
    case REQUEST_TAG.getLaneQueueLength: {
      if (bytes.length !== 9) throw malformed('a connection request is a tag and a u64 connection id');
      const connectionId = readU64BE(bytes, 1);
      return bytes[0] === REQUEST_TAG.closedConnection
        ? { kind: 'closedConnection', connectionId }
        : { kind: 'getLaneQueueLength', connectionId };
    }
    default:
      throw new ApiError(
        ErrorKind.unknownRequest,
        `${bytes[0]} does not correspond to any valid request tag`,
      );
  }
}

function field(object: Record<string, unknown>, name: string, type: 'string' | 'number'): unknown {
  const value = object[name];
  if (value === undefined) throw malformed(`missing field \`${name}\``);
  if (typeof value !== type) throw malformed(`invalid type for \`${name}\`: expected a ${type}`);
  return value;
}

function textConnection(object: Record<string, unknown>): { connectionId?: bigint } {
  const value = object.connectionId;
  if (value === undefined || value === null) return {};
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw malformed('invalid type for `connectionId`: expected u64');
  return { connectionId: BigInt(value) };
}

function textRecipient(object: Record<string, unknown>): Recipient {
  try {
    return parseRecipient(field(object, 'recipient', 'string') as string);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw malformed((error as Error).message);
  }
}

const utf8 = new TextEncoder();

/** Parses a JSON (text) request; the message is sent as its UTF-8 bytes. */
export function decodeTextRequest(text: string): ApiRequest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformed((error as Error).message);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw malformed('expected a JSON object');
  const object = value as Record<string, unknown>;
  switch (object.type) {
    case 'send':
      return {
        kind: 'send',
        message: utf8.encode(field(object, 'message', 'string') as string),
        recipient: textRecipient(object),
        ...textConnection(object),
      };
    case 'sendAnonymous': {
      const replySurbs = field(object, 'replySurbs', 'number') as number;
      if (!Number.isInteger(replySurbs) || replySurbs < 0 || replySurbs > 0xffffffff)
        throw malformed('invalid value for `replySurbs`: expected u32');
      return {
        kind: 'sendAnonymous',
        message: utf8.encode(field(object, 'message', 'string') as string),
        recipient: textRecipient(object),
        replySurbs,
        ...textConnection(object),
      };
    }
    case 'reply': {
      let senderTag: Uint8Array;
      try {
        senderTag = parseSenderTag(field(object, 'senderTag', 'string') as string);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw malformed((error as Error).message);
      }
      return {
        kind: 'reply',
        senderTag,
        message: utf8.encode(field(object, 'message', 'string') as string),
        ...textConnection(object),
      };
    }
    case 'selfAddress':
      return { kind: 'selfAddress' };
    default:
      throw malformed(
        `unknown variant \`${String(object.type)}\`, expected one of \`send\`, \`sendAnonymous\`, \`reply\`, \`selfAddress\``,
      );
  }
}

const u8 = (value: number) => Uint8Array.of(value);

export function encodeBinaryResponse(response: ApiResponse): Uint8Array {
  switch (response.kind) {
    case 'received': {
      const tag = response.senderTag === undefined ? u8(0) : concatBytes(u8(1), response.senderTag);
      return concatBytes(
        u8(RESPONSE_TAG.received),
        tag,
        u64BE(BigInt(response.message.length)),
        response.message,
      );
    }
    case 'selfAddress':
      return concatBytes(u8(RESPONSE_TAG.selfAddress), recipientToBytes(response.address));
    case 'laneQueueLength':
      return concatBytes(
        u8(RESPONSE_TAG.laneQueueLength),
        u64BE(response.lane),
        u64BE(BigInt(response.queueLength)),
      );
    case 'error': {
      const message = utf8.encode(response.error.message);
      return concatBytes(
        u8(RESPONSE_TAG.error),
        u8(response.error.kind),
        u64BE(BigInt(message.length)),
        message,
      );
    }
  }
}

const lossyUtf8 = new TextDecoder('utf-8', { fatal: false });

export function encodeTextResponse(response: ApiResponse, formatTag: (tag: Uint8Array) => string): string {
  switch (response.kind) {
    case 'received':
      return JSON.stringify({
        type: 'received',
        message: lossyUtf8.decode(response.message),
        senderTag: response.senderTag === undefined ? null : formatTag(response.senderTag),
      });
    case 'selfAddress':
      return JSON.stringify({ type: 'selfAddress', address: response.text });
    case 'laneQueueLength':
      // nym-client's serde renames the variant but not this field.
      return `{"type":"laneQueueLength","lane":${response.lane},"queue_length":${response.queueLength}}`;
    case 'error':
      return JSON.stringify({ type: 'error', message: response.error.describe() });
  }
}
