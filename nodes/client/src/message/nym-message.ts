import { concatBytes } from '@noble/hashes/utils';
import { readU16BE, readU32BE, u16BE, u32BE } from '../bytes';
import { PAYLOAD_KEY_SEED_SIZE } from '@nymts/sphinx';
import { REPLY_SURB_V1_SIZE, SENDER_TAG_SIZE } from '../constants';
import { ClientError } from '../errors';
import { type Recipient, RECIPIENT_SIZE, recipientFromBytes, recipientToBytes } from '../address/recipient';
import { decodeReplySurb, encodeReplySurb, type ReplySurb, replySurbV2Size } from './reply-surb';

// NymMessage = type (1) ‖ body (nym-sphinx `message.rs`): Plain 0, Repliable 1, Reply 2.
// Repliable = sender tag (16) ‖ content tag (1) ‖ content; content tags Data 0, AdditionalSurbs 1,
// Heartbeat 2 (v1: surb count u32 ‖ SURBs of 4 hops with 192-byte keys), and 3–5 the same three
// in the v2 encoding (count u16 ‖ hops u8 ‖ SURBs with 16-byte seeds). Data appends the message.
// Reply = content tag (1) ‖ content; Data 0 = the message, SurbRequest 1 = recipient (96) ‖ amount u32.

export type RepliableContent =
  | { kind: 'data'; data: Uint8Array; replySurbs: ReplySurb[] }
  | { kind: 'additional_surbs'; replySurbs: ReplySurb[] }
  | { kind: 'heartbeat'; replySurbs: ReplySurb[] };

export type ReplyContent =
  { kind: 'data'; data: Uint8Array } | { kind: 'surb_request'; recipient: Recipient; amount: number };

export type NymMessage =
  | { kind: 'plain'; data: Uint8Array }
  | { kind: 'repliable'; senderTag: Uint8Array; content: RepliableContent }
  | { kind: 'reply'; content: ReplyContent };

const MESSAGE_TYPE = { plain: 0, repliable: 1, reply: 2 } as const;
const REPLIABLE_TAG = { data: 0, additional_surbs: 1, heartbeat: 2 } as const;
const REPLIABLE_V2_OFFSET = 3;
const REPLY_TAG = { data: 0, surb_request: 1 } as const;

function malformed(message: string): ClientError {
  return new ClientError('malformed_message', message, { action: 'drop' });
}

/** SURBs of version 259 carry 16-byte payload-key seeds, which only the v2 encoding holds. */
function usesSeeds(surbs: ReplySurb[]): boolean {
  const seeds = surbs.filter((surb) =>
    surb.surb.payloadKeys.every((key) => key.length === PAYLOAD_KEY_SEED_SIZE),
  );
  if (seeds.length !== 0 && seeds.length !== surbs.length) {
    throw new ClientError('malformed_request', 'one message cannot carry SURBs of both payload-key forms');
  }
  return seeds.length > 0;
}

function encodeSurbs(surbs: ReplySurb[], v2: boolean): Uint8Array {
  if (!v2) return concatBytes(u32BE(surbs.length), ...surbs.map(encodeReplySurb));
  const hops = (surbs[0] as ReplySurb).surb.payloadKeys.length;
  if (surbs.some((surb) => surb.surb.payloadKeys.length !== hops)) {
    throw new ClientError('malformed_request', 'the v2 SURB encoding needs SURBs of one route length');
  }
  return concatBytes(u16BE(surbs.length), Uint8Array.of(hops), ...surbs.map(encodeReplySurb));
}

function encodeRepliable(senderTag: Uint8Array, content: RepliableContent): Uint8Array {
  const v2 = usesSeeds(content.replySurbs);
  const surbs = encodeSurbs(content.replySurbs, v2);
  const body = content.kind === 'data' ? concatBytes(surbs, content.data) : surbs;
  const tag = REPLIABLE_TAG[content.kind] + (v2 ? REPLIABLE_V2_OFFSET : 0);
  return concatBytes(senderTag, Uint8Array.of(tag), body);
}

function encodeReply(content: ReplyContent): Uint8Array {
  const body =
    content.kind === 'data'
      ? content.data
      : concatBytes(recipientToBytes(content.recipient), u32BE(content.amount));
  return concatBytes(Uint8Array.of(REPLY_TAG[content.kind]), body);
}

