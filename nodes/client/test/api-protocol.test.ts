import { ed25519 } from '@noble/curves/ed25519';
import { formatRecipient, type Recipient, recipientToBytes } from '../src/address/recipient';
import { formatSenderTag } from '../src/address/sender-tag';
import { concatBytes } from '@noble/hashes/utils';
import { u32BE, u64BE } from '../src/bytes';
import {
  ApiError,
  decodeBinaryRequest,
  decodeTextRequest,
  encodeBinaryResponse,
  encodeTextResponse,
  ErrorKind,
} from '../src/api/protocol';

const recipient: Recipient = {
  identity: ed25519.getPublicKey(new Uint8Array(32).fill(1)),
  encryption: new Uint8Array(32).fill(2),
  gateway: ed25519.getPublicKey(new Uint8Array(32).fill(3)),
};
const address = formatRecipient(recipient);
const tag = new Uint8Array(16).fill(0x2a);
const data = new TextEncoder().encode('foomp');

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected an ApiError');
}

describe('binary requests (requests.rs)', () => {
  it('reads send: 0x00 ‖ recipient ‖ connection id ‖ data len ‖ data', () => {
    const frame = concatBytes(Uint8Array.of(0), recipientToBytes(recipient), u64BE(42n), u64BE(5n), data);
    expect(decodeBinaryRequest(frame)).toEqual({ kind: 'send', recipient, message: data, connectionId: 42n });
    const noConnection = concatBytes(
      Uint8Array.of(0),
      recipientToBytes(recipient),
      u64BE(0n),
      u64BE(5n),
      data,
    );
    expect(decodeBinaryRequest(noConnection)).toEqual({ kind: 'send', recipient, message: data });
  });

  it('reads sendAnonymous: 0x01 ‖ reply surbs (u32) ‖ recipient ‖ connection id ‖ data len ‖ data', () => {
    const frame = concatBytes(
      Uint8Array.of(1),
      u32BE(666),
      recipientToBytes(recipient),
      u64BE(42n),
      u64BE(5n),
      data,
    );
    expect(decodeBinaryRequest(frame)).toEqual({
      kind: 'sendAnonymous',
      recipient,
      message: data,
      replySurbs: 666,
      connectionId: 42n,
    });
  });

  it('reads reply, selfAddress, closedConnection and getLaneQueueLength', () => {
    const reply = concatBytes(Uint8Array.of(2), tag, u64BE(0n), u64BE(5n), data);
    expect(decodeBinaryRequest(reply)).toEqual({ kind: 'reply', senderTag: tag, message: data });
    expect(decodeBinaryRequest(Uint8Array.of(3))).toEqual({ kind: 'selfAddress' });
    expect(decodeBinaryRequest(concatBytes(Uint8Array.of(4), u64BE(7n)))).toEqual({
      kind: 'closedConnection',
      connectionId: 7n,
    });
    expect(decodeBinaryRequest(concatBytes(Uint8Array.of(5), u64BE(7n)))).toEqual({
      kind: 'getLaneQueueLength',
      connectionId: 7n,
    });
  });

  it("answers bad frames with nym-client's error kinds", () => {
    expect(apiError(() => decodeBinaryRequest(new Uint8Array())).kind).toBe(ErrorKind.emptyRequest);
    expect(apiError(() => decodeBinaryRequest(Uint8Array.of(9))).kind).toBe(ErrorKind.unknownRequest);
    expect(apiError(() => decodeBinaryRequest(Uint8Array.of(0, 1, 2))).kind).toBe(ErrorKind.tooShortRequest);
    const wrongLength = concatBytes(
      Uint8Array.of(0),
      recipientToBytes(recipient),
      u64BE(0n),
      u64BE(6n),
      data,
    );
    expect(apiError(() => decodeBinaryRequest(wrongLength)).message).toMatch(/specified: 6 got: 5/);
    const badRecipient = concatBytes(Uint8Array.of(0), new Uint8Array(96), u64BE(0n), u64BE(0n));
    expect(apiError(() => decodeBinaryRequest(badRecipient)).message).toMatch(/malformed recipient/);
    expect(apiError(() => decodeBinaryRequest(Uint8Array.of(4, 1))).kind).toBe(ErrorKind.malformedRequest);
  });
});

