import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { fromBase64, toBase64, toHexUpper } from '../encoding/bytes';
import { sha256 } from '../crypto/hash';

/** An ed25519 key in CometBFT's priv_validator_key.json / node_key.json form. */
export interface Ed25519Key {
  publicKey: Uint8Array;
  /** sha256(public key)[:20]: the validator address, and (hex) the node id. */
  address: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
  /** 64 bytes: seed ‖ public key, as CometBFT stores it. */
  readonly privateKeyBytes: Uint8Array;
}

export function generateEd25519Key(): Ed25519Key {
  const { privateKey } = generateKeyPairSync('ed25519');
  return fromKeyObject(privateKey);
}

export function ed25519KeyFromBytes(bytes: Uint8Array): Ed25519Key {
  if (bytes.length !== 64)
    throw new Error(`an ed25519 private key is 64 bytes (seed and public key), got ${bytes.length}`);
  const key = createPrivateKey({
    key: {
      kty: 'OKP',
      crv: 'Ed25519',
      d: base64url(bytes.subarray(0, 32)),
      x: base64url(bytes.subarray(32)),
    },
    format: 'jwk',
  });
  const loaded = fromKeyObject(key);
  if (Buffer.compare(loaded.publicKey, bytes.subarray(32)) !== 0) {
    throw new Error('the ed25519 key file is inconsistent: its public key does not match its seed');
  }
  return loaded;
}

function fromKeyObject(privateKey: KeyObject): Ed25519Key {
  const jwk = privateKey.export({ format: 'jwk' });
  const seed = new Uint8Array(Buffer.from(jwk.d as string, 'base64url'));
  const publicKey = new Uint8Array(Buffer.from(jwk.x as string, 'base64url'));
  const privateKeyBytes = new Uint8Array(64);
  privateKeyBytes.set(seed);
  privateKeyBytes.set(publicKey, 32);
  return {
    publicKey,
    address: sha256(publicKey).subarray(0, 20),
    privateKeyBytes,
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
  };
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

const keyFileSchema = z.object({
  priv_key: z.object({ type: z.literal('tendermint/PrivKeyEd25519'), value: z.string() }),
});

export function keyToJson(key: Ed25519Key): Record<string, unknown> {
  return {
    address: toHexUpper(key.address),
    pub_key: { type: 'tendermint/PubKeyEd25519', value: toBase64(key.publicKey) },
    priv_key: { type: 'tendermint/PrivKeyEd25519', value: toBase64(key.privateKeyBytes) },
  };
}

export function keyFromJson(json: unknown, path: string): Ed25519Key {
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${path} is not an ed25519 key file: ${parsed.error.message}`);
  return ed25519KeyFromBytes(fromBase64(parsed.data.priv_key.value));
}
