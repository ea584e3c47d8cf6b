// Node keys on disk as standard PEM (PKCS#8 private, SPKI public), readable by OpenSSL. Files
// are created with mode 0600 and never overwritten; a private key file that group or others can
// read is refused, as ssh refuses one.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NodeError } from '../errors';

export type KeyAlgorithm = 'ed25519' | 'x25519';

export interface KeyPair {
  algorithm: KeyAlgorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The raw 32-byte forms, as Nym encodes keys (and as Sphinx takes them). */
  privateKeyBytes: Uint8Array;
  publicKeyBytes: Uint8Array;
}

export interface KeyPairPaths {
  privateKeyPath: string;
  publicKeyPath: string;
}

export type KeyFileErrorCode =
  | 'key_file_exists'
  | 'key_file_unreadable'
  | 'key_file_permissions'
  | 'key_file_invalid'
  | 'key_type_mismatch'
  | 'key_pair_mismatch';

export class KeyFileError extends NodeError {
  declare readonly code: KeyFileErrorCode;

  constructor(code: KeyFileErrorCode, message: string, details: Record<string, unknown>, cause?: unknown) {
    super(code, message, { action: 'reject', details, cause });
  }
}

function rawKeyBytes(key: KeyObject, field: 'd' | 'x'): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  const encoded = jwk[field];
  if (typeof encoded !== 'string') throw new TypeError(`key has no JWK "${field}" field`);
  return new Uint8Array(Buffer.from(encoded, 'base64url'));
}

function toKeyPair(algorithm: KeyAlgorithm, privateKey: KeyObject, publicKey: KeyObject): KeyPair {
  return {
    algorithm,
    privateKey,
    publicKey,
    privateKeyBytes: rawKeyBytes(privateKey, 'd'),
    publicKeyBytes: rawKeyBytes(publicKey, 'x'),
  };
}

export function generateKeyPair(algorithm: KeyAlgorithm): KeyPair {
  const { privateKey, publicKey } =
    algorithm === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  return toKeyPair(algorithm, privateKey, publicKey);
}

// RFC 8410 PKCS#8 encodings of a raw 32-byte private key: a fixed DER prefix, then the key.
const PKCS8_PREFIX: Record<KeyAlgorithm, Buffer> = {
  ed25519: Buffer.from('302e020100300506032b657004220420', 'hex'),
  x25519: Buffer.from('302e020100300506032b656e04220420', 'hex'),
};

/** Builds a key pair from a raw 32-byte private key (the public key is derived). */
export function keyPairFromPrivateBytes(algorithm: KeyAlgorithm, privateKeyBytes: Uint8Array): KeyPair {
  if (privateKeyBytes.length !== 32) {
    throw new KeyFileError('key_file_invalid', `a raw ${algorithm} private key is 32 bytes`, {
      length: privateKeyBytes.length,
    });
  }
  const der = Buffer.concat([PKCS8_PREFIX[algorithm], privateKeyBytes]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return toKeyPair(algorithm, privateKey, createPublicKey(privateKey));
}

function writeSecretFile(path: string, contents: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, contents, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new KeyFileError('key_file_exists', `refusing to overwrite the existing key file ${path}`, {
        path,
      });
    }
    throw error;
  }
  // The process umask may only take bits away; set the mode explicitly all the same.
  chmodSync(path, 0o600);
}

/** Writes both PEM files with mode 0600; fails rather than overwrite an existing key. */
export function writeKeyPair(paths: KeyPairPaths, keyPair: KeyPair): void {
  const privatePem = keyPair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const publicPem = keyPair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  writeSecretFile(paths.privateKeyPath, privatePem);
  writeSecretFile(paths.publicKeyPath, publicPem);
}

function readPem(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new KeyFileError('key_file_unreadable', `cannot read key file ${path}`, { path }, error);
  }
}

function checkPrivateFileMode(path: string): void {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new KeyFileError(
      'key_file_permissions',
      `private key file ${path} has mode ${mode.toString(8)}; others must not read it (chmod 600 ${path})`,
      { path, mode: mode.toString(8) },
    );
  }
}

function checkAlgorithm(key: KeyObject, algorithm: KeyAlgorithm, path: string): void {
  if (key.asymmetricKeyType !== algorithm) {
    throw new KeyFileError(
      'key_type_mismatch',
      `${path} holds a ${String(key.asymmetricKeyType)} key, expected ${algorithm}`,
      { path, found: key.asymmetricKeyType, expected: algorithm },
    );
  }
}

/** Reads and checks a key pair: file mode, key type, and that the public key matches the private. */
export function readKeyPair(paths: KeyPairPaths, algorithm: KeyAlgorithm): KeyPair {
  const privatePem = readPem(paths.privateKeyPath);
  checkPrivateFileMode(paths.privateKeyPath);
  let privateKey: KeyObject;
  let publicKey: KeyObject;
  try {
    privateKey = createPrivateKey(privatePem);
  } catch (error) {
    throw new KeyFileError(
      'key_file_invalid',
      `${paths.privateKeyPath} is not a PEM private key`,
      { path: paths.privateKeyPath },
      error,
    );
  }
  try {
    publicKey = createPublicKey(readPem(paths.publicKeyPath));
  } catch (error) {
    if (error instanceof KeyFileError) throw error;
    throw new KeyFileError(
      'key_file_invalid',
      `${paths.publicKeyPath} is not a PEM public key`,
      { path: paths.publicKeyPath },
      error,
    );
  }
  checkAlgorithm(privateKey, algorithm, paths.privateKeyPath);
  checkAlgorithm(publicKey, algorithm, paths.publicKeyPath);
  const keyPair = toKeyPair(algorithm, privateKey, publicKey);
  const derived = rawKeyBytes(createPublicKey(privateKey), 'x');
  if (!Buffer.from(derived).equals(Buffer.from(keyPair.publicKeyBytes))) {
    throw new KeyFileError(
      'key_pair_mismatch',
      `${paths.publicKeyPath} is not the public key of ${paths.privateKeyPath}`,
      {
        privateKeyPath: paths.privateKeyPath,
        publicKeyPath: paths.publicKeyPath,
      },
    );
  }
  return keyPair;
}