describe('text requests (text.rs)', () => {
  it('reads the JSON forms, message as UTF-8', () => {
    expect(decodeTextRequest(JSON.stringify({ type: 'send', message: 'foomp', recipient: address }))).toEqual(
      { kind: 'send', recipient, message: data },
    );
    expect(
      decodeTextRequest(
        JSON.stringify({ type: 'send', message: 'foomp', recipient: address, connectionId: null }),
      ),
    ).toEqual({ kind: 'send', recipient, message: data });
    expect(
      decodeTextRequest(
        JSON.stringify({
          type: 'sendAnonymous',
          message: 'foomp',
          recipient: address,
          replySurbs: 5,
          connectionId: 3,
        }),
      ),
    ).toEqual({
      kind: 'sendAnonymous',
      recipient,
      message: data,
      replySurbs: 5,
      connectionId: 3n,
    });
    expect(
      decodeTextRequest(JSON.stringify({ type: 'reply', message: 'foomp', senderTag: formatSenderTag(tag) })),
    ).toEqual({ kind: 'reply', senderTag: tag, message: data });
    expect(decodeTextRequest('{"type":"selfAddress"}')).toEqual({ kind: 'selfAddress' });
  });

  it('calls everything wrong a malformed request, saying what', () => {
    const cases: [string, RegExp][] = [
      ['not json', /JSON|Unexpected/],
      ['[]', /JSON object/],
      ['{"type":"bogus"}', /unknown variant `bogus`/],
      ['{"type":"send","recipient":"x"}', /missing field `message`/],
      [JSON.stringify({ type: 'send', message: 1, recipient: address }), /invalid type for `message`/],
      [JSON.stringify({ type: 'send', message: 'm', recipient: 'nope' }), /not a Nym address/],
      [
        JSON.stringify({ type: 'sendAnonymous', message: 'm', recipient: address }),
        /missing field `replySurbs`/,
      ],
      [
        JSON.stringify({ type: 'sendAnonymous', message: 'm', recipient: address, replySurbs: -1 }),
        /replySurbs/,
      ],
      [JSON.stringify({ type: 'reply', message: 'm', senderTag: 'abc' }), /sender tag/],
    ];
    for (const [text, message] of cases) {
      const error = apiError(() => decodeTextRequest(text));
      expect(error.kind).toBe(ErrorKind.malformedRequest);
      expect(error.message).toMatch(message);
    }
  });
});

describe('responses (responses.rs, text.rs)', () => {
  it('writes received with and without a sender tag', () => {
    expect(encodeBinaryResponse({ kind: 'received', message: data, senderTag: tag })).toEqual(
      concatBytes(Uint8Array.of(1, 1), tag, u64BE(5n), data),
    );
    expect(encodeBinaryResponse({ kind: 'received', message: data })).toEqual(
      concatBytes(Uint8Array.of(1, 0), u64BE(5n), data),
    );
    expect(
      JSON.parse(encodeTextResponse({ kind: 'received', message: data, senderTag: tag }, formatSenderTag)),
    ).toEqual({
      type: 'received',
      message: 'foomp',
      senderTag: formatSenderTag(tag),
    });
    expect(
      encodeTextResponse({ kind: 'received', message: Uint8Array.of(0xff, 0x41) }, formatSenderTag),
    ).toBe('{"type":"received","message":"\uFFFDA","senderTag":null}');
  });

  it('writes selfAddress, laneQueueLength and error', () => {
    expect(encodeBinaryResponse({ kind: 'selfAddress', address: recipient, text: address })).toEqual(
      concatBytes(Uint8Array.of(2), recipientToBytes(recipient)),
    );
    expect(
      encodeTextResponse({ kind: 'selfAddress', address: recipient, text: address }, formatSenderTag),
    ).toBe(`{"type":"selfAddress","address":"${address}"}`);
    expect(encodeBinaryResponse({ kind: 'laneQueueLength', lane: 13n, queueLength: 42 })).toEqual(
      concatBytes(Uint8Array.of(3), u64BE(13n), u64BE(42n)),
    );
    expect(encodeTextResponse({ kind: 'laneQueueLength', lane: 13n, queueLength: 42 }, formatSenderTag)).toBe(
      '{"type":"laneQueueLength","lane":13,"queue_length":42}',
    );
    const error = new ApiError(ErrorKind.unknownRequest, 'foomp message');
    const message = new TextEncoder().encode('foomp message');
    expect(encodeBinaryResponse({ kind: 'error', error })).toEqual(
      concatBytes(Uint8Array.of(0, 3), u64BE(BigInt(message.length)), message),
    );
    expect(encodeTextResponse({ kind: 'error', error }, formatSenderTag)).toBe(
      '{"type":"error","message":"unknown request type:foomp message"}',
    );
  });
});
