import { lagrangeAtZero, type Bls12381, type G2 } from '@nymts/bls12-381';
import { DkgError, invalidParameters } from './errors';
import { powers } from './polynomial';
import { checkNodeIndex } from './receivers';
import { type Dealing, type NodeIndex } from './types';

export interface DealerDealing {
  readonly dealer: NodeIndex;
  readonly dealing: Dealing;
}

export interface RecoveredVerificationKeys {
  /** A_0 of the combined polynomial: x·g2 for the joint secret x. */
  readonly master: G2;
  /** Receiver index → the combined polynomial evaluated at it: share_i·g2. */
  readonly partials: ReadonlyMap<NodeIndex, G2>;
}

/**
 * Nym's `try_recover_verification_keys`, over the dealer indices: each public coefficient is
 * interpolated across the accepted dealings (A_k = Σ_d λ_d·A_{d,k}); the master key is A_0 and
 * node i's partial key is Σ_k i^k·A_k. Anyone can compute these from the chain, which is how
 * nodes check each other's submitted verification keys.
 */
export function recoverVerificationKeys(
  bls: Bls12381,
  dealings: readonly DealerDealing[],
  receivers: readonly NodeIndex[],
): RecoveredVerificationKeys {
  if (dealings.length === 0) throw new DkgError('not-enough-dealings', 'no dealings to recover keys from');
  const threshold = dealings[0]!.dealing.publicCoefficients.length;
  if (dealings.some(({ dealing }) => dealing.publicCoefficients.length !== threshold)) {
    throw invalidParameters('dealings have different thresholds', { threshold });
  }
  dealings.forEach(({ dealer }) => checkNodeIndex(dealer, 'dealer index'));
  receivers.forEach((index) => checkNodeIndex(index, 'receiver index'));

  const lambdas = lagrangeAtZero(dealings.map(({ dealer }) => BigInt(dealer)));
  const combined = Array.from({ length: threshold }, (_, k) =>
    bls.G2.msm(
      dealings.map(({ dealing }) => dealing.publicCoefficients[k]!),
      lambdas,
    ),
  );
  const partials = new Map<NodeIndex, G2>();
  for (const index of receivers) {
    partials.set(index, bls.G2.msm(combined, powers(BigInt(index), threshold)));
  }
  return { master: combined[0]!, partials };
}
