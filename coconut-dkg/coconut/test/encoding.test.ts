// Every object's bytes round-trip, have Nym's sizes, decode on the other backend, and any
// corruption is refused as `malformed` rather than decoded into something else.
import fc from 'fast-check';
import { Fr, loadBackend } from '@nymts/bls12-381';
import {
  CoconutError,
  blindSign,
  decodeBlindSignRequest,
  decodeBlindedSignature,
  decodeCredential,
  decodeKeyShare,
  decodeSecretKey,
  decodeSignature,
  decodeVerificationKey,
  encodeBlindSignRequest,
  encodeBlindedSignature,
  encodeCredential,
  encodeKeyShare,
  encodeSecretKey,
  encodeSignature,
  encodeVerificationKey,
  prepareBlindSign,
  proveCredential,
  setup,
  type Parameters,
} from '../src';
import { bandwidthParams, context, issueVoucher } from './helpers';

let params: Parameters;
let reference: Parameters;
let objects: Record<
  string,
  { bytes: Uint8Array; size: number; decode: (p: Parameters, b: Uint8Array) => unknown }
>;

beforeAll(async () => {
  params = await bandwidthParams();
  reference = setup(await loadBackend('noble'), 4);
  const issued = issueVoucher(params, 2, 3);
  const pending = prepareBlindSign(params, issued.attributes);
  const blinded = blindSign(params, issued.signers[0]!.secretKey, pending.request, issued.attributes.public);
  const credential = proveCredential(
    params,
    issued.key,
    issued.signature,
    issued.attributes,
    context('gateway'),
  );
  objects = {
    signature: { bytes: encodeSignature(params, issued.signature), size: 96, decode: decodeSignature },
    'blinded signature': {
      bytes: encodeBlindedSignature(params, blinded),
      size: 96,
      decode: decodeBlindedSignature,
    },
    'blind-sign request': {
      bytes: encodeBlindSignRequest(params, pending.request),
      size: 408,
      decode: decodeBlindSignRequest,
    },
    credential: { bytes: encodeCredential(params, credential), size: 416, decode: decodeCredential },
    'verification key': {
      bytes: encodeVerificationKey(params, issued.key),
      size: 680,
      decode: decodeVerificationKey,
    },
    'secret key': {
      bytes: encodeSecretKey(issued.signers[0]!.secretKey),
      size: 168,
      decode: (p, b) => decodeSecretKey(p, b),
    },
    'key pair': {
      bytes: encodeKeyShare(params, issued.signers[1]!),
      size: 14 + 8 + 168 + 8 + 680 + 8,
      decode: decodeKeyShare,
    },
  };
});

const NAMES = [
  'signature',
  'blinded signature',
  'blind-sign request',
  'credential',
  'verification key',
  'secret key',
  'key pair',
];

function reencode(p: Parameters, name: string, value: unknown): Uint8Array {
  const v = value as never;
  switch (name) {
    case 'signature':
      return encodeSignature(p, v);
    case 'blinded signature':
      return encodeBlindedSignature(p, v);
    case 'blind-sign request':
      return encodeBlindSignRequest(p, v);
    case 'credential':
      return encodeCredential(p, v);
    case 'verification key':
      return encodeVerificationKey(p, v);
    case 'secret key':
      return encodeSecretKey(v);
    default:
      return encodeKeyShare(p, v);
  }
}

function outcome(run: () => unknown): string {
  try {
    run();
    return 'decoded';
  } catch (error) {
    if (error instanceof CoconutError) return error.code;
    throw error;
  }
}

describe.each(NAMES)('the %s encoding', (name) => {
  it('has Nym’s size and round-trips, on both backends', () => {
    const { bytes, size, decode } = objects[name]!;
    expect(bytes).toHaveLength(size);
    expect(reencode(params, name, decode(params, bytes))).toEqual(bytes);
    expect(reencode(reference, name, decode(reference, bytes))).toEqual(bytes);
  });

  it('refuses truncation and trailing bytes', () => {
    const { bytes, decode } = objects[name]!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), (cut) => {
        expect(outcome(() => decode(params, bytes.subarray(0, cut)))).toBe('malformed');
      }),
      { numRuns: 20 },
    );
    expect(outcome(() => decode(params, new Uint8Array([...bytes, 0])))).toBe('malformed');
  });

  it('decodes a corrupted encoding only if it is itself the canonical encoding of what it decodes to', () => {
    const { bytes, decode } = objects[name]!;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (at, flip) => {
          const corrupted = bytes.slice();
          corrupted[at] = (corrupted[at] as number) ^ flip;
          const result = outcome(() => {
            const value = decode(params, corrupted);
            // e.g. a changed scalar: then it is another object, with exactly these bytes.
            expect(reencode(params, name, value)).toEqual(corrupted);
          });
          expect(['decoded', 'malformed']).toContain(result);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('strict decoding', () => {
  it('refuses scalars ≥ r', () => {
    const key = objects['secret key']!.bytes.slice();
    key.set(new Uint8Array(32).fill(0xff), 0);
    expect(outcome(() => decodeSecretKey(params, key))).toBe('malformed');
    const credential = objects.credential!.bytes.slice();
    const r = Fr.toBytes(Fr.ORDER - 1n);
    r[0] = (r[0] as number) + 1; // r itself, little-endian
    credential.set(r, 288);
    expect(outcome(() => decodeCredential(params, credential))).toBe('malformed');
  });

  it('refuses identity points', () => {
    const signature = objects.signature!.bytes.slice();
    signature.set([0xc0, ...new Uint8Array(47)], 0);
    expect(outcome(() => decodeSignature(params, signature))).toBe('malformed');
    const credential = objects.credential!.bytes.slice();
    credential.set([0xc0, ...new Uint8Array(95)], 96); // ζ
    expect(outcome(() => decodeCredential(params, credential))).toBe('malformed');
  });

  it('refuses counts that disagree or exceed q', () => {
    const request = objects['blind-sign request']!.bytes.slice();
    request[96] = 3; // k = 3 in the header, 2 commitments follow
    expect(outcome(() => decodeBlindSignRequest(params, request))).toBe('malformed');
    const key = objects['verification key']!.bytes.slice();
    key[96] = 5; // q = 5 > 4
    expect(outcome(() => decodeVerificationKey(params, key))).toBe('malformed');
    expect(outcome(() => decodeCredential(params, objects.credential!.bytes.subarray(0, 400)))).toBe(
      'malformed',
    );
  });

  it('refuses a key pair without its prefix or with lengths that lie', () => {
    const pair = objects['key pair']!.bytes.slice();
    pair[0] = 0x43;
    expect(outcome(() => decodeKeyShare(params, pair))).toBe('malformed');
    const lying = objects['key pair']!.bytes.slice();
    lying[14] = 0xa0;
    expect(outcome(() => decodeKeyShare(params, lying))).toBe('malformed');
  });
});
