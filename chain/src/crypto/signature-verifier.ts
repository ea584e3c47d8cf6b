import { LruCache } from './lru';
import { DEFAULT_SECP256K1_BACKEND, verifySecp256k1, type Secp256k1Backend } from './secp256k1';

/**
 * Verifies tx signatures, remembering the ones that verified: a tx is checked in CheckTx and
 * again when its block runs, over the same sign bytes (which bind chain-id, account number and
 * sequence), so the second check is a lookup. Only successes are cached.
 */
export class SignatureVerifier {
  private readonly verified = new LruCache<string, true>(50_000);

  constructor(private readonly backend: Secp256k1Backend = DEFAULT_SECP256K1_BACKEND) {}

  verify(publicKey: Uint8Array, signBytes: Uint8Array, signature: Uint8Array): boolean {
    const id = latin1(signature) + latin1(publicKey) + latin1(signBytes);
    if (this.verified.get(id) === true) return true;
    const valid = verifySecp256k1(publicKey, signBytes, signature, this.backend);
    if (valid) this.verified.set(id, true);
    return valid;
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
