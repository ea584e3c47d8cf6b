// Canonical bytes of every Coconut object, in Nym's layouts (shared/reference §4). Decoders are
// strict: see Reader. Sizes for the bandwidth credential (q = 4, two private attributes):
// signature 96, request 408, credential 416, verification key 680, secret key 168.
import { Fr, type Scalar } from '@nymts/bls12-381';
import { concatBytes } from '@noble/curves/utils.js';
import { u64le } from '../hashing';
import { createSecretKey, createVerificationKey } from '../keys';
import type { Parameters } from '../params';
import type {
  BlindSignRequest,
  BlindedSignature,
  Credential,
  KeyShare,
  SecretKey,
  Signature,
  VerificationKey,
} from '../types';
import { Reader } from './reader';

const scalars = (values: readonly Scalar[]) => values.map((value) => Fr.toBytes(value));

// Signatures: enc(h) ‖ enc(s)

export function encodeSignature(params: Parameters, signature: Signature): Uint8Array {
  const { G1 } = params.bls;
  return concatBytes(G1.toBytes(signature.h), G1.toBytes(signature.s));
}

export function decodeSignature(params: Parameters, bytes: Uint8Array): Signature {
  const reader = new Reader(params, bytes, 'signature');
  const signature = { h: reader.g1('h'), s: reader.g1('s') };
  reader.end();
  return Object.freeze(signature);
}

export function encodeBlindedSignature(params: Parameters, blinded: BlindedSignature): Uint8Array {
  return encodeSignature(params, { h: blinded.h, s: blinded.sTilde });
}

export function decodeBlindedSignature(params: Parameters, bytes: Uint8Array): BlindedSignature {
  const reader = new Reader(params, bytes, 'blinded signature');
  const blinded = { h: reader.g1('h'), sTilde: reader.g1('s̃') };
  reader.end();
  return Object.freeze(blinded);
}

// Λ: enc(cm) ‖ enc(h) ‖ u64(k) ‖ enc(c₁..c_k) ‖ π_s, π_s = c ‖ r_o ‖ u64(k) ‖ r_oⱼ.. ‖ u64(k) ‖ r_mⱼ..

export function encodeBlindSignRequest(params: Parameters, request: BlindSignRequest): Uint8Array {
  const { G1 } = params.bls;
  const { proof } = request;
  return concatBytes(
    G1.toBytes(request.commitment),
    G1.toBytes(request.h),
    u64le(request.attributeCommitments.length),
    ...request.attributeCommitments.map((point) => G1.toBytes(point)),
    Fr.toBytes(proof.challenge),
    Fr.toBytes(proof.responseO),
    u64le(proof.responsesOpenings.length),
    ...scalars(proof.responsesOpenings),
    u64le(proof.responsesAttributes.length),
    ...scalars(proof.responsesAttributes),
  );
}

export function decodeBlindSignRequest(params: Parameters, bytes: Uint8Array): BlindSignRequest {
  const reader = new Reader(params, bytes, 'blind-sign request');
  const commitment = reader.g1('cm');
  const h = reader.g1('h');
  const k = reader.count('private attribute count', 1, params.maxAttributes);
  const attributeCommitments = Array.from({ length: k }, (_, j) => reader.g1(`c${j + 1}`));
  const challenge = reader.scalar('challenge');
  const responseO = reader.scalar('r_o');
  const list = (name: string) => {
    reader.count(`${name} count`, k, k);
    return Object.freeze(Array.from({ length: k }, (_, j) => reader.scalar(`${name}${j + 1}`)));
  };
  const responsesOpenings = list('r_o');
  const responsesAttributes = list('r_m');
  reader.end();
  return Object.freeze({
    commitment,
    h,
    attributeCommitments: Object.freeze(attributeCommitments),
    proof: Object.freeze({ challenge, responseO, responsesOpenings, responsesAttributes }),
  });
}

// Θ: enc(κ) ‖ enc(ζ) ‖ σ' ‖ c ‖ r_m₁..r_m_k ‖ r_r; k follows from the length (416 bytes for k = 2).

const CREDENTIAL_FIXED_BYTES = 96 + 96 + 96 + 32 + 32;

export function encodeCredential(params: Parameters, credential: Credential): Uint8Array {
  const { G2 } = params.bls;
  const { proof } = credential;
  return concatBytes(
    G2.toBytes(credential.kappa),
    G2.toBytes(credential.zeta),
    encodeSignature(params, credential.signature),
    Fr.toBytes(proof.challenge),
    ...scalars(proof.responsesAttributes),
    Fr.toBytes(proof.responseBlinding),
  );
}

