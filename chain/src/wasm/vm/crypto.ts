import { bls12_381 } from '@noble/curves/bls12-381';
import { ed25519 } from '@noble/curves/ed25519';
import { p256 } from '@noble/curves/nist';
import { secp256k1 } from '@noble/curves/secp256k1';

/**
 * The crypto behind CosmWasm's host imports, with cosmwasm-crypto's input rules and numeric error
 * codes (`errors.rs` `CryptoError::code`). Results are `{ ok }` or `{ code }` so the import layer
 * can hand the code to the contract unchanged.
 */
export const CRYPTO_CODE = {
  invalidHashFormat: 3,
  invalidSignatureFormat: 4,
  invalidPubkeyFormat: 5,
  invalidRecoveryParam: 6,
  batchErr: 7,
  invalidPoint: 8,
  unknownHashFunction: 9,
  genericErr: 10,
  pairingNotMultipleG1: 11,
  pairingNotMultipleG2: 12,
  pairingUnequalPointAmount: 13,
  aggregationEmpty: 14,
  aggregationNotMultiple: 15,
} as const;

export type CryptoResult<T> = { ok: T } | { code: number };

const HASH_LENGTH = 32;
const ECDSA_SIGNATURE_LENGTH = 64;
const EDDSA_SIGNATURE_LENGTH = 64;
const EDDSA_PUBKEY_LENGTH = 32;
export const BLS_G1_LENGTH = 48;
export const BLS_G2_LENGTH = 96;

type EcdsaCurve = typeof secp256k1 | typeof p256;

function ecdsaPubkeyShapeOk(pubkey: Uint8Array): boolean {
  if (pubkey.length === 33) return pubkey[0] === 0x02 || pubkey[0] === 0x03;
  if (pubkey.length === 65) return pubkey[0] === 0x04;
  return false;
}

function ecdsaVerify(
  curve: EcdsaCurve,
  hash: Uint8Array,
  signature: Uint8Array,
  pubkey: Uint8Array,
): CryptoResult<boolean> {
  if (hash.length !== HASH_LENGTH) return { code: CRYPTO_CODE.invalidHashFormat };
  if (signature.length !== ECDSA_SIGNATURE_LENGTH) {
    return { code: CRYPTO_CODE.invalidSignatureFormat };
  }
  if (!ecdsaPubkeyShapeOk(pubkey)) return { code: CRYPTO_CODE.invalidPubkeyFormat };
  let parsed;
  try {
    parsed = curve.Signature.fromCompact(signature);
    curve.Point.fromHex(pubkey);
  } catch {
    return { code: CRYPTO_CODE.genericErr };
  }
  // cosmwasm-crypto normalises high-S signatures before verifying, so both halves verify
  const normalized = parsed.hasHighS() ? parsed.normalizeS() : parsed;
  return {
    ok: curve.verify(normalized.toCompactRawBytes(), hash, pubkey, { prehash: false, lowS: false }),
  };
}

function ecdsaRecover(
  curve: EcdsaCurve,
  hash: Uint8Array,
  signature: Uint8Array,
  recoveryParam: number,
): CryptoResult<Uint8Array> {
  if (hash.length !== HASH_LENGTH) return { code: CRYPTO_CODE.invalidHashFormat };
  if (signature.length !== ECDSA_SIGNATURE_LENGTH) {
    return { code: CRYPTO_CODE.invalidSignatureFormat };
  }
  if (recoveryParam !== 0 && recoveryParam !== 1) {
    return { code: CRYPTO_CODE.invalidRecoveryParam };
  }
  try {
    const recovered = curve.Signature.fromCompact(signature)
      .addRecoveryBit(recoveryParam)
      .recoverPublicKey(hash);
    return { ok: recovered.toBytes(false) };
  } catch {
    return { code: CRYPTO_CODE.genericErr };
  }
}

