import { loadBackend, type Bls12381 } from '@nymts/bls12-381';
import { u32be } from '../src/bytes';
import { decodeComplaint, decodeDealing, encodeDealing } from '../src/codec';
import { createDealing } from '../src/deal';
import { DkgError } from '../src/errors';
import { generateKeyPair } from '../src/keys';
import { seededRng } from './helpers/seeded-rng';

jest.setTimeout(30_000);

let bls: Bls12381;
let bytes: Uint8Array;
const RECEIVERS = 2;
const THRESHOLD = 2;

// Offsets in Nym's layout for t = 2, n = 2.
const COEFFICIENTS = 4;
const CIPHERTEXTS = COEFFICIENTS + 4 + 96 * THRESHOLD + 4;
const RECEIVER_COUNT = CIPHERTEXTS + 16 * (48 + 48 + 96);
const SHARING = CIPHERTEXTS + 16 * (48 + 48 + 96) + 4 + 16 * 48 * RECEIVERS + 4;
const CHUNKING = SHARING + 256 + 4;

function expectMalformed(mutated: Uint8Array, pattern: RegExp): void {
  let caught: unknown;
  try {
    decodeDealing(bls, mutated);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DkgError);
  expect((caught as DkgError).code).toBe('malformed-encoding');
  expect((caught as DkgError).message).toMatch(pattern);
}

function patched(offset: number, patch: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  copy.set(patch, offset);
  return copy;
}

beforeAll(async () => {
  bls = await loadBackend();
  const rng = seededRng('codec');
  const receivers = [3, 8].map((index) => ({ index, publicKey: generateKeyPair(bls, rng).publicKey.key }));
  bytes = encodeDealing(bls, createDealing(bls, { threshold: THRESHOLD, receivers }, rng));
});

describe('dealing decoding is strict', () => {
  it('finds the fields where Nym puts them', () => {
    expect(bytes.subarray(0, 4)).toEqual(u32be(4 + 96 * THRESHOLD));
    expect(bytes.subarray(COEFFICIENTS, COEFFICIENTS + 4)).toEqual(u32be(THRESHOLD));
    expect(bytes.subarray(RECEIVER_COUNT, RECEIVER_COUNT + 4)).toEqual(u32be(RECEIVERS));
    expect(bytes.subarray(SHARING - 4, SHARING)).toEqual(u32be(256));
    expect(bytes.length - CHUNKING).toBe(3524 + 80 * RECEIVERS);
  });

  it('refuses truncation and trailing bytes', () => {
    expectMalformed(bytes.subarray(0, bytes.length - 1), /proofOfChunking/);
    expectMalformed(new Uint8Array([...bytes, 0]), /trailing/);
    expectMalformed(new Uint8Array(3), /publicCoefficients length/);
  });

  it('refuses counts that do not fit the bytes, before allocating for them', () => {
    expectMalformed(patched(COEFFICIENTS, u32be(0xffffffff)), /coefficients/);
    expectMalformed(patched(RECEIVER_COUNT, u32be(0x7fffffff)), /chunks/);
    expectMalformed(patched(0, u32be(0xffffffff)), /publicCoefficients/);
  });

  it('refuses a receiver count of zero', () => {
    const noReceivers = patched(RECEIVER_COUNT, u32be(0));
    expectMalformed(noReceivers, /no receivers/);
  });

  it('refuses a non-canonical scalar and a point off the curve or not compressed', () => {
    const responseR = SHARING + 48 + 96 + 48;
    expectMalformed(patched(responseR, new Uint8Array(32).fill(0xff)), /responseR/);
    const offCurve = bytes.slice();
    offCurve[COEFFICIENTS + 4 + 95] = offCurve[COEFFICIENTS + 4 + 95]! ^ 1;
    expectMalformed(offCurve, /A\[0\]/);
    const uncompressed = bytes.slice();
    uncompressed[CIPHERTEXTS] = uncompressed[CIPHERTEXTS]! & 0x7f;
    expectMalformed(uncompressed, /rr\[0\]/);
  });
});

describe('complaint decoding is strict', () => {
  const valid = () => {
    const out = new Uint8Array(196);
    out[7] = 1; // dealer 1
    out[15] = 2; // receiver 2
    out.set(bls.G1.toBytes(bls.G1.generator), 20);
    out.set(bls.G1.toBytes(bls.G1.generator), 68);
    out.set(bls.G1.toBytes(bls.G1.generator), 116);
    return out;
  };

  it('reads a well-formed complaint', () => {
    expect(decodeComplaint(bls, valid())).toMatchObject({ dealer: 1, receiver: 2, chunk: 0 });
  });

  it('refuses index 0, a chunk index of 16 or more, and a wrong length', () => {
    const zeroDealer = valid();
    zeroDealer[7] = 0;
    expect(() => decodeComplaint(bls, zeroDealer)).toThrow(/dealer/);
    const badChunk = valid();
    badChunk[19] = 16;
    expect(() => decodeComplaint(bls, badChunk)).toThrow(/chunk 16/);
    expect(() => decodeComplaint(bls, valid().subarray(1))).toThrow(DkgError);
  });
});
