import { Fr, lagrangeAtZero, type Scalar } from '@nymts/bls12-381';
import { DkgError } from './errors';
import { checkNodeIndex } from './receivers';
import { type NodeIndex } from './types';

export interface DealtShare {
  readonly dealer: NodeIndex;
  /** What `decryptShare` returned for this dealer's dealing. */
  readonly share: Scalar;
}

/**
 * The receiver's share of the joint secret: Σ_d λ_d·share_{d→i}, Lagrange at 0 over the dealer
 * indices. For a fresh DKG any weights would do; for resharing they are what turns the old
 * shares (the dealers' constant terms) back into the old secret, and the same formula serves
 * both. Every node must use the same dealer set (see acceptedDealers).
 */
export function combineShares(shares: readonly DealtShare[]): Scalar {
  if (shares.length === 0) throw new DkgError('not-enough-dealings', 'no dealings to combine');
  shares.forEach((share) => checkNodeIndex(share.dealer, 'dealer index'));
  const lambdas = lagrangeAtZero(shares.map((share) => BigInt(share.dealer)));
  return shares.reduce((acc, share, d) => Fr.add(acc, Fr.mul(lambdas[d]!, share.share)), 0n);
}
