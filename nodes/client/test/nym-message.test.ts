import { ed25519 } from '@noble/curves/ed25519';
import { createSurb, decodeSurb, encodeSurb, generateSphinxKeyPair, HEADER_SIZE } from '@nymts/sphinx';
import { concatBytes } from '@noble/hashes/utils';
import { u16BE, u32BE } from '../src/bytes';
import { REPLY_SURB_V1_SIZE } from '../src/constants';
import { ClientError } from '../src/errors';
import { decodeNymMessage, encodeNymMessage, type NymMessage } from '../src/message/nym-message';
import { padMessage, unpadMessage } from '../src/message/padding';
import { decodeReplySurb, encodeReplySurb, type ReplySurb } from '../src/message/reply-surb';
import { layoutFor } from '../src/chunking/split';
import { createSeededRng } from './support/seeded-rng';

const rng = createSeededRng('messages');
const hop = (i: number) => ({
  address: new Uint8Array(32).fill(i),
  publicKey: generateSphinxKeyPair(rng.randomBytes).publicKey,
});

function replySurb(version = 258): ReplySurb {
  const surb = createSurb({
    route: [hop(1), hop(2), hop(3), hop(4)],
    destination: new Uint8Array(32).fill(9),
    delaysNanos: [1n, 2n, 3n, 4n],
    version,
    rng: rng.randomBytes,
  });
  return { replyKey: rng.randomBytes(16), surb };
}

const recipient = {
  identity: ed25519.getPublicKey(new Uint8Array(32).fill(1)),
  encryption: new Uint8Array(32).fill(2),
  gateway: ed25519.getPublicKey(new Uint8Array(32).fill(3)),
};

