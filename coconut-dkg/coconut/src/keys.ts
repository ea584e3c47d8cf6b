import { Fr, evaluatePolynomial, systemRandomBytes, type RandomBytes, type Scalar } from '@nymts/bls12-381';
import { CoconutError } from './errors';
import type { Parameters } from './params';
import type { KeyShare, SecretKey, VerificationKey } from './types';

export interface RandomnessOptions {
  /** node:crypto unless a test injects a seeded source to make known-answer vectors. */
  rng?: RandomBytes;
}

export function createSecretKey(x: Scalar, ys: readonly Scalar[]): SecretKey {
  return Object.freeze({ x: Fr.create(x), ys: Object.freeze(ys.map(Fr.create)) });
}

/** Freezes the key, which also lets verifiers cache its fixed-base tables. */
export function createVerificationKey(key: VerificationKey): VerificationKey {
  return Object.freeze({
    alpha: key.alpha,
    beta1: Object.freeze([...key.beta1]),
    beta2: Object.freeze([...key.beta2]),
  });
}

function checkAttributeCount(params: Parameters, count: number, what: string): void {
  if (count < 1 || count > params.maxAttributes) {
    throw new CoconutError(
      'bad-argument',
      `${what} covers ${count} attributes; the parameters allow 1..${params.maxAttributes}`,
      {
        count,
        maxAttributes: params.maxAttributes,
      },
    );
  }
}

export function verificationKeyFromSecret(params: Parameters, secretKey: SecretKey): VerificationKey {
  checkAttributeCount(params, secretKey.ys.length, 'the secret key');
  return createVerificationKey({
    alpha: params.g2.mul(secretKey.x),
    beta1: secretKey.ys.map((y) => params.g1.mul(y)),
    beta2: secretKey.ys.map((y) => params.g2.mul(y)),
  });
}

/** One authority's keys, for tests and single-signer use: x, y₁..y_q uniformly random. */
export function keygen(params: Parameters, options: RandomnessOptions = {}): KeyShare {
  const rng = options.rng ?? systemRandomBytes;
  const secretKey = createSecretKey(
    Fr.random(rng),
    Array.from({ length: params.maxAttributes }, () => Fr.random(rng)),
  );
  return Object.freeze({
    index: 1,
    secretKey,
    verificationKey: verificationKeyFromSecret(params, secretKey),
  });
}

/**
 * Trusted-dealer keygen, for tests only (production keys come from the DKG): polynomials v and
 * w₁..w_q of degree t − 1; authority i ∈ 1..n receives v(i) and wⱼ(i). Any t shares reconstruct.
 */
export function ttpKeygen(
  params: Parameters,
  threshold: number,
  authorities: number,
  options: RandomnessOptions = {},
): KeyShare[] {
  if (
    !Number.isInteger(threshold) ||
    !Number.isInteger(authorities) ||
    threshold < 1 ||
    threshold > authorities
  ) {
    throw new CoconutError(
      'bad-argument',
      `a threshold of ${threshold} of ${authorities} authorities is impossible`,
      {
        threshold,
        authorities,
      },
    );
  }
  const rng = options.rng ?? systemRandomBytes;
  const polynomial = () => Array.from({ length: threshold }, () => Fr.random(rng));
  const v = polynomial();
  const ws = Array.from({ length: params.maxAttributes }, polynomial);
  return Array.from({ length: authorities }, (_, i) => {
    const index = i + 1;
    const secretKey = createSecretKey(
      evaluatePolynomial(v, BigInt(index)),
      ws.map((w) => evaluatePolynomial(w, BigInt(index))),
    );
    return Object.freeze({ index, secretKey, verificationKey: verificationKeyFromSecret(params, secretKey) });
  });
}

/**
 * Refuses a key whose parts are inconsistent: sizes, identity points, or some β1ⱼ and β2ⱼ not
 * sharing their yⱼ (e(g1, β2ⱼ) = e(β1ⱼ, g2)). A wrong β1 would silently break unblinding. All j
 * are checked in one pairing product under random weights ρⱼ:
 * e(g1, Σ ρⱼ·β2ⱼ) · e(−Σ ρⱼ·β1ⱼ, g2) = 1.
 */
export function checkVerificationKey(params: Parameters, key: VerificationKey): void {
  const { G1, G2 } = params.bls;
  if (key.beta1.length !== key.beta2.length) {
    throw new CoconutError('invalid-key', `β1 has ${key.beta1.length} points but β2 has ${key.beta2.length}`);
  }
  checkAttributeCount(params, key.beta2.length, 'the verification key');
  if (G2.isZero(key.alpha) || key.beta1.some((p) => G1.isZero(p)) || key.beta2.some((p) => G2.isZero(p))) {
    throw new CoconutError('invalid-key', 'a verification key contains the identity');
  }
  const weights = key.beta2.map(() => Fr.random());
  const consistent = params.bls.pairingProductIsOne([
    [G1.generator, G2.msm(key.beta2, weights)],
    [G1.neg(G1.msm(key.beta1, weights)), G2.generator],
  ]);
  if (!consistent) throw new CoconutError('invalid-key', 'β1 and β2 of the verification key do not match');
}

/** Whether two keys are the same key (the DKG's check of a submitted key against its recomputation). */
export function sameVerificationKey(params: Parameters, a: VerificationKey, b: VerificationKey): boolean {
  const { G1, G2 } = params.bls;
  return (
    a.beta1.length === b.beta1.length &&
    a.beta2.length === b.beta2.length &&
    G2.eq(a.alpha, b.alpha) &&
    a.beta1.every((p, j) => G1.eq(p, b.beta1[j]!)) &&
    a.beta2.every((p, j) => G2.eq(p, b.beta2[j]!))
  );
}
