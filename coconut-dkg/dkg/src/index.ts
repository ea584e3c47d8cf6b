export type {
  BteKeyPair,
  Ciphertexts,
  Dealing,
  NodeIndex,
  ProofOfChunking,
  ProofOfDiscreteLog,
  ProofOfSharing,
  PublicKeyWithProof,
  Receiver,
} from './types';
export { CHUNK_BITS, CHUNK_SIZE, DST, NUM_CHUNKS, PARALLEL_RUNS } from './constants';
export { DkgError } from './errors';
export type { DkgErrorAction, DkgErrorCode } from './errors';
export { dkgParams } from './params';
export type { DkgParams } from './params';
export { thresholdFor } from './threshold';
export { sortReceivers } from './receivers';
export { generateKeyPair, verifyPublicKey } from './keys';
export { createDealing } from './deal';
export type { DealingOptions } from './deal';
export { verifyDealing } from './verify-dealing';
export type { DealingContext, DealingFault, DealingVerdict } from './verify-dealing';
export { decryptShare } from './decrypt';
export type { Decryption, DecryptionInput } from './decrypt';
export type { Complaint, ProofOfEqualLogs } from './complaint';
export { verifyComplaint } from './verify-complaint';
export type { ComplaintVerdict } from './verify-complaint';
export { acceptedDealers } from './accepted-dealers';
export { combineShares } from './combine';
export type { DealtShare } from './combine';
export { recoverVerificationKeys } from './recover-keys';
export type { DealerDealing, RecoveredVerificationKeys } from './recover-keys';
export {
  checkVerificationKeyShare,
  coconutKeyShare,
  encodeCoconutSecretKey,
  encodeCoconutVerificationKey,
} from './coconut-keys';
export type { CoconutKeyShare, CoconutSecretKey, CoconutVerificationKey } from './coconut-keys';
export {
  decodeComplaint,
  decodeDealing,
  decodePublicKey,
  encodeComplaint,
  encodeDealing,
  encodePublicKey,
} from './codec';
