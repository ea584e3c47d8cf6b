import { Fr, loadBackend, type Bls12381 } from '@nymts/bls12-381';
import { decodeComplaint, decodeDealing } from '../src/codec';
import { decryptShare } from '../src/decrypt';
import { recoverVerificationKeys } from '../src/recover-keys';
import { verifyComplaint } from '../src/verify-complaint';
import { verifyDealing } from '../src/verify-dealing';
import katJson from './vectors/dkg-kat.json';
import hashing from './vectors/nym-dkg-hashing.json';
import { buildKat, receiversFromKat, unhex, type DkgKat } from './vectors/kat';

jest.setTimeout(60_000);

const kat: DkgKat = katJson;
let bls: Bls12381;
beforeAll(async () => {
  bls = await loadBackend();
});

describe("Nym's DKG hashing vectors", () => {
  it.each(hashing.hashToScalar.cases)('hash_to_scalar, case %#', ({ msg, scalarLE }) => {
    expect(Fr.toBytes(Fr.hashToScalar(unhex(msg), hashing.hashToScalar.dst))).toEqual(unhex(scalarLE));
  });

  it.each(hashing.hashToG2.cases)('hash_g2, case %#', ({ msg, point }) => {
    expect(bls.G2.toBytes(bls.G2.hashToCurve(unhex(msg), hashing.hashToG2.dst))).toEqual(unhex(point));
  });
});

describe('known-answer vectors from a fixed seed', () => {
  it('regenerate byte for byte', () => {
    expect(buildKat(bls)).toEqual(kat);
  });

  it('the committed dealing verifies, decrypts to the committed shares and recovers the committed keys', () => {
    const receivers = receiversFromKat(bls, kat);
    const dealing = decodeDealing(bls, unhex(kat.dealing));
    expect(verifyDealing(bls, dealing, { threshold: kat.threshold, receivers })).toEqual({ kind: 'valid' });
    kat.nodes.forEach((node, i) => {
      const secretKey = Fr.fromBytes(unhex(node.secretKey));
      const result = decryptShare(bls, { dealer: 1, dealing, receivers, receiver: node.index, secretKey });
      expect(result).toEqual({ kind: 'share', share: Fr.fromBytes(unhex(kat.shares[i]!.share)) });
    });
    const recovered = recoverVerificationKeys(
      bls,
      [{ dealer: 1, dealing }],
      receivers.map((r) => r.index),
    );
    expect(bls.G2.toBytes(recovered.master)).toEqual(unhex(kat.master));
    for (const { receiver, key } of kat.partials) {
      expect(bls.G2.toBytes(recovered.partials.get(receiver)!)).toEqual(unhex(key));
    }
  });

  it('the committed oversized-chunk dealing verifies and the committed complaint against it is upheld', () => {
    const receivers = receiversFromKat(bls, kat);
    const cheating = decodeDealing(bls, unhex(kat.cheatingDealing));
    expect(verifyDealing(bls, cheating, { threshold: kat.threshold, receivers })).toEqual({ kind: 'valid' });
    const complaint = decodeComplaint(bls, unhex(kat.complaint));
    expect(verifyComplaint(bls, complaint, cheating, receivers)).toEqual({ kind: 'upheld' });
  });
});
