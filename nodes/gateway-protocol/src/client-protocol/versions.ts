/**
 * Nym's client–gateway protocol versions (`common/gateway-requests/src/lib.rs`). Each version adds
 * one capability; both sides act on the lower of the two versions they announce.
 */
export const ProtocolVersion = {
  initial: 1,
  credentialV2: 2,
  /** AES-256-GCM-SIV shared key with a salted HKDF and random nonces. */
  aesGcmSiv: 3,
  /** `authenticateV2`: signed, timestamped reconnect requests. */
  authenticateV2: 4,
  /** `ForwardSphinxV2` frames carry the Sphinx key-rotation byte. */
  keyRotationInfo: 5,
  upgradeMode: 6,
} as const;

export type GatewayProtocolVersion = number;

/**
 * The version this gateway announces. `@nymproject/nym-client-wasm-node` 1.4.1 knows versions up
 * to 5 (it has no upgrade-mode strings); 6 would need the upgrade-mode attestation flow.
 */
export const GATEWAY_PROTOCOL_VERSION: GatewayProtocolVersion = ProtocolVersion.keyRotationInfo;

/** Oldest handshake this gateway completes: the legacy AES-128-CTR + HMAC-BLAKE3 key is not spoken. */
export const MINIMUM_HANDSHAKE_VERSION: GatewayProtocolVersion = ProtocolVersion.aesGcmSiv;

export function negotiateVersion(
  ours: GatewayProtocolVersion,
  theirs: GatewayProtocolVersion | undefined,
): GatewayProtocolVersion {
  // A client that names no version predates version negotiation: version 1.
  return Math.min(ours, theirs ?? ProtocolVersion.initial);
}

export function supportsAuthenticateV2(version: GatewayProtocolVersion): boolean {
  return version >= ProtocolVersion.authenticateV2;
}

export function supportsKeyRotationPackets(version: GatewayProtocolVersion): boolean {
  return version >= ProtocolVersion.keyRotationInfo;
}
