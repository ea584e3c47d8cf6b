import { type Ed25519KeyPair, generateX25519KeyPair, type X25519KeyPair } from '../crypto/keys';
import { type RandomBytes } from '../crypto/random';
import { ProtocolError } from './errors';
import {
  decodeFinalization,
  decodeGatewayMaterial,
  encodeInit,
  encodeMaterial,
  KDF_SALT_LENGTH,
} from './handshake-messages';
import { sealEphemeralSignature, verifyEphemeralSignature } from './handshake-signature';
import { deriveSharedKey } from './key-derivation';
import { type SharedKey } from './shared-key';

export interface ClientHandshakeState {
  identity: Ed25519KeyPair;
  ephemeral: X25519KeyPair;
  salt: Uint8Array;
}

/** Step 1: identity ‖ g^x ‖ fresh salt. */
export function startClientHandshake(
  identity: Ed25519KeyPair,
  random: RandomBytes,
): { init: Uint8Array; state: ClientHandshakeState } {
  const ephemeral = generateX25519KeyPair(random);
  const salt = random(KDF_SALT_LENGTH);
  return {
    init: encodeInit({ clientIdentity: identity.publicKey, clientEphemeral: ephemeral.publicKey, salt }),
    state: { identity, ephemeral, salt },
  };
}

/** Steps 3–4: verify the gateway (whose identity we know in advance) and answer with our signature. */
export function answerGatewayMaterial(
  state: ClientHandshakeState,
  gatewayMaterialBytes: Uint8Array,
  gatewayIdentity: Uint8Array,
  random: RandomBytes,
): { reply: Uint8Array; sharedKey: SharedKey } {
  const material = decodeGatewayMaterial(gatewayMaterialBytes);
  const sharedKey = deriveSharedKey(state.ephemeral.secretKey, material.gatewayEphemeral, state.salt);
  verifyEphemeralSignature(
    sharedKey,
    material,
    gatewayIdentity,
    material.gatewayEphemeral,
    state.ephemeral.publicKey,
  );
  const reply = sealEphemeralSignature(
    sharedKey,
    state.identity.secretKey,
    state.ephemeral.publicKey,
    material.gatewayEphemeral,
    random,
  );
  return { reply: encodeMaterial(reply), sharedKey };
}

/** Step 5: the gateway's one-byte verdict. */
export function checkFinalization(bytes: Uint8Array): void {
  if (!decodeFinalization(bytes)) {
    throw new ProtocolError('handshake-failed', 'gateway rejected the handshake', 'drop');
  }
}
