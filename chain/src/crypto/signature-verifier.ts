import { LruCache } from './lru';
import { DEFAULT_SECP256K1_BACKEND, verifySecp256k1, type Secp256k1Backend } from './secp256k1';

/** What a signature covers, named without building it: the sign bytes are built on a miss only. */
export interface SignedPayload {
  /**
   * Identifies the sign bytes and the signature exactly (for a tx: its hash, the signer's index,
   * the chain-id, account number, sequence and sign mode). Two payloads with the same id must
   * have the same sign bytes and signature.
   */
  id: string;
  signBytes(): Uint8Array;
  signature: Uint8Array;
}

/**
 * Verifies tx signatures, remembering the ones that verified: a tx is checked in CheckTx and
 * again when its block runs, so the second check is a lookup — by an id that determines the sign
 * bytes, so they are not rebuilt either. Only successes are cached.
 */
export class SignatureVerifier {
  private readonly verified = new LruCache<string, true>(50_000);

  constructor(private readonly backend: Secp256k1Backend = DEFAULT_SECP256K1_BACKEND) {}

  verify(publicKey: Uint8Array, payload: SignedPayload): boolean {
    const id = `${latin1(publicKey)}${payload.id}`;
    if (this.verified.get(id) === true) return true;
    const valid = verifySecp256k1(publicKey, payload.signBytes(), payload.signature, this.backend);
    if (valid) this.verified.set(id, true);
    return valid;
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
