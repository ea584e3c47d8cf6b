import { DkgError } from './errors';
import { checkNodeIndex } from './receivers';
import { type NodeIndex } from './types';

/**
 * The dealers whose dealings are combined: every registered dealer minus those with an invalid
 * dealing (verifyDealing) or an upheld complaint (verifyComplaint), sorted. All of it comes from
 * chain data, so every node derives the same list; the shares and the verification keys must be
 * combined over exactly this list. Resharing needs at least the old threshold of them, or the
 * Lagrange combination no longer equals the old secret.
 */
export function acceptedDealers(input: {
  readonly dealers: Iterable<NodeIndex>;
  readonly excluded: Iterable<NodeIndex>;
  readonly minimum?: number;
}): NodeIndex[] {
  const excluded = new Set(input.excluded);
  const accepted = [...new Set(input.dealers)]
    .filter((dealer) => !excluded.has(dealer))
    .sort((a, b) => a - b);
  accepted.forEach((dealer) => checkNodeIndex(dealer, 'dealer index'));
  const minimum = input.minimum ?? 1;
  if (accepted.length < minimum) {
    throw new DkgError('not-enough-dealings', `${accepted.length} dealers remain, ${minimum} needed`, {
      accepted: accepted.length,
      minimum,
    });
  }
  return accepted;
}
