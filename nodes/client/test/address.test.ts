import { ed25519 } from '@noble/curves/ed25519';
import fc from 'fast-check';
import { encodeBase58 } from '../src/address/base58';
import {
  formatRecipient,
  parseRecipient,
  type Recipient,
  recipientFromBytes,
  recipientToBytes,
} from '../src/address/recipient';
import { formatSenderTag, parseSenderTag } from '../src/address/sender-tag';
import { ClientError } from '../src/errors';

const identity = (seed: number) => ed25519.getPublicKey(new Uint8Array(32).fill(seed));
const recipient = (seed: number): Recipient => ({
  identity: identity(seed),
  encryption: new Uint8Array(32).fill(seed + 1),
  gateway: identity(seed + 2),
});

// An address from Nym's own tests (clients/native/websocket-requests `requests.rs`).
const NYM_ADDRESS =
  'CytBseW6yFXUMzz4SGAKdNLGR7q3sJLLYxyBGvutNEQV.4QXYyEVc5fUDjmmi8PrHN9tdUFV4PCvSJE1278cHyvoe@4sBbL1ngf1vtNqykydQKTFh26sQCw888GpUqvPvyNB4f';

function errorOf(fn: () => unknown): ClientError {
  try {
    fn();
  } catch (error) {
    return error as ClientError;
  }
  throw new Error('expected an error');
}

describe('Nym addresses', () => {
  it('parses an address from Nym and prints it back unchanged', () => {
    const parsed = parseRecipient(NYM_ADDRESS);
    expect(formatRecipient(parsed)).toBe(NYM_ADDRESS);
    expect(recipientToBytes(parsed)).toHaveLength(96);
    expect(recipientFromBytes(recipientToBytes(parsed))).toEqual(parsed);
  });

  it('round-trips any valid keys through text and bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (seed) => {
        const address = recipient(seed);
        expect(parseRecipient(formatRecipient(address))).toEqual(address);
        expect(recipientFromBytes(recipientToBytes(address))).toEqual(address);
      }),
      { numRuns: 40 },
    );
  });

  it('says what is wrong with a malformed address', () => {
    const good = formatRecipient(recipient(3));
    const [client, gateway] = good.split('@') as [string, string];
    const [id, enc] = client.split('.') as [string, string];
    const cases: [string, RegExp][] = [
      [`${client}`, /exactly one "@"/],
      [`${client}@${gateway}@${gateway}`, /exactly one "@"/],
      [`${id}@${gateway}`, /<identity>\.<encryption>/],
      [`${id}.${enc}.x@${gateway}`, /<identity>\.<encryption>/],
      [`${id}0OIl.${enc}@${gateway}`, /identity key .* is not base58/],
      [
        `${id}.${encodeBase58(new Uint8Array(31).fill(1))}@${gateway}`,
        /encryption key .* 31 bytes, expected 32/,
      ],
      [`${id}.${enc}@${encodeBase58(new Uint8Array(33).fill(1))}`, /gateway identity key .* 33 bytes/],
    ];
    for (const [text, message] of cases) {
      const error = errorOf(() => parseRecipient(text));
      expect(error).toBeInstanceOf(ClientError);
      expect(error.code).toBe('bad_address');
      expect(error.message).toMatch(message);
    }
  });

  it('refuses identity keys that are not ed25519 points or have small order', () => {
    const address = recipient(9);
    // y = 2 is not on the curve; the identity point (y = 1) has small order.
    const notOnCurve = new Uint8Array(32);
    notOnCurve[0] = 2;
    const smallOrder = new Uint8Array(32);
    smallOrder[0] = 1;
    for (const bad of [notOnCurve, smallOrder]) {
      expect(() => recipientFromBytes(recipientToBytes({ ...address, identity: bad }))).toThrow(
        /identity key/,
      );
      expect(() => parseRecipient(formatRecipient({ ...address, gateway: bad }))).toThrow(
        /gateway identity key/,
      );
    }
    expect(() => recipientFromBytes(new Uint8Array(95))).toThrow(/96 bytes/);
  });

  it('parses sender tags of 16 bytes only', () => {
    const tag = new Uint8Array(16).fill(42);
    expect(parseSenderTag(formatSenderTag(tag))).toEqual(tag);
    expect(() => parseSenderTag(encodeBase58(new Uint8Array(15).fill(1)))).toThrow(/15 bytes, expected 16/);
    expect(() => parseSenderTag('not base58 0')).toThrow(/not base58/);
  });
});