export const secp256k1Verify = (h: Uint8Array, s: Uint8Array, p: Uint8Array) =>
  ecdsaVerify(secp256k1, h, s, p);
export const secp256k1RecoverPubkey = (h: Uint8Array, s: Uint8Array, r: number) =>
  ecdsaRecover(secp256k1, h, s, r);
export const secp256r1Verify = (h: Uint8Array, s: Uint8Array, p: Uint8Array) => ecdsaVerify(p256, h, s, p);
export const secp256r1RecoverPubkey = (h: Uint8Array, s: Uint8Array, r: number) =>
  ecdsaRecover(p256, h, s, r);

/** ZIP-215 rules, as ed25519-zebra (cosmwasm-crypto's backend) applies them. */
export function ed25519Verify(
  message: Uint8Array,
  signature: Uint8Array,
  pubkey: Uint8Array,
): CryptoResult<boolean> {
  if (signature.length !== EDDSA_SIGNATURE_LENGTH) {
    return { code: CRYPTO_CODE.invalidSignatureFormat };
  }
  if (pubkey.length !== EDDSA_PUBKEY_LENGTH) return { code: CRYPTO_CODE.invalidPubkeyFormat };
  try {
    return { ok: ed25519.verify(signature, message, pubkey, { zip215: true }) };
  } catch {
    return { ok: false };
  }
}

/**
 * Batch verification with cosmwasm-crypto's shapes: n/n/n, one message for n signatures and
 * keys, or one key for n messages and signatures. Verifying each item gives the batch's answer.
 */
export function ed25519BatchVerify(
  messages: Uint8Array[],
  signatures: Uint8Array[],
  pubkeys: Uint8Array[],
): CryptoResult<boolean> {
  const n = signatures.length;
  let messageAt: (i: number) => Uint8Array;
  let pubkeyAt: (i: number) => Uint8Array;
  if (messages.length === n && pubkeys.length === n) {
    messageAt = (i) => messages[i]!;
    pubkeyAt = (i) => pubkeys[i]!;
  } else if (messages.length === 1 && pubkeys.length === n) {
    messageAt = () => messages[0]!;
    pubkeyAt = (i) => pubkeys[i]!;
  } else if (pubkeys.length === 1 && messages.length === n) {
    messageAt = (i) => messages[i]!;
    pubkeyAt = () => pubkeys[0]!;
  } else {
    return { code: CRYPTO_CODE.batchErr };
  }
  for (let i = 0; i < n; i++) {
    if (signatures[i]!.length !== EDDSA_SIGNATURE_LENGTH) {
      return { code: CRYPTO_CODE.invalidSignatureFormat };
    }
    if (pubkeyAt(i).length !== EDDSA_PUBKEY_LENGTH) {
      return { code: CRYPTO_CODE.invalidPubkeyFormat };
    }
  }
  for (let i = 0; i < n; i++) {
    const result = ed25519Verify(messageAt(i), signatures[i]!, pubkeyAt(i));
    if (!('ok' in result) || !result.ok) return { ok: false };
  }
  return { ok: true };
}

type G1 = ReturnType<typeof bls12_381.G1.Point.fromHex>;
type G2 = ReturnType<typeof bls12_381.G2.Point.fromHex>;

function splitPoints(bytes: Uint8Array, size: number): Uint8Array[] {
  const points: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) points.push(bytes.subarray(i, i + size));
  return points;
}

/** Decodes a compressed point; noble checks it is on the curve and in the prime-order subgroup. */
function decodeG1(bytes: Uint8Array): G1 | undefined {
  try {
    return bls12_381.G1.Point.fromHex(bytes);
  } catch {
    return undefined;
  }
}

function decodeG2(bytes: Uint8Array): G2 | undefined {
  try {
    return bls12_381.G2.Point.fromHex(bytes);
  } catch {
    return undefined;
  }
}

