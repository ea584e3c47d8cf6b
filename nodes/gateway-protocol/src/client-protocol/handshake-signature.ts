import { concatBytes } from '../crypto/bytes';
import { signEd25519, verifyEd25519 } from '../crypto/keys';
import { type RandomBytes } from '../crypto/random';
import { ProtocolError } from './errors';
import { type MaterialMessage } from './handshake-messages';
import { type SharedKey } from './shared-key';

// Each side proves its identity by signing both ephemeral keys, its own first, and sends the
// signature encrypted under the freshly derived key (so only the holder of the key can read it).

export function sealEphemeralSignature(
  sharedKey: SharedKey,
  identitySecret: Uint8Array,
  ownEphemeral: Uint8Array,
  peerEphemeral: Uint8Array,
  random: RandomBytes,
): MaterialMessage {
  const signature = signEd25519(identitySecret, concatBytes(ownEphemeral, peerEphemeral));
  const nonce = sharedKey.randomNonce(random);
  return { signatureCiphertext: sharedKey.encrypt(signature, nonce), nonce };
}

export function verifyEphemeralSignature(
  sharedKey: SharedKey,
  material: MaterialMessage,
  peerIdentity: Uint8Array,
  peerEphemeral: Uint8Array,
  ownEphemeral: Uint8Array,
): void {
  let signature: Uint8Array;
  try {
    signature = sharedKey.decrypt(material.signatureCiphertext, material.nonce);
  } catch {
    throw new ProtocolError('handshake-failed', 'could not decrypt the peer key material', 'drop');
  }
  if (!verifyEd25519(peerIdentity, concatBytes(peerEphemeral, ownEphemeral), signature)) {
    throw new ProtocolError('invalid-signature', 'peer signature over the ephemeral keys is invalid', 'drop');
  }
}