/**
 * Serialises to type ‖ body. SURBs with full Lioness keys (versions ≤ 258) go in the v1 encoding
 * every Nym client reads; SURBs with seeds (259) in the v2 encoding, as Nym's current clients send.
 */
export function encodeNymMessage(message: NymMessage): Uint8Array {
  switch (message.kind) {
    case 'plain':
      return concatBytes(Uint8Array.of(MESSAGE_TYPE.plain), message.data);
    case 'repliable':
      return concatBytes(
        Uint8Array.of(MESSAGE_TYPE.repliable),
        encodeRepliable(message.senderTag, message.content),
      );
    case 'reply':
      return concatBytes(Uint8Array.of(MESSAGE_TYPE.reply), encodeReply(message.content));
  }
}

function decodeSurbList(bytes: Uint8Array, v2: boolean): { surbs: ReplySurb[]; consumed: number } {
  const countSize = v2 ? 3 : 4;
  if (bytes.length < countSize) throw malformed('repliable message too short for its SURB count');
  const count = v2 ? readU16BE(bytes, 0) : readU32BE(bytes, 0);
  const size = v2 ? replySurbV2Size(bytes[2] as number) : REPLY_SURB_V1_SIZE;
  if (bytes.length - countSize < count * size) {
    throw malformed(`repliable message announces ${count} SURBs but holds ${bytes.length - countSize} bytes`);
  }
  const surbs: ReplySurb[] = [];
  for (let i = 0; i < count; i++) {
    const start = countSize + i * size;
    surbs.push(decodeReplySurb(bytes.subarray(start, start + size)));
  }
  return { surbs, consumed: countSize + count * size };
}

function decodeRepliable(bytes: Uint8Array): NymMessage {
  if (bytes.length < SENDER_TAG_SIZE + 2) throw malformed('repliable message too short');
  const senderTag = bytes.slice(0, SENDER_TAG_SIZE);
  const tag = bytes[SENDER_TAG_SIZE] as number;
  if (tag > REPLIABLE_V2_OFFSET + 2) throw malformed(`${tag} is not a repliable content tag`);
  const v2 = tag >= REPLIABLE_V2_OFFSET;
  const rest = bytes.subarray(SENDER_TAG_SIZE + 1);
  const { surbs, consumed } = decodeSurbList(rest, v2);
  const base = v2 ? tag - REPLIABLE_V2_OFFSET : tag;
  const content: RepliableContent =
    base === REPLIABLE_TAG.data
      ? { kind: 'data', data: rest.slice(consumed), replySurbs: surbs }
      : {
          kind: base === REPLIABLE_TAG.additional_surbs ? 'additional_surbs' : 'heartbeat',
          replySurbs: surbs,
        };
  return { kind: 'repliable', senderTag, content };
}

function decodeReply(bytes: Uint8Array): NymMessage {
  if (bytes.length < 2) throw malformed('reply message too short');
  const tag = bytes[0] as number;
  const rest = bytes.subarray(1);
  if (tag === REPLY_TAG.data) return { kind: 'reply', content: { kind: 'data', data: rest.slice() } };
  if (tag !== REPLY_TAG.surb_request) throw malformed(`${tag} is not a reply content tag`);
  if (rest.length !== RECIPIENT_SIZE + 4) throw malformed('a SURB request is an address and a u32 amount');
  let recipient: Recipient;
  try {
    recipient = recipientFromBytes(rest.subarray(0, RECIPIENT_SIZE));
  } catch (error) {
    throw malformed(`SURB request names an invalid address: ${(error as Error).message}`);
  }
  return {
    kind: 'reply',
    content: { kind: 'surb_request', recipient, amount: readU32BE(rest, RECIPIENT_SIZE) },
  };
}

export function decodeNymMessage(bytes: Uint8Array): NymMessage {
  if (bytes.length === 0) throw malformed('empty message');
  const body = bytes.subarray(1);
  switch (bytes[0]) {
    case MESSAGE_TYPE.plain:
      return { kind: 'plain', data: body.slice() };
    case MESSAGE_TYPE.repliable:
      return decodeRepliable(body);
    case MESSAGE_TYPE.reply:
      return decodeReply(body);
    default:
      throw malformed(`${bytes[0]} is not a message type`);
  }
}
