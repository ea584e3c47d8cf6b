import { Fr, systemRandomBytes, type Scalar } from '@nymts/bls12-381';
import { checkAttributeCounts } from '../attributes';
import { CoconutError } from '../errors';
import type { RandomnessOptions } from '../keys';
import type { Parameters } from '../params';
import { keyBases } from '../prepared-key';
import type { Attributes, Credential, ShowingContext, Signature, VerificationKey } from '../types';
import { checkShowingContext } from './context';
import { proveShowing } from './showing-proof';

/**
 * ProveCredential: re-randomise σ into σ' = (r'·h, r'·s + r·r'·h), blind the private attributes into
 * κ = r·g2 + α + Σ mⱼ·β2ⱼ, reveal ζ = m₁·g2, and prove knowledge of r and the mⱼ for this
 * verifier and nonce. A fresh (r', r) per showing makes showings unlinkable to each other and to
 * the issuance, except through ζ.
 */
export function proveCredential(
  params: Parameters,
  verificationKey: VerificationKey,
  signature: Signature,
  attributes: Attributes,
  context: ShowingContext,
  options: RandomnessOptions = {},
): Credential {
  const rng = options.rng ?? systemRandomBytes;
  const { G1, G2 } = params.bls;
  checkAttributeCounts(
    params,
    attributes.private.length,
    attributes.public.length,
    verificationKey.beta2.length,
  );
  checkShowingContext(context);
  if (G1.isZero(signature.h)) throw new CoconutError('bad-argument', 'the signature has h = identity');
  const privateAttributes = attributes.private.map(Fr.create);
  const bases = keyBases(verificationKey);

  let rPrime: Scalar;
  do rPrime = Fr.random(rng);
  while (rPrime === 0n); // h' = O would be refused by every verifier
  const blinding = Fr.random(rng);
  const hPrime = G1.mul(signature.h, rPrime);
  const randomised: Signature = Object.freeze({
    h: hPrime,
    s: G1.msm([signature.s, hPrime], [rPrime, blinding]),
  });

  // α enters with coefficient 1: an addition, not a multiplication.
  const kappa = G2.add(
    verificationKey.alpha,
    G2.msm([params.g2, ...bases.beta2.slice(0, privateAttributes.length)], [blinding, ...privateAttributes]),
  );
  const zeta = params.g2.mul(privateAttributes[0] as Scalar);
  const statement = {
    key: verificationKey,
    kappa,
    zeta,
    signature: randomised,
    privateCount: privateAttributes.length,
    publicAttributes: attributes.public.map(Fr.create),
    context,
  };
  const proof = proveShowing(params, bases, statement, { blinding, privateAttributes }, rng);
  return Object.freeze({ kappa, zeta, signature: randomised, proof });
}
