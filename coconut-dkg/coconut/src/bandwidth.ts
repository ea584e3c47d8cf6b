// The bandwidth credential Nym issued on Coconut: two private attributes (serial and binding
// numbers, fresh random scalars) and two public ones (the hashed value and type strings, which
// travel in plain text so verifiers can check them).
import { Fr, systemRandomBytes, type Scalar } from '@nymts/bls12-381';
import { CoconutError } from './errors';
import { hashToScalar } from './hashing';
import type { RandomnessOptions } from './keys';
import type { Parameters } from './params';
import { proveCredential } from './showing/prove-credential';
import { verifyCredential } from './showing/verify-credential';
import type { Attributes, Credential, ShowingContext, Signature, Verdict, VerificationKey } from './types';

/** q for the bandwidth credential. */
export const BANDWIDTH_ATTRIBUTES = 4;
const PRIVATE_ATTRIBUTES = 2;

export const BANDWIDTH_VOUCHER = 'BandwidthVoucher';
export const FREE_BANDWIDTH_PASS = 'FreeBandwidthPass';
export type BandwidthCredentialType = typeof BANDWIDTH_VOUCHER | typeof FREE_BANDWIDTH_PASS;

/** `public_attributes_plain`: the strings behind the two public attributes, in order. */
export interface BandwidthPublicInfo {
  /** Voucher: the deposited amount in unym, in decimal. Free pass: the expiry, unix seconds. */
  readonly value: string;
  readonly type: BandwidthCredentialType;
}

export interface BandwidthSecrets {
  readonly serialNumber: Scalar;
  readonly bindingNumber: Scalar;
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

function decimal(value: bigint | number | string, what: string): string {
  const text = String(value);
  if (!DECIMAL.test(text))
    throw new CoconutError('bad-argument', `${what} must be a non-negative decimal integer`, { value: text });
  return text;
}

/** A voucher for `amount` unym deposited in the coconut-bandwidth contract. */
export function voucherInfo(amount: bigint | number | string): BandwidthPublicInfo {
  return Object.freeze({ value: decimal(amount, 'a voucher amount'), type: BANDWIDTH_VOUCHER });
}

/** A free pass valid until `expiry` (unix seconds). */
export function freePassInfo(expiry: bigint | number | string): BandwidthPublicInfo {
  return Object.freeze({ value: decimal(expiry, 'a free-pass expiry'), type: FREE_BANDWIDTH_PASS });
}

/** [hash_to_scalar(value), hash_to_scalar(type)], as verifiers recompute them from the plain strings. */
export function bandwidthPublicAttributes(info: BandwidthPublicInfo): Scalar[] {
  const encoder = new TextEncoder();
  return [hashToScalar(encoder.encode(info.value)), hashToScalar(encoder.encode(info.type))];
}

export function newBandwidthSecrets(options: RandomnessOptions = {}): BandwidthSecrets {
  const rng = options.rng ?? systemRandomBytes;
  return Object.freeze({ serialNumber: Fr.random(rng), bindingNumber: Fr.random(rng) });
}

export function bandwidthAttributes(secrets: BandwidthSecrets, info: BandwidthPublicInfo): Attributes {
  return Object.freeze({
    private: Object.freeze([secrets.serialNumber, secrets.bindingNumber]),
    public: Object.freeze(bandwidthPublicAttributes(info)),
  });
}

export function proveBandwidthCredential(
  params: Parameters,
  verificationKey: VerificationKey,
  signature: Signature,
  secrets: BandwidthSecrets,
  info: BandwidthPublicInfo,
  context: ShowingContext,
  options: RandomnessOptions = {},
): Credential {
  return proveCredential(
    params,
    verificationKey,
    signature,
    bandwidthAttributes(secrets, info),
    context,
    options,
  );
}

/** Also insists on exactly two private attributes, the bandwidth credential's shape. */
export function verifyBandwidthCredential(
  params: Parameters,
  verificationKey: VerificationKey,
  credential: Credential,
  info: BandwidthPublicInfo,
  context: ShowingContext,
): Verdict {
  if (credential.proof.responsesAttributes.length !== PRIVATE_ATTRIBUTES) {
    return { kind: 'invalid', reason: 'attribute-count' };
  }
  return verifyCredential(params, verificationKey, credential, bandwidthPublicAttributes(info), context);
}
