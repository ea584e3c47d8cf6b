import { diffieHellman } from 'node:crypto';
import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  KeyFileError,
  decodeKey,
  encodeKey,
  generateKeyPair,
  keyPairFromPrivateBytes,
  readKeyPair,
  writeKeyPair,
  type KeyPairPaths,
} from '../src';

function paths(name: string): KeyPairPaths {
  const dir = mkdtempSync(join(tmpdir(), 'nymts-keys-'));
  return {
    privateKeyPath: join(dir, 'keys', `private_${name}.pem`),
    publicKeyPath: join(dir, 'keys', `public_${name}.pem`),
  };
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof KeyFileError) return error.code;
    throw error;
  }
  return undefined;
}

describe('PEM key files', () => {
  it.each(['ed25519', 'x25519'] as const)(
    'writes a %s pair with mode 0600 and reads it back',
    (algorithm) => {
      const files = paths(algorithm);
      const keyPair = generateKeyPair(algorithm);
      writeKeyPair(files, keyPair);
      expect(statSync(files.privateKeyPath).mode & 0o777).toBe(0o600);
      expect(statSync(files.publicKeyPath).mode & 0o777).toBe(0o600);
      const read = readKeyPair(files, algorithm);
      expect(Buffer.from(read.privateKeyBytes).equals(Buffer.from(keyPair.privateKeyBytes))).toBe(true);
      expect(Buffer.from(read.publicKeyBytes).equals(Buffer.from(keyPair.publicKeyBytes))).toBe(true);
      expect(read.privateKeyBytes.length).toBe(32);
      expect(read.publicKeyBytes.length).toBe(32);
    },
  );

  it('never overwrites an existing key', () => {
    const files = paths('identity');
    writeKeyPair(files, generateKeyPair('ed25519'));
    expect(codeOf(() => writeKeyPair(files, generateKeyPair('ed25519')))).toBe('key_file_exists');
  });

  it('refuses a private key file others can read, naming the fix', () => {
    const files = paths('sphinx');
    writeKeyPair(files, generateKeyPair('x25519'));
    chmodSync(files.privateKeyPath, 0o644);
    expect(codeOf(() => readKeyPair(files, 'x25519'))).toBe('key_file_permissions');
    expect(() => readKeyPair(files, 'x25519')).toThrow(/chmod 600/);
  });

  it('refuses a key of the wrong type, a mismatched pair, garbage and a missing file', () => {
    const files = paths('identity');
    writeKeyPair(files, generateKeyPair('ed25519'));
    expect(codeOf(() => readKeyPair(files, 'x25519'))).toBe('key_type_mismatch');

    const other = paths('identity');
    writeKeyPair(other, generateKeyPair('ed25519'));
    expect(codeOf(() => readKeyPair({ ...files, publicKeyPath: other.publicKeyPath }, 'ed25519'))).toBe(
      'key_pair_mismatch',
    );

    const garbage = paths('garbage');
    writeKeyPair(garbage, generateKeyPair('ed25519'));
    writeFileSync(garbage.privateKeyPath, '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n');
    expect(codeOf(() => readKeyPair(garbage, 'ed25519'))).toBe('key_file_invalid');
    expect(codeOf(() => readKeyPair({ ...files, privateKeyPath: '/nonexistent/key.pem' }, 'ed25519'))).toBe(
      'key_file_unreadable',
    );
  });

  it('builds the same x25519 pair from raw bytes, usable for Diffie-Hellman', () => {
    const a = generateKeyPair('x25519');
    const b = generateKeyPair('x25519');
    const rebuilt = keyPairFromPrivateBytes('x25519', a.privateKeyBytes);
    expect(Buffer.from(rebuilt.publicKeyBytes).equals(Buffer.from(a.publicKeyBytes))).toBe(true);
    const shared1 = diffieHellman({ privateKey: rebuilt.privateKey, publicKey: b.publicKey });
    const shared2 = diffieHellman({ privateKey: b.privateKey, publicKey: a.publicKey });
    expect(shared1.equals(shared2)).toBe(true);
  });

  it('derives the RFC 8032 test 1 public key from its raw ed25519 secret', () => {
    // RFC 8032 §7.1, TEST 1.
    const secret = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    const pair = keyPairFromPrivateBytes('ed25519', secret);
    expect(Buffer.from(pair.publicKeyBytes).toString('hex')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
  });

  it('encodes keys in base58 as Nym prints them, and rejects bad text', () => {
    const key = generateKeyPair('ed25519').publicKeyBytes;
    expect(Buffer.from(decodeKey(encodeKey(key))).equals(Buffer.from(key))).toBe(true);
    expect(encodeKey(new Uint8Array(32))).toBe('11111111111111111111111111111111');
    expect(() => decodeKey('0OIl')).toThrow(/not base58/);
    expect(() => decodeKey('111')).toThrow(/decodes to 3/);
  });
});
