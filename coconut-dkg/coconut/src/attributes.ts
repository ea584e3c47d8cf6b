import { Fr, type Scalar } from '@nymts/bls12-381';
import { CoconutError } from './errors';
import type { Parameters } from './params';
import type { Attributes } from './types';

/** At least one private attribute, and no more attributes in all than `limit` (q or the key's size). */
export function checkAttributeCounts(
  params: Parameters,
  privateCount: number,
  publicCount: number,
  limit: number,
): void {
  const bound = Math.min(limit, params.maxAttributes);
  if (privateCount < 1 || privateCount + publicCount > bound) {
    throw new CoconutError(
      'bad-argument',
      `${privateCount} private and ${publicCount} public attributes: need at least one private and at most ${bound} in all`,
      { privateCount, publicCount, limit: bound },
    );
  }
}

/** Private attributes first, then public: the order Hᵢ, yᵢ and β are indexed in. */
export function allAttributes(attributes: Attributes): Scalar[] {
  return [...attributes.private, ...attributes.public].map(Fr.create);
}
