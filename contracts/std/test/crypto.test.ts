// The signature-verification imports: valid, invalid, and malformed input (an error code from the
// host becomes an error result).
import { secp256k1 } from '@noble/curves/secp256k1';
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { type HostDouble } from './support/host-double';
import { errorOf, okOf } from './support/results';
import { startTestbed } from './support/testbed';

let host: HostDouble;

beforeAll(async () => {
  host = await startTestbed();
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function verify(scheme: string, message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array) {
  return host.query({
    verify: { scheme, message: b64(message), signature: b64(signature), public_key: b64(publicKey) },
  });
}

// Fixed keys: the test needs valid signatures, not secret ones.
const ED25519_SEED = Buffer.alloc(32, 7);
const ED25519_PKCS8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), ED25519_SEED]);
const SECP256K1_SECRET = Uint8Array.from(Buffer.alloc(32, 9));

test('ed25519_verify', () => {
  const key = createPrivateKey({ key: ED25519_PKCS8, format: 'der', type: 'pkcs8' });
  const publicKey = key.export({ format: 'jwk' }).x!;
  const raw = Buffer.from(publicKey, 'base64url');
  const message = Buffer.from('bond mix node 7');
  const signature = sign(null, message, key);
  expect(okOf(verify('ed25519', message, signature, raw))).toEqual({ valid: true });
  expect(okOf(verify('ed25519', Buffer.from('bond mix node 8'), signature, raw))).toEqual({ valid: false });
  expect(errorOf(verify('ed25519', message, signature, raw.subarray(1)))).toBe(
    'Verification error: ed25519_verify failed with code 3',
  );
});

test('secp256k1_verify', () => {
  const hash = createHash('sha256').update('a transaction').digest();
  const signature = secp256k1.sign(hash, SECP256K1_SECRET).toCompactRawBytes();
  const publicKey = secp256k1.getPublicKey(SECP256K1_SECRET, true);
  expect(okOf(verify('secp256k1', hash, signature, publicKey))).toEqual({ valid: true });
  const otherHash = createHash('sha256').update('another transaction').digest();
  expect(okOf(verify('secp256k1', otherHash, signature, publicKey))).toEqual({ valid: false });
  expect(errorOf(verify('secp256k1', hash.subarray(1), signature, publicKey))).toBe(
    'Verification error: secp256k1_verify failed with code 3',
  );
});
