import type { Bls12381, FixedBase, G1, G2 } from '@nymts/bls12-381';
import { CoconutError } from './errors';
import { hashToG1 } from './hashing';

/** Bounds what a key or request may claim, so a decoder never sizes work from hostile input. */
export const MAX_ATTRIBUTES = 64;

/** The public parameters: the backend, the generators and the attribute bases H₁..H_q. */
export interface Parameters {
  readonly bls: Bls12381;
  /** q, the most attributes (private and public together) a credential may carry. */
  readonly maxAttributes: number;
  readonly g1: FixedBase<G1>;
  readonly g2: FixedBase<G2>;
  readonly hs: readonly FixedBase<G1>[];
}

/**
 * Setup(q) as Nym defines it: Hᵢ = hash_g1("h" ‖ decimal(i)) for i = 1..q. The bandwidth credential
 * uses q = 4.
 */
export function setup(bls: Bls12381, maxAttributes: number): Parameters {
  if (!Number.isInteger(maxAttributes) || maxAttributes < 1 || maxAttributes > MAX_ATTRIBUTES) {
    throw new CoconutError('bad-argument', `the number of attributes must be 1..${MAX_ATTRIBUTES}`, {
      maxAttributes,
    });
  }
  const encoder = new TextEncoder();
  const hs = Array.from({ length: maxAttributes }, (_, i) =>
    bls.G1.precompute(hashToG1(bls, encoder.encode(`h${i + 1}`))),
  );
  return Object.freeze({
    bls,
    maxAttributes,
    g1: bls.G1.precompute(bls.G1.generator),
    g2: bls.G2.precompute(bls.G2.generator),
    hs: Object.freeze(hs),
  });
}
