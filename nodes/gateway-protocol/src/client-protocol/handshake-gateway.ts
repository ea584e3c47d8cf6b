import { type Ed25519KeyPair, generateX25519KeyPair } from '../crypto/keys';
import { type RandomBytes } from '../crypto/random';
import { decodeMaterial, encodeGatewayMaterial, type InitMessage } from './handshake-messages';
import { sealEphemeralSignature, verifyEphemeralSignature } from './handshake-signature';
import { deriveSharedKey } from './key-derivation';
import { type SharedKey } from './shared-key';

/** Gateway state between sending its key material and receiving the client's. */
export interface GatewayHandshakeState {
  clientIdentity: Uint8Array;
  clientEphemeral: Uint8Array;
  gatewayEphemeral: Uint8Array;
  sharedKey: SharedKey;
}

/** Step 2–3: derive the key from the client's init and answer g^y ‖ Enc(sig(g^y ‖ g^x)) ‖ nonce. */
export function respondToInit(
  init: InitMessage,
  gatewayIdentity: Ed25519KeyPair,
  random: RandomBytes,
): { reply: Uint8Array; state: GatewayHandshakeState } {
  const ephemeral = generateX25519KeyPair(random);
  const sharedKey = deriveSharedKey(ephemeral.secretKey, init.clientEphemeral, init.salt);
  const material = sealEphemeralSignature(
    sharedKey,
    gatewayIdentity.secretKey,
    ephemeral.publicKey,
    init.clientEphemeral,
    random,
  );
  return {
    reply: encodeGatewayMaterial({ gatewayEphemeral: ephemeral.publicKey, ...material }),
    state: {
      clientIdentity: init.clientIdentity,
      clientEphemeral: init.clientEphemeral,
      gatewayEphemeral: ephemeral.publicKey,
      sharedKey,
    },
  };
}

/** Step 4–5: check the client's signature over g^x ‖ g^y; the caller then sends finalization. */
export function acceptClientMaterial(state: GatewayHandshakeState, materialBytes: Uint8Array): SharedKey {
  verifyEphemeralSignature(
    state.sharedKey,
    decodeMaterial(materialBytes),
    state.clientIdentity,
    state.clientEphemeral,
    state.gatewayEphemeral,
  );
  return state.sharedKey;
}