describe('NymMessage (nym-sphinx message.rs, anonymous-replies requests)', () => {
  it('lays out each variant byte for byte', () => {
    const data = Uint8Array.of(0xde, 0xad);
    const tag = new Uint8Array(16).fill(0x42);
    const surbs = [replySurb()];
    expect(encodeNymMessage({ kind: 'plain', data })).toEqual(Uint8Array.of(0, 0xde, 0xad));
    expect(
      encodeNymMessage({
        kind: 'repliable',
        senderTag: tag,
        content: { kind: 'data', data, replySurbs: surbs },
      }),
    ).toEqual(
      concatBytes(Uint8Array.of(1), tag, Uint8Array.of(0), u32BE(1), encodeReplySurb(surbs[0]!), data),
    );
    expect(
      encodeNymMessage({
        kind: 'repliable',
        senderTag: tag,
        content: { kind: 'additional_surbs', replySurbs: [] },
      }),
    ).toEqual(concatBytes(Uint8Array.of(1), tag, Uint8Array.of(1), u32BE(0)));
    expect(encodeNymMessage({ kind: 'reply', content: { kind: 'data', data } })).toEqual(
      Uint8Array.of(2, 0, 0xde, 0xad),
    );
    expect(
      encodeNymMessage({ kind: 'reply', content: { kind: 'surb_request', recipient, amount: 300 } }),
    ).toEqual(
      concatBytes(
        Uint8Array.of(2, 1),
        recipient.identity,
        recipient.encryption,
        recipient.gateway,
        u32BE(300),
      ),
    );
    expect(encodeReplySurb(surbs[0]!)).toHaveLength(REPLY_SURB_V1_SIZE);
    expect(REPLY_SURB_V1_SIZE).toBe(16 + HEADER_SIZE + 32 + 4 * 192);
  });

  it('round-trips every variant', () => {
    const tag = rng.randomBytes(16);
    const messages: NymMessage[] = [
      { kind: 'plain', data: rng.randomBytes(100) },
      {
        kind: 'repliable',
        senderTag: tag,
        content: { kind: 'data', data: rng.randomBytes(10), replySurbs: [replySurb(), replySurb()] },
      },
      {
        kind: 'repliable',
        senderTag: tag,
        content: { kind: 'data', data: new Uint8Array(), replySurbs: [] },
      },
      { kind: 'repliable', senderTag: tag, content: { kind: 'additional_surbs', replySurbs: [replySurb()] } },
      { kind: 'repliable', senderTag: tag, content: { kind: 'heartbeat', replySurbs: [replySurb()] } },
      { kind: 'reply', content: { kind: 'data', data: rng.randomBytes(7) } },
      { kind: 'reply', content: { kind: 'surb_request', recipient, amount: 10 } },
    ];
    for (const message of messages) expect(decodeNymMessage(encodeNymMessage(message))).toEqual(message);
  });

  it('reads the v2 SURB encoding (u16 count ‖ hops ‖ SURBs with 16-byte seeds)', () => {
    const surb = replySurb(259);
    const bytes = concatBytes(
      Uint8Array.of(1),
      new Uint8Array(16).fill(5),
      Uint8Array.of(3),
      u16BE(1),
      Uint8Array.of(4),
      surb.replyKey,
      encodeSurb(surb.surb),
      Uint8Array.of(0x77),
    );
    const decoded = decodeNymMessage(bytes);
    expect(decoded).toEqual({
      kind: 'repliable',
      senderTag: new Uint8Array(16).fill(5),
      content: {
        kind: 'data',
        data: Uint8Array.of(0x77),
        replySurbs: [{ replyKey: surb.replyKey, surb: decodeSurb(encodeSurb(surb.surb)) }],
      },
    });
  });

  it('writes SURBs with seeds (version 259) in the v2 encoding, and older ones in v1', () => {
    const tag = new Uint8Array(16).fill(5);
    const seeded = replySurb(259);
    const v2 = encodeNymMessage({
      kind: 'repliable',
      senderTag: tag,
      content: { kind: 'additional_surbs', replySurbs: [seeded, seeded] },
    });
    expect(v2.subarray(0, 21)).toEqual(
      concatBytes(Uint8Array.of(1), tag, Uint8Array.of(4), u16BE(2), Uint8Array.of(4)),
    );
    expect(v2).toHaveLength(21 + 2 * (16 + encodeSurb(seeded.surb).length));
    const v1 = encodeNymMessage({
      kind: 'repliable',
      senderTag: tag,
      content: { kind: 'additional_surbs', replySurbs: [replySurb(258)] },
    });
    expect(v1.subarray(0, 22)).toEqual(concatBytes(Uint8Array.of(1), tag, Uint8Array.of(1), u32BE(1)));
    expect(() =>
      encodeNymMessage({
        kind: 'repliable',
        senderTag: tag,
        content: { kind: 'heartbeat', replySurbs: [replySurb(258), seeded] },
      }),
    ).toThrow(/both payload-key forms/);
  });

  it('drops malformed messages with a clear error', () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(), /empty/],
      [Uint8Array.of(3), /not a message type/],
      [concatBytes(Uint8Array.of(1), new Uint8Array(16), Uint8Array.of(6, 0)), /not a repliable content tag/],
      [
        concatBytes(Uint8Array.of(1), new Uint8Array(16), Uint8Array.of(0), u32BE(1000)),
        /announces 1000 SURBs/,
      ],
      [concatBytes(Uint8Array.of(1), new Uint8Array(16), Uint8Array.of(0), u32BE(0xffffffff)), /announces/],
      [Uint8Array.of(2, 1, 0, 0), /an address and a u32/],
      [Uint8Array.of(2, 9, 0), /not a reply content tag/],
    ];
    for (const [bytes, message] of cases) {
      let error: unknown;
      try {
        decodeNymMessage(bytes);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ClientError);
      expect((error as ClientError).message).toMatch(message);
      expect((error as ClientError).action).toBe('drop');
    }
    expect(() => decodeReplySurb(new Uint8Array(400))).toThrow(/reply SURB/);
  });

  it('pads with 0x01 then zeros to whole fragments, and strips it again', () => {
    const layout = layoutFor(1611);
    for (const size of [0, 1, 1602, 1603, 1604, 5000]) {
      const serialized = new Uint8Array(size).fill(1);
      const padded = padMessage(serialized, layout);
      expect(padded.length % layout.unlinked).toBe(0);
      expect(padded[size]).toBe(1);
      expect(padded.subarray(size + 1).every((b) => b === 0)).toBe(true);
      expect(unpadMessage(padded)).toEqual(serialized);
    }
    expect(() => unpadMessage(new Uint8Array(10))).toThrow(/0x01 marker/);
  });
});
