// The seam for bandwidth credentials. Nym gateways meter every forwarded byte against credit
// bought with zk-nym (ecash) credentials; nymts will plug its Coconut credential verification in
// here. Until then `createUnmeteredBandwidth` grants everything.

export type CredentialVerdict =
  { kind: 'accepted'; availableTotal: number } | { kind: 'rejected'; reason: string };

export type SpendVerdict = { kind: 'ok' } | { kind: 'exhausted'; available: number };

export interface BandwidthController {
  /** Credit left, reported to the client when it authenticates. */
  available(clientId: string): number;
  /** A decrypted `ecashCredential` payload (Nym's `CredentialSpendingRequest` bytes). */
  redeemCredential(clientId: string, credential: Uint8Array): CredentialVerdict;
  claimFreeTestnetBandwidth(clientId: string): CredentialVerdict;
  /** Charged for every packet the client asks us to forward. */
  spend(clientId: string, bytes: number): SpendVerdict;
}

/** What an unmetered gateway reports as remaining credit (1 TiB, safely below 2^53). */
export const UNMETERED_BANDWIDTH = 2 ** 40;

export function createUnmeteredBandwidth(): BandwidthController {
  return {
    available: () => UNMETERED_BANDWIDTH,
    redeemCredential: () => ({
      kind: 'rejected',
      reason: 'this gateway does not accept credentials yet: bandwidth is unmetered',
    }),
    claimFreeTestnetBandwidth: () => ({ kind: 'accepted', availableTotal: UNMETERED_BANDWIDTH }),
    spend: () => ({ kind: 'ok' }),
  };
}
