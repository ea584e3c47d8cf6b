import type { FixedBase, G1, G2 } from '@nymts/bls12-381';
import { createVerificationKey } from './keys';
import type { Parameters } from './params';
import type { VerificationKey } from './types';

/** A key's points as multi-scalar multiplication bases: fixed-base tables when prepared. */
export interface KeyBases {
  readonly alpha: G2 | FixedBase<G2>;
  readonly beta1: readonly (G1 | FixedBase<G1>)[];
  readonly beta2: readonly (G2 | FixedBase<G2>)[];
}

const tables = new WeakMap<VerificationKey, KeyBases>();

/**
 * The same key with fixed-base tables for all its points, for a key that will verify or show
 * many credentials (a verifier's aggregated key, a client's key for its epoch). Building them
 * costs a few G2 multiplications' worth with noble, next to nothing with mcl; a key used once is
 * faster left unprepared.
 */
export function prepareVerificationKey(params: Parameters, key: VerificationKey): VerificationKey {
  const { G1, G2 } = params.bls;
  const prepared = createVerificationKey(key);
  tables.set(prepared, {
    alpha: G2.precompute(key.alpha),
    beta1: key.beta1.map((point) => G1.precompute(point)),
    beta2: key.beta2.map((point) => G2.precompute(point)),
  });
  return prepared;
}

export function keyBases(key: VerificationKey): KeyBases {
  return tables.get(key) ?? key;
}
