import { loadBackend, type BackendName } from '@nymts/bls12-381';
import {
  aggregateSignatures,
  aggregateVerificationKeys,
  bandwidthAttributes,
  blindSign,
  newBandwidthSecrets,
  prepareBlindSign,
  setup,
  ttpKeygen,
  unblind,
  voucherInfo,
  type Attributes,
  type KeyShare,
  type Parameters,
  type ShowingContext,
  type Signature,
  type VerificationKey,
} from '../src';

export async function bandwidthParams(backend: BackendName = 'mcl'): Promise<Parameters> {
  return setup(await loadBackend(backend), 4);
}

/** Runs issuance with the given signers: prepare, blind-sign, unblind each answer. */
export function signatureShares(params: Parameters, signers: readonly KeyShare[], attributes: Attributes) {
  const pending = prepareBlindSign(params, attributes);
  return signers.map((signer) => ({
    index: signer.index,
    signature: unblind(
      params,
      signer.verificationKey,
      blindSign(params, signer.secretKey, pending.request, attributes.public),
      pending,
      attributes,
    ),
  }));
}

export interface IssuedCredential {
  readonly signers: KeyShare[];
  readonly key: VerificationKey;
  readonly attributes: Attributes;
  readonly signature: Signature;
}

/** A bandwidth voucher issued by the first `threshold` of `authorities` trusted-dealer signers. */
export function issueVoucher(params: Parameters, threshold: number, authorities: number): IssuedCredential {
  const signers = ttpKeygen(params, threshold, authorities);
  const attributes = bandwidthAttributes(newBandwidthSecrets(), voucherInfo(1_000_000n));
  const quorum = signers.slice(0, threshold);
  const signature = aggregateSignatures(params, signatureShares(params, quorum, attributes));
  const key = aggregateVerificationKeys(
    params,
    quorum.map((s) => ({ index: s.index, verificationKey: s.verificationKey })),
  );
  return { signers, key, attributes, signature };
}

const encoder = new TextEncoder();

export function context(verifier: string, nonce = 'a fresh nonce of 32 bytes here!!'): ShowingContext {
  return { verifier: encoder.encode(verifier), nonce: encoder.encode(nonce) };
}
