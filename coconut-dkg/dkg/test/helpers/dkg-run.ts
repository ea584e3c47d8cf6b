import { type Bls12381, type RandomBytes, type Scalar } from '@nymts/bls12-381';
import { decodeDealing, encodeDealing } from '../../src/codec';
import { acceptedDealers } from '../../src/accepted-dealers';
import { combineShares } from '../../src/combine';
import { type Complaint } from '../../src/complaint';
import { createDealing } from '../../src/deal';
import { decryptShare } from '../../src/decrypt';
import { generateKeyPair, verifyPublicKey } from '../../src/keys';
import { recoverVerificationKeys, type RecoveredVerificationKeys } from '../../src/recover-keys';
import { thresholdFor } from '../../src/threshold';
import { type BteKeyPair, type Dealing, type NodeIndex, type Receiver } from '../../src/types';
import { verifyComplaint } from '../../src/verify-complaint';
import { verifyDealing, type DealingVerdict } from '../../src/verify-dealing';

export interface Node {
  readonly index: NodeIndex;
  readonly keyPair: BteKeyPair;
}

export function createNodes(bls: Bls12381, indices: readonly NodeIndex[], rng: RandomBytes): Node[] {
  return indices.map((index) => ({ index, keyPair: generateKeyPair(bls, rng) }));
}

/** Registration: only nodes whose key proof verifies become receivers. */
export function receiversOf(bls: Bls12381, nodes: readonly Node[]): Receiver[] {
  return nodes
    .filter((node) => verifyPublicKey(bls, node.keyPair.publicKey))
    .map((node) => ({ index: node.index, publicKey: node.keyPair.publicKey.key }))
    .sort((a, b) => a.index - b.index);
}

export interface DealerInput {
  readonly bls: Bls12381;
  readonly dealer: NodeIndex;
  readonly sharing: number;
  readonly threshold: number;
  readonly receivers: readonly Receiver[];
  readonly resharedSecret?: Scalar;
  readonly rng: RandomBytes;
}

export type DealerBehaviour = (input: DealerInput) => Dealing;

export const honestDealer: DealerBehaviour = ({ bls, threshold, receivers, resharedSecret, rng }) =>
  createDealing(bls, { threshold, receivers, resharedSecret }, rng);

/** What a resharing epoch needs from the epoch before. */
export interface PreviousEpoch {
  readonly threshold: number;
  readonly recovered: readonly RecoveredVerificationKeys[];
  readonly shares: ReadonlyMap<NodeIndex, readonly Scalar[]>;
}

export interface DkgRunOptions {
  readonly dealers: readonly Node[];
  readonly receivers: readonly Node[];
  readonly sharings: number;
  readonly behaviours?: ReadonlyMap<NodeIndex, DealerBehaviour>;
  readonly previous?: PreviousEpoch;
}

export interface DkgRun extends PreviousEpoch {
  readonly receivers: readonly Receiver[];
  readonly verdicts: ReadonlyMap<NodeIndex, readonly DealingVerdict[]>;
  readonly complaints: readonly Complaint[];
  readonly accepted: readonly NodeIndex[];
}

/**
 * One epoch of the DKG as the nodes run it against the chain, in one process: every dealing goes
 * through its byte encoding; verification is deterministic, so it runs once instead of once per
 * node; each receiver decrypts with its own key.
 */
export function runDkg(bls: Bls12381, options: DkgRunOptions, rng: RandomBytes): DkgRun {
  const receivers = receiversOf(bls, options.receivers);
  const threshold = thresholdFor(receivers.length);
  const dealings = new Map<NodeIndex, Dealing[]>();
  for (const dealer of options.dealers) {
    const behaviour = options.behaviours?.get(dealer.index) ?? honestDealer;
    const made = Array.from({ length: options.sharings }, (_, sharing) => {
      const resharedSecret = options.previous?.shares.get(dealer.index)?.[sharing];
      const dealing = behaviour({
        bls,
        dealer: dealer.index,
        sharing,
        threshold,
        receivers,
        resharedSecret,
        rng,
      });
      return decodeDealing(bls, encodeDealing(bls, dealing));
    });
    dealings.set(dealer.index, made);
  }

  const verdicts = new Map<NodeIndex, DealingVerdict[]>();
  for (const [dealer, made] of dealings) {
    const priorPublic = (sharing: number) => options.previous?.recovered[sharing]?.partials.get(dealer);
    verdicts.set(
      dealer,
      made.map((dealing, sharing) =>
        verifyDealing(bls, dealing, { threshold, receivers, priorPublic: priorPublic(sharing) }, rng),
      ),
    );
  }
  const valid = [...dealings.keys()].filter((dealer) =>
    verdicts.get(dealer)!.every((v) => v.kind === 'valid'),
  );

  const decrypted = new Map<NodeIndex, Map<NodeIndex, Scalar[]>>();
  const complaints: Complaint[] = [];
  for (const node of options.receivers) {
    const fromDealers = new Map<NodeIndex, Scalar[]>();
    for (const dealer of valid) {
      const shares: Scalar[] = [];
      for (const dealing of dealings.get(dealer)!) {
        const input = { dealer, dealing, receivers, receiver: node.index, secretKey: node.keyPair.secretKey };
        const result = decryptShare(bls, input, rng);
        if (result.kind === 'complaint') complaints.push(result.complaint);
        else shares.push(result.share);
      }
      fromDealers.set(dealer, shares);
    }
    decrypted.set(node.index, fromDealers);
  }

  const upheld = complaints.filter((complaint) => {
    const dealing = dealings.get(complaint.dealer)!;
    return dealing.some((d) => verifyComplaint(bls, complaint, d, receivers).kind === 'upheld');
  });
  const accepted = acceptedDealers({
    dealers: valid,
    excluded: upheld.map((complaint) => complaint.dealer),
    minimum: options.previous?.threshold ?? 1,
  });

  const shares = new Map<NodeIndex, Scalar[]>();
  for (const receiver of receivers) {
    const fromDealers = decrypted.get(receiver.index)!;
    shares.set(
      receiver.index,
      Array.from({ length: options.sharings }, (_, sharing) =>
        combineShares(accepted.map((dealer) => ({ dealer, share: fromDealers.get(dealer)![sharing]! }))),
      ),
    );
  }
  const recovered = Array.from({ length: options.sharings }, (_, sharing) =>
    recoverVerificationKeys(
      bls,
      accepted.map((dealer) => ({ dealer, dealing: dealings.get(dealer)![sharing]! })),
      receivers.map((receiver) => receiver.index),
    ),
  );
  return { threshold, receivers, verdicts, complaints, accepted, shares, recovered };
}