export function decodeCredential(params: Parameters, bytes: Uint8Array): Credential {
  const reader = new Reader(params, bytes, 'credential');
  const k = (bytes.length - CREDENTIAL_FIXED_BYTES) / Fr.BYTES;
  if (!Number.isInteger(k) || k < 1 || k > params.maxAttributes) {
    reader.fail(
      `${bytes.length} bytes is not the size of a credential with 1..${params.maxAttributes} private attributes`,
    );
  }
  const kappa = reader.g2('κ');
  const zeta = reader.g2('ζ');
  const signature = Object.freeze({ h: reader.g1("h'"), s: reader.g1("s'") });
  const challenge = reader.scalar('challenge');
  const responsesAttributes = Object.freeze(
    Array.from({ length: k }, (_, j) => reader.scalar(`r_m${j + 1}`)),
  );
  const responseBlinding = reader.scalar('r_r');
  reader.end();
  return Object.freeze({
    kappa,
    zeta,
    signature,
    proof: Object.freeze({ challenge, responsesAttributes, responseBlinding }),
  });
}

/** ζ's bytes: the double-spend tag a verifier records. */
export function encodeBlindedSerialNumber(params: Parameters, credential: Credential): Uint8Array {
  return params.bls.G2.toBytes(credential.zeta);
}

// Keys: vk = enc(α) ‖ u64(q) ‖ enc(β1₁..q) ‖ enc(β2₁..q); sk = x ‖ u64(q) ‖ y₁..q.

export function encodeVerificationKey(params: Parameters, key: VerificationKey): Uint8Array {
  const { G1, G2 } = params.bls;
  return concatBytes(
    G2.toBytes(key.alpha),
    u64le(key.beta2.length),
    ...key.beta1.map((point) => G1.toBytes(point)),
    ...key.beta2.map((point) => G2.toBytes(point)),
  );
}

function readVerificationKey(reader: Reader, params: Parameters): VerificationKey {
  const alpha = reader.g2('α');
  const q = reader.count('attribute count', 1, params.maxAttributes);
  const beta1 = Array.from({ length: q }, (_, j) => reader.g1(`β1_${j + 1}`));
  const beta2 = Array.from({ length: q }, (_, j) => reader.g2(`β2_${j + 1}`));
  return createVerificationKey({ alpha, beta1, beta2 });
}

export function decodeVerificationKey(params: Parameters, bytes: Uint8Array): VerificationKey {
  const reader = new Reader(params, bytes, 'verification key');
  const key = readVerificationKey(reader, params);
  reader.end();
  return key;
}

export function encodeSecretKey(secretKey: SecretKey): Uint8Array {
  return concatBytes(Fr.toBytes(secretKey.x), u64le(secretKey.ys.length), ...scalars(secretKey.ys));
}

function readSecretKey(reader: Reader, params: Parameters): SecretKey {
  const x = reader.scalar('x');
  const q = reader.count('attribute count', 1, params.maxAttributes);
  return createSecretKey(
    x,
    Array.from({ length: q }, (_, j) => reader.scalar(`y${j + 1}`)),
  );
}

export function decodeSecretKey(params: Parameters, bytes: Uint8Array): SecretKey {
  const reader = new Reader(params, bytes, 'secret key');
  const key = readSecretKey(reader, params);
  reader.end();
  return key;
}

// Key pair (Nym's KeyPair with its index): "coconutkeypair" ‖ u64(len sk) ‖ sk ‖ u64(len vk) ‖ vk ‖ u64(index).

const KEY_PAIR_PREFIX = new TextEncoder().encode('coconutkeypair');
const MAX_INDEX = Number.MAX_SAFE_INTEGER;

export function encodeKeyShare(params: Parameters, share: KeyShare): Uint8Array {
  const sk = encodeSecretKey(share.secretKey);
  const vk = encodeVerificationKey(params, share.verificationKey);
  return concatBytes(KEY_PAIR_PREFIX, u64le(sk.length), sk, u64le(vk.length), vk, u64le(share.index));
}

export function decodeKeyShare(params: Parameters, bytes: Uint8Array): KeyShare {
  const reader = new Reader(params, bytes, 'key pair');
  reader.literal(KEY_PAIR_PREFIX, '"coconutkeypair" prefix');
  const skLength = reader.count('secret key length', 0, bytes.length);
  const skStart = reader.remaining;
  const secretKey = readSecretKey(reader, params);
  if (skStart - reader.remaining !== skLength)
    reader.fail('the secret key length does not match its contents');
  const vkLength = reader.count('verification key length', 0, bytes.length);
  const vkStart = reader.remaining;
  const verificationKey = readVerificationKey(reader, params);
  if (vkStart - reader.remaining !== vkLength)
    reader.fail('the verification key length does not match its contents');
  if (secretKey.ys.length !== verificationKey.beta2.length)
    reader.fail('the secret and verification keys differ in size');
  const index = reader.count('index', 1, MAX_INDEX);
  reader.end();
  return Object.freeze({ index, secretKey, verificationKey });
}
