export type {
  Attributes,
  BlindSignRequest,
  BlindedSignature,
  Credential,
  InvalidReason,
  IssuanceProof,
  KeyShare,
  PendingIssuance,
  SecretKey,
  ShowingContext,
  ShowingProof,
  Signature,
  SignerIndex,
  Verdict,
  VerificationKey,
} from './types';
export { CoconutError } from './errors';
export type { CoconutErrorCode } from './errors';
export { MAX_ATTRIBUTES, setup } from './params';
export type { Parameters } from './params';
export { G1_HASH_DST, SCALAR_HASH_DST, SHOWING_PROOF_DST, hashToScalar } from './hashing';
export {
  checkVerificationKey,
  createSecretKey,
  createVerificationKey,
  keygen,
  sameVerificationKey,
  ttpKeygen,
  verificationKeyFromSecret,
} from './keys';
export type { RandomnessOptions } from './keys';
export { prepareVerificationKey } from './prepared-key';
export { prepareBlindSign } from './issuance/prepare-blind-sign';
export { blindSign } from './issuance/blind-sign';
export { unblind } from './issuance/unblind';
export { verifySignature } from './signature';
export { aggregateSignatures, aggregateVerificationKeys } from './aggregation';
export type { SignatureShare, VerificationKeyShare } from './aggregation';
export { SHOWING_NONCE_BYTES, newShowingNonce } from './showing/context';
export { proveCredential } from './showing/prove-credential';
export { verifyCredential } from './showing/verify-credential';
export {
  decodeBlindSignRequest,
  decodeBlindedSignature,
  decodeCredential,
  decodeKeyShare,
  decodeSecretKey,
  decodeSignature,
  decodeVerificationKey,
  encodeBlindSignRequest,
  encodeBlindedSerialNumber,
  encodeBlindedSignature,
  encodeCredential,
  encodeKeyShare,
  encodeSecretKey,
  encodeSignature,
  encodeVerificationKey,
} from './encoding/objects';
export {
  BANDWIDTH_ATTRIBUTES,
  BANDWIDTH_VOUCHER,
  FREE_BANDWIDTH_PASS,
  bandwidthAttributes,
  bandwidthPublicAttributes,
  freePassInfo,
  newBandwidthSecrets,
  proveBandwidthCredential,
  verifyBandwidthCredential,
  voucherInfo,
} from './bandwidth';
export type { BandwidthCredentialType, BandwidthPublicInfo, BandwidthSecrets } from './bandwidth';
