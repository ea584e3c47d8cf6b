import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { encodeBase58, tryDecodeBase58 } from '../address/base58';
import { ClientError } from '../errors';
import { type ClientKeys, clientKeysFromSecrets, generateClientKeys } from '../keys';

// nym-client keeps each key in its own PEM file, and node-common's PEM files hold key pairs; the ack
// key is a bare AES key, so the client keeps its three secrets in one JSON file (bs58, mode 0600),
// written and read here only.

const keyFile = z.object({
  version: z.literal(1),
  identityPrivateKey: z.string(),
  encryptionPrivateKey: z.string(),
  ackKey: z.string(),
});

function decode(text: string, field: string, path: string): Uint8Array {
  const bytes = tryDecodeBase58(text);
  if (bytes === undefined) throw new ClientError('bad_key', `${field} in ${path} is not base58`);
  return bytes;
}

export function readClientKeys(path: string): ClientKeys {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new ClientError(
      'bad_key',
      `key file ${path} has mode ${mode.toString(8)}; others must not read it (chmod 600 ${path})`,
      { details: { path } },
    );
  }
  let parsed: z.infer<typeof keyFile>;
  try {
    parsed = keyFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new ClientError('bad_key', `${path} is not a nymts client key file`, {
      cause: error,
      details: { path },
    });
  }
  return clientKeysFromSecrets({
    identityPrivateKey: decode(parsed.identityPrivateKey, 'identityPrivateKey', path),
    encryptionPrivateKey: decode(parsed.encryptionPrivateKey, 'encryptionPrivateKey', path),
    ackKey: decode(parsed.ackKey, 'ackKey', path),
  });
}

/** Writes a new key file (mode 0600) atomically; never replaces an existing one. */
export function writeClientKeys(path: string, keys: ClientKeys): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const contents = JSON.stringify({
    version: 1,
    identityPrivateKey: encodeBase58(keys.identityPrivateKey),
    encryptionPrivateKey: encodeBase58(keys.encryptionPrivateKey),
    ackKey: encodeBase58(keys.ackKey),
  });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temporary, 0o600);
  try {
    // link() fails if `path` exists, so a key file is never replaced, even by a concurrent writer.
    linkSync(temporary, path);
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    throw new ClientError(
      'bad_key',
      exists ? `refusing to overwrite the existing key file ${path}` : `cannot write key file ${path}`,
      { cause: error, details: { path } },
    );
  } finally {
    unlinkSync(temporary);
  }
}

/** The keys in `path`, generated and written on first use. */
export function loadOrCreateClientKeys(
  path: string,
  randomBytes: (length: number) => Uint8Array,
): { keys: ClientKeys; created: boolean } {
  try {
    statSync(path);
  } catch {
    const keys = generateClientKeys(randomBytes);
    writeClientKeys(path, keys);
    return { keys, created: true };
  }
  return { keys: readClientKeys(path), created: false };
}