export function bls12381AggregateG1(points: Uint8Array): CryptoResult<Uint8Array> {
  if (points.length === 0) return { code: CRYPTO_CODE.aggregationEmpty };
  if (points.length % BLS_G1_LENGTH !== 0) return { code: CRYPTO_CODE.aggregationNotMultiple };
  let sum = bls12_381.G1.Point.ZERO;
  for (const encoded of splitPoints(points, BLS_G1_LENGTH)) {
    const point = decodeG1(encoded);
    if (point === undefined) return { code: CRYPTO_CODE.invalidPoint };
    sum = sum.add(point);
  }
  return { ok: sum.toBytes(true) };
}

export function bls12381AggregateG2(points: Uint8Array): CryptoResult<Uint8Array> {
  if (points.length === 0) return { code: CRYPTO_CODE.aggregationEmpty };
  if (points.length % BLS_G2_LENGTH !== 0) return { code: CRYPTO_CODE.aggregationNotMultiple };
  let sum = bls12_381.G2.Point.ZERO;
  for (const encoded of splitPoints(points, BLS_G2_LENGTH)) {
    const point = decodeG2(encoded);
    if (point === undefined) return { code: CRYPTO_CODE.invalidPoint };
    sum = sum.add(point);
  }
  return { ok: sum.toBytes(true) };
}

/** Whether e(p1,q1)·…·e(pn,qn) = e(r,s). */
export function bls12381PairingEquality(
  ps: Uint8Array,
  qs: Uint8Array,
  r: Uint8Array,
  s: Uint8Array,
): CryptoResult<boolean> {
  if (ps.length % BLS_G1_LENGTH !== 0) return { code: CRYPTO_CODE.pairingNotMultipleG1 };
  if (qs.length % BLS_G2_LENGTH !== 0) return { code: CRYPTO_CODE.pairingNotMultipleG2 };
  if (ps.length / BLS_G1_LENGTH !== qs.length / BLS_G2_LENGTH) {
    return { code: CRYPTO_CODE.pairingUnequalPointAmount };
  }
  const g1s = splitPoints(ps, BLS_G1_LENGTH).map(decodeG1);
  const g2s = splitPoints(qs, BLS_G2_LENGTH).map(decodeG2);
  const rPoint = r.length === BLS_G1_LENGTH ? decodeG1(r) : undefined;
  const sPoint = s.length === BLS_G2_LENGTH ? decodeG2(s) : undefined;
  if (g1s.includes(undefined) || g2s.includes(undefined) || !rPoint || !sPoint) {
    return { code: CRYPTO_CODE.invalidPoint };
  }
  const pairs = g1s.map((g1, i) => ({ g1: g1!, g2: g2s[i]! }));
  pairs.push({ g1: rPoint.negate(), g2: sPoint });
  const nonZero = pairs.filter((pair) => !pair.g1.is0() && !pair.g2.is0());
  if (nonZero.length === 0) return { ok: true };
  const product = bls12_381.pairingBatch(nonZero);
  return { ok: bls12_381.fields.Fp12.eql(product, bls12_381.fields.Fp12.ONE) };
}

const HASH_FUNCTION_SHA256 = 0;

export function bls12381HashToG1(
  hashFunction: number,
  message: Uint8Array,
  dst: Uint8Array,
): CryptoResult<Uint8Array> {
  if (hashFunction !== HASH_FUNCTION_SHA256) return { code: CRYPTO_CODE.unknownHashFunction };
  const point = bls12_381.G1.hashToCurve(message, { DST: dst }) as unknown as G1;
  return { ok: point.toBytes(true) };
}

export function bls12381HashToG2(
  hashFunction: number,
  message: Uint8Array,
  dst: Uint8Array,
): CryptoResult<Uint8Array> {
  if (hashFunction !== HASH_FUNCTION_SHA256) return { code: CRYPTO_CODE.unknownHashFunction };
  const point = bls12_381.G2.hashToCurve(message, { DST: dst }) as unknown as G2;
  return { ok: point.toBytes(true) };
}
