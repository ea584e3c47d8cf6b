import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { base58 } from '@scure/base';

function rawPublicKey(key: KeyObject): Uint8Array {
  return new Uint8Array(Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url'));
}

/** A node's ed25519 identity and x25519 Sphinx key, base58 as bonds carry them. */
export function nodeKeys(): { identityKey: string; sphinxKey: string; identity: KeyObject } {
  const identity = generateKeyPairSync('ed25519');
  return {
    identityKey: base58.encode(rawPublicKey(identity.publicKey)),
    sphinxKey: base58.encode(rawPublicKey(generateKeyPairSync('x25519').publicKey)),
    identity: identity.privateKey,
  };
}
