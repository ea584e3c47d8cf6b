import { mclBackend, nobleBackend, type Bls12381 } from '@nymts/bls12-381';
import { decodeDealing, encodeDealing } from '../src/codec';
import { createDealing } from '../src/deal';
import { decryptShare } from '../src/decrypt';
import { generateKeyPair } from '../src/keys';
import { dkgParams } from '../src/params';
import { recoverVerificationKeys } from '../src/recover-keys';
import { type BteKeyPair, type Receiver } from '../src/types';
import { verifyDealing } from '../src/verify-dealing';
import { seededRng } from './helpers/seeded-rng';

// The same bytes through both backends: mcl (the default) and noble (the pure-JS reference).
// Small n, because noble spends milliseconds encoding each point of a transcript.
jest.setTimeout(120_000);

let mcl: Bls12381;
let noble: Bls12381;
let keys: BteKeyPair[];
let mclBytes: Uint8Array;
let nobleBytes: Uint8Array;
const INDICES = [1, 2];
const THRESHOLD = 2;

const receiversUnder = (bls: Bls12381): Receiver[] =>
  keys.map((key, i) => ({
    index: INDICES[i]!,
    publicKey: bls.G1.fromBytes(mcl.G1.toBytes(key.publicKey.key)),
  }));

beforeAll(async () => {
  mcl = await mclBackend();
  noble = nobleBackend();
  const rng = seededRng('cross/keys');
  keys = INDICES.map(() => generateKeyPair(mcl, rng));
  const dealing = (bls: Bls12381) =>
    encodeDealing(
      bls,
      createDealing(bls, { threshold: THRESHOLD, receivers: receiversUnder(bls) }, seededRng('cross/d')),
    );
  mclBytes = dealing(mcl);
  nobleBytes = dealing(noble);
});

describe('mcl and noble agree', () => {
  it('on the setup bases f and h', () => {
    const [a, b] = [dkgParams(mcl), dkgParams(noble)];
    expect(noble.G2.toBytes(b.f.point)).toEqual(mcl.G2.toBytes(a.f.point));
    expect(noble.G2.toBytes(b.h.point)).toEqual(mcl.G2.toBytes(a.h.point));
  });

  it('on every byte of a dealing made from the same randomness', () => {
    expect(nobleBytes).toEqual(mclBytes);
  });

  it('a dealing made under noble verifies, decrypts and recovers keys under mcl, and back', () => {
    const dealing = decodeDealing(mcl, nobleBytes);
    const receivers = receiversUnder(mcl);
    expect(verifyDealing(mcl, dealing, { threshold: THRESHOLD, receivers })).toEqual({ kind: 'valid' });
    const recovered = recoverVerificationKeys(mcl, [{ dealer: 1, dealing }], INDICES);
    keys.forEach((key, i) => {
      const result = decryptShare(mcl, {
        dealer: 1,
        dealing,
        receivers,
        receiver: INDICES[i]!,
        secretKey: key.secretKey,
      });
      if (result.kind !== 'share') throw new Error('share did not decrypt');
      expect(
        mcl.G2.eq(mcl.G2.mul(mcl.G2.generator, result.share), recovered.partials.get(INDICES[i]!)!),
      ).toBe(true);
    });

    const back = decodeDealing(noble, encodeDealing(mcl, dealing));
    expect(verifyDealing(noble, back, { threshold: THRESHOLD, receivers: receiversUnder(noble) })).toEqual({
      kind: 'valid',
    });
    const recoveredByNoble = recoverVerificationKeys(noble, [{ dealer: 1, dealing: back }], INDICES);
    expect(noble.G2.toBytes(recoveredByNoble.master)).toEqual(mcl.G2.toBytes(recovered.master));
  });
});
