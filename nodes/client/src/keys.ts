import { ed25519 } from '@noble/curves/ed25519';
import { generateSphinxKeyPair, sphinxPublicKey } from '@nymts/sphinx';
import type { Recipient } from './address/recipient';
import { ACK_KEY_SIZE, ED25519_KEY_SIZE, X25519_KEY_SIZE } from './constants';
import { ClientError } from './errors';

/**
 * A client's long-term secrets (Nym client-core `key_manager`): the ed25519 identity, the x25519
 * key others encrypt to, and the AES-128 key only this client reads its acks with.
 */
export interface ClientKeys {
  identityPrivateKey: Uint8Array;
  identityPublicKey: Uint8Array;
  encryptionPrivateKey: Uint8Array;
  encryptionPublicKey: Uint8Array;
  ackKey: Uint8Array;
}

export function clientKeysFromSecrets(secrets: {
  identityPrivateKey: Uint8Array;
  encryptionPrivateKey: Uint8Array;
  ackKey: Uint8Array;
}): ClientKeys {
  if (secrets.identityPrivateKey.length !== ED25519_KEY_SIZE)
    throw new ClientError('bad_key', `an ed25519 private key is ${ED25519_KEY_SIZE} bytes`);
  if (secrets.encryptionPrivateKey.length !== X25519_KEY_SIZE)
    throw new ClientError('bad_key', `an x25519 private key is ${X25519_KEY_SIZE} bytes`);
  if (secrets.ackKey.length !== ACK_KEY_SIZE)
    throw new ClientError('bad_key', `an ack key is ${ACK_KEY_SIZE} bytes`);
  return {
    identityPrivateKey: secrets.identityPrivateKey,
    identityPublicKey: ed25519.getPublicKey(secrets.identityPrivateKey),
    encryptionPrivateKey: secrets.encryptionPrivateKey,
    encryptionPublicKey: sphinxPublicKey(secrets.encryptionPrivateKey),
    ackKey: secrets.ackKey,
  };
}

export function generateClientKeys(randomBytes: (length: number) => Uint8Array): ClientKeys {
  return clientKeysFromSecrets({
    identityPrivateKey: randomBytes(ED25519_KEY_SIZE),
    encryptionPrivateKey: generateSphinxKeyPair(randomBytes).privateKey,
    ackKey: randomBytes(ACK_KEY_SIZE),
  });
}

export function clientAddress(keys: ClientKeys, gatewayIdentity: Uint8Array): Recipient {
  return { identity: keys.identityPublicKey, encryption: keys.encryptionPublicKey, gateway: gatewayIdentity };
}
