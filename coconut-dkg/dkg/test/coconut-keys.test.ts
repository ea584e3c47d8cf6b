import {
  Fr,
  lagrangeAtZero,
  loadBackend,
  type Bls12381,
  type G1,
  type G2,
  type Scalar,
} from '@nymts/bls12-381';
import {
  checkVerificationKeyShare,
  coconutKeyShare,
  encodeCoconutSecretKey,
  encodeCoconutVerificationKey,
  type CoconutKeyShare,
} from '../src/coconut-keys';
import { DkgError } from '../src/errors';
import { createNodes, runDkg, type DkgRun } from './helpers/dkg-run';
import { seededRng } from './helpers/seeded-rng';

jest.setTimeout(120_000);

const Q = 2; // attributes; the DKG runs q + 1 sharings
const COCONUT_G1_DST = 'QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_';
let bls: Bls12381;
let run: DkgRun;
let keys: CoconutKeyShare[];

beforeAll(async () => {
  bls = await loadBackend();
  const nodes = createNodes(bls, [1, 2, 3, 4], seededRng('coconut/nodes'));
  run = runDkg(bls, { dealers: nodes, receivers: nodes, sharings: Q + 1 }, seededRng('coconut/run'));
  keys = run.receivers.map((receiver) =>
    coconutKeyShare(bls, receiver.index, run.shares.get(receiver.index)!),
  );
});

const recoveredFor = (index: number) => run.recovered.map((recovered) => recovered.partials.get(index)!);

function interpolate<P>(
  add: (a: P, b: P) => P,
  mul: (p: P, k: Scalar) => P,
  zero: P,
  shares: readonly [number, P][],
): P {
  const lambdas = lagrangeAtZero(shares.map(([index]) => BigInt(index)));
  return shares.reduce((acc, [, point], i) => add(acc, mul(point, lambdas[i]!)), zero);
}
const interpolateG1 = (shares: readonly [number, G1][]) =>
  interpolate(bls.G1.add, bls.G1.mul, bls.G1.zero, shares);
const interpolateG2 = (shares: readonly [number, G2][]) =>
  interpolate(bls.G2.add, bls.G2.mul, bls.G2.zero, shares);

describe('Coconut keys from the DKG', () => {
  it('each node’s key passes check_vk_pairing against the keys recovered from the dealings', () => {
    for (const key of keys) {
      expect(key.secretKey.ys).toHaveLength(Q);
      expect(checkVerificationKeyShare(bls, key.verificationKey, recoveredFor(key.index))).toBe(true);
    }
  });

  it('a key with a wrong β1, α or β2 fails the check', () => {
    const key = keys[0]!.verificationKey;
    const recovered = recoveredFor(keys[0]!.index);
    const g1 = bls.G1.generator;
    const g2 = bls.G2.generator;
    expect(
      checkVerificationKeyShare(
        bls,
        { ...key, beta1: [key.beta1[0]!, bls.G1.add(key.beta1[1]!, g1)] },
        recovered,
      ),
    ).toBe(false);
    expect(checkVerificationKeyShare(bls, { ...key, alpha: bls.G2.add(key.alpha, g2) }, recovered)).toBe(
      false,
    );
    expect(
      checkVerificationKeyShare(
        bls,
        { ...key, beta2: [bls.G2.add(key.beta2[0]!, g2), key.beta2[1]!] },
        recovered,
      ),
    ).toBe(false);
    expect(checkVerificationKeyShare(bls, key, recoveredFor(keys[1]!.index))).toBe(false);
    expect(checkVerificationKeyShare(bls, { ...key, beta1: key.beta1.slice(1) }, recovered)).toBe(false);
  });

  it('α and β from any t partial keys interpolate to the master key the DKG recovered', () => {
    for (const subset of [keys.slice(0, run.threshold), keys.slice(1)]) {
      const alpha = interpolateG2(subset.map((key) => [key.index, key.verificationKey.alpha]));
      expect(bls.G2.eq(alpha, run.recovered[0]!.master)).toBe(true);
      for (let j = 0; j < Q; j++) {
        const beta2 = interpolateG2(subset.map((key) => [key.index, key.verificationKey.beta2[j]!]));
        expect(bls.G2.eq(beta2, run.recovered[j + 1]!.master)).toBe(true);
        const beta1 = interpolateG1(subset.map((key) => [key.index, key.verificationKey.beta1[j]!]));
        const pairs: [G1, G2][] = [
          [bls.G1.generator, beta2],
          [bls.G1.neg(beta1), bls.G2.generator],
        ];
        expect(bls.pairingProductIsOne(pairs)).toBe(true);
      }
    }
  });

  it('t partial signatures from DKG keys aggregate to one that verifies under the master key; t − 1 do not', () => {
    // Coconut's public-attribute signature: s = (x + Σ y_j·m_j)·h, verified by
    // e(h, α + Σ m_j·β2_j) = e(s, g2).
    const attributes = [Fr.hashToScalar(new TextEncoder().encode('42'), 'test'), 7n];
    const h = bls.G1.hashToCurve(new TextEncoder().encode('dkg-coconut-test'), COCONUT_G1_DST);
    const partial = ({ index, secretKey }: CoconutKeyShare): [number, G1] => {
      const exponent = secretKey.ys.reduce(
        (acc, y, j) => Fr.add(acc, Fr.mul(y, attributes[j]!)),
        secretKey.x,
      );
      return [index, bls.G1.mul(h, exponent)];
    };
    const masterAlpha = run.recovered[0]!.master;
    const masterBetas = run.recovered.slice(1).map((recovered) => recovered.master);
    const kappa = bls.G2.msm([masterAlpha, ...masterBetas], [1n, ...attributes]);
    const verifies = (s: G1) =>
      bls.pairingProductIsOne([
        [h, kappa],
        [bls.G1.neg(s), bls.G2.generator],
      ]);

    expect(verifies(interpolateG1(keys.slice(1).map(partial)))).toBe(true);
    expect(verifies(interpolateG1([keys[0]!, keys[2]!, keys[3]!].map(partial)))).toBe(true);
    expect(verifies(interpolateG1(keys.slice(0, run.threshold - 1).map(partial)))).toBe(false);
  });

  it('encodes keys in Nym’s layouts', () => {
    const { secretKey, verificationKey: key } = keys[0]!;
    const secret = encodeCoconutSecretKey(secretKey);
    expect(secret).toHaveLength(40 + 32 * Q);
    expect(secret.subarray(0, 32)).toEqual(Fr.toBytes(secretKey.x));
    expect(secret.subarray(32, 40)).toEqual(new Uint8Array([Q, 0, 0, 0, 0, 0, 0, 0]));
    expect(secret.subarray(40 + 32)).toEqual(Fr.toBytes(secretKey.ys[1]!));
    const verification = encodeCoconutVerificationKey(bls, key);
    expect(verification).toHaveLength(104 + 144 * Q);
    expect(verification.subarray(0, 96)).toEqual(bls.G2.toBytes(key.alpha));
    expect(verification.subarray(104, 152)).toEqual(bls.G1.toBytes(key.beta1[0]!));
    expect(verification.subarray(104 + 48 * Q, 104 + 48 * Q + 96)).toEqual(bls.G2.toBytes(key.beta2[0]!));
  });

  it('needs at least two sharings (x and one y)', () => {
    expect(() => coconutKeyShare(bls, 1, [1n])).toThrow(DkgError);
  });
});
