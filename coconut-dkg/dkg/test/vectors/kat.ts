// Known-answer vectors from fixed seeds. The seeded rng stands in for node:crypto here only:
// the same seed gives the same keys, dealings and complaints on every machine and backend.
import { Fr, type Bls12381 } from '@nymts/bls12-381';
import {
  decodeComplaint,
  decodeDealing,
  decodePublicKey,
  encodeComplaint,
  encodeDealing,
  encodePublicKey,
} from '../../src/codec';
import { createDealing } from '../../src/deal';
import { decryptShare } from '../../src/decrypt';
import { generateKeyPair } from '../../src/keys';
import { dkgParams } from '../../src/params';
import { recoverVerificationKeys } from '../../src/recover-keys';
import { type BteKeyPair, type Receiver } from '../../src/types';
import { oversizedChunk } from '../helpers/cheaters';
import { seededRng } from '../helpers/seeded-rng';

export const KAT_SEED = 'nymts-dkg-kat-v1';
const INDICES = [1, 2, 5];
const THRESHOLD = 2;

export interface DkgKat {
  seed: string;
  params: { f: string; h: string };
  nodes: { index: number; secretKey: string; publicKey: string }[];
  threshold: number;
  dealing: string;
  shares: { receiver: number; share: string }[];
  master: string;
  partials: { receiver: number; key: string }[];
  cheatingDealing: string;
  complaint: string;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
export const unhex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

export function receiversFromKat(bls: Bls12381, kat: DkgKat): Receiver[] {
  return kat.nodes.map((node) => ({
    index: node.index,
    publicKey: decodePublicKey(bls, unhex(node.publicKey)).key,
  }));
}

export function buildKat(bls: Bls12381): DkgKat {
  const rng = seededRng(KAT_SEED);
  const { f, h } = dkgParams(bls);
  const keyPairs: BteKeyPair[] = INDICES.map(() => generateKeyPair(bls, rng));
  const receivers = keyPairs.map((pair, i) => ({ index: INDICES[i]!, publicKey: pair.publicKey.key }));
  const dealing = decodeDealing(
    bls,
    encodeDealing(bls, createDealing(bls, { threshold: THRESHOLD, receivers }, rng)),
  );
  const shares = receivers.map((receiver, i) => {
    const result = decryptShare(
      bls,
      { dealer: 1, dealing, receivers, receiver: receiver.index, secretKey: keyPairs[i]!.secretKey },
      rng,
    );
    if (result.kind !== 'share') throw new Error('an honest dealing did not decrypt');
    return { receiver: receiver.index, share: hex(Fr.toBytes(result.share)) };
  });
  const recovered = recoverVerificationKeys(bls, [{ dealer: 1, dealing }], INDICES);
  const cheating = oversizedChunk({ bls, dealer: 2, sharing: 0, threshold: THRESHOLD, receivers, rng });
  const first = decryptShare(
    bls,
    { dealer: 2, dealing: cheating, receivers, receiver: INDICES[0]!, secretKey: keyPairs[0]!.secretKey },
    rng,
  );
  if (first.kind !== 'complaint') throw new Error('the oversized chunk decrypted');
  return {
    seed: KAT_SEED,
    params: { f: hex(bls.G2.toBytes(f.point)), h: hex(bls.G2.toBytes(h.point)) },
    nodes: keyPairs.map((pair, i) => ({
      index: INDICES[i]!,
      secretKey: hex(Fr.toBytes(pair.secretKey)),
      publicKey: hex(encodePublicKey(bls, pair.publicKey)),
    })),
    threshold: THRESHOLD,
    dealing: hex(encodeDealing(bls, dealing)),
    shares,
    master: hex(bls.G2.toBytes(recovered.master)),
    partials: INDICES.map((index) => ({
      receiver: index,
      key: hex(bls.G2.toBytes(recovered.partials.get(index)!)),
    })),
    cheatingDealing: hex(encodeDealing(bls, cheating)),
    complaint: hex(encodeComplaint(bls, decodeComplaint(bls, encodeComplaint(bls, first.complaint)))),
  };
}
