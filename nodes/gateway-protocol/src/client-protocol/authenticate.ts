import { bytesEqual, concatBytes } from '../crypto/bytes';
import { type Ed25519KeyPair, signEd25519, verifyEd25519 } from '../crypto/keys';
import { type RandomBytes } from '../crypto/random';
import { type AuthenticateV2Content } from './client-requests';
import { ProtocolError } from './errors';
import { type SharedKey } from './shared-key';
import { ProtocolVersion } from './versions';

// `authenticateV2`: a returning client proves it holds the shared key (it encrypts its own address)
// and its identity key (it signs the request), with a timestamp so a captured request cannot be
// replayed.

/** VERSION (1) ‖ IDENTITY (32) ‖ ADDRESS CIPHERTEXT ‖ NONCE ‖ TIMESTAMP (u64 BE): what the client signs. */
function signedBytes(content: AuthenticateV2Content): Uint8Array {
  const timestamp = new Uint8Array(8);
  new DataView(timestamp.buffer).setBigUint64(0, content.requestUnixTimestamp);
  return concatBytes(
    Uint8Array.of(content.protocolVersion),
    content.clientIdentity,
    content.addressCiphertext,
    content.nonce,
    timestamp,
  );
}

export function createAuthenticateV2(
  identity: Ed25519KeyPair,
  sharedKey: SharedKey,
  unixSeconds: bigint,
  random: RandomBytes,
  protocolVersion = ProtocolVersion.authenticateV2,
): { content: AuthenticateV2Content; signature: Uint8Array } {
  const nonce = sharedKey.randomNonce(random);
  const content: AuthenticateV2Content = {
    protocolVersion,
    clientIdentity: identity.publicKey,
    addressCiphertext: sharedKey.encrypt(identity.publicKey, nonce),
    nonce,
    requestUnixTimestamp: unixSeconds,
  };
  return { content, signature: signEd25519(identity.secretKey, signedBytes(content)) };
}

export interface AuthenticationCheck {
  nowUnixSeconds: bigint;
  /** Requests older than this are stale. */
  maxRequestAgeSeconds: bigint;
  /** Tolerated amount by which the client's clock may run ahead of ours. */
  maxClockSkewSeconds: bigint;
  /** Timestamp of this client's previous accepted authentication, if any. */
  previousTimestamp: bigint | undefined;
}

function fail(code: 'authentication-failed' | 'stale-request' | 'request-reuse', message: string): never {
  throw new ProtocolError(code, message, 'reject');
}

/** Throws a `reject` ProtocolError saying which check failed; returns when all pass. */
export function verifyAuthenticateV2(
  content: AuthenticateV2Content,
  signature: Uint8Array,
  sharedKey: SharedKey,
  check: AuthenticationCheck,
): void {
  const timestamp = content.requestUnixTimestamp;
  if (timestamp + check.maxRequestAgeSeconds < check.nowUnixSeconds) {
    fail('stale-request', `request timestamp ${timestamp} is older than ${check.maxRequestAgeSeconds} s`);
  }
  if (timestamp > check.nowUnixSeconds + check.maxClockSkewSeconds) {
    fail('stale-request', `request timestamp ${timestamp} is in the future`);
  }
  if (check.previousTimestamp !== undefined && timestamp <= check.previousTimestamp) {
    fail('request-reuse', `request timestamp ${timestamp} is not after the previous one`);
  }
  let address: Uint8Array;
  try {
    address = sharedKey.decrypt(content.addressCiphertext, content.nonce);
  } catch {
    fail('authentication-failed', 'address ciphertext does not open under the stored shared key');
  }
  if (!bytesEqual(address, content.clientIdentity)) {
    fail('authentication-failed', 'address ciphertext does not match the client identity');
  }
  if (!verifyEd25519(content.clientIdentity, signedBytes(content), signature)) {
    fail('authentication-failed', 'request signature is invalid');
  }
}
