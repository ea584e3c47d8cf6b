import { type Bls12381, type FixedBase, type G1, type G2 } from '@nymts/bls12-381';
import { DST, HASH_SECURITY_PARAM } from './constants';

/** The public bases of the single-epoch binary-tree encryption, plus the generators, prepared. */
export interface DkgParams {
  readonly g1: FixedBase<G1>;
  readonly g2: FixedBase<G2>;
  /** f = f0 + Σ_{i<256} fh_i: Nym's `evaluate_f`, the tree evaluated with every bit set. */
  readonly f: FixedBase<G2>;
  readonly h: FixedBase<G2>;
}

const cache = new WeakMap<Bls12381, DkgParams>();

function hashToG2(bls: Bls12381, message: string): G2 {
  return bls.G2.hashToCurve(new TextEncoder().encode(message), DST.setup);
}

/**
 * Nym's `bte::setup()`: f0 = H("f0"), fh_i = H("fh{i}"), h = H("h") under the SETUP DST. The 258
 * hashes to G2 are done once per backend and cached.
 */
export function dkgParams(bls: Bls12381): DkgParams {
  const cached = cache.get(bls);
  if (cached) return cached;
  let f = hashToG2(bls, 'f0');
  for (let i = 0; i < HASH_SECURITY_PARAM; i++) f = bls.G2.add(f, hashToG2(bls, `fh${i}`));
  const params: DkgParams = {
    g1: bls.G1.precompute(bls.G1.generator),
    g2: bls.G2.precompute(bls.G2.generator),
    f: bls.G2.precompute(f),
    h: bls.G2.precompute(hashToG2(bls, 'h')),
  };
  cache.set(bls, params);
  return params;
}
