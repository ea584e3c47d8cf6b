import aesVectors from './vectors/aes-128-ctr.json';
import blake2bVectors from './vectors/blake2b.json';
import chachaVectors from './vectors/chacha20.json';
import hkdfVectors from './vectors/hkdf-sha256.json';
import hmacVectors from './vectors/hmac-sha256.json';
import lionessVectors from './vectors/lioness.json';
import x25519Vectors from './vectors/x25519.json';
import { lionessDecrypt, lionessEncrypt } from '../src/index';
import { PRIMITIVE_SETS, hex, toHex } from './helpers/primitive-sets';

describe.each(PRIMITIVE_SETS)('%s primitives pass the published known-answer vectors', (_name, p) => {
  test.each(x25519Vectors.cases)('X25519 RFC 7748 $name', ({ scalar, u, output }) => {
    expect(toHex(p.x25519(hex(scalar), hex(u)))).toBe(output);
  });

  test('X25519 RFC 7748 iterated 1 and 1000 times', () => {
    let k = hex('09'.padEnd(64, '0'));
    let u = k;
    for (let i = 1; i <= 1000; i++) {
      [k, u] = [p.x25519(k, u), k];
      if (i === 1) expect(toHex(k)).toBe(x25519Vectors.iterated.after1);
    }
    expect(toHex(k)).toBe(x25519Vectors.iterated.after1000);
  });

  test('X25519 with the base point equals the RFC public keys', () => {
    expect(toHex(p.x25519Base(hex(x25519Vectors.cases[2]!.scalar)))).toBe(x25519Vectors.cases[2]!.output);
  });

  test.each(hkdfVectors.cases)('HKDF-SHA256 RFC 5869 $name', ({ ikm, salt, info, length, okm }) => {
    expect(toHex(p.hkdfSha256(hex(ikm), hex(salt), hex(info), length))).toBe(okm);
  });

  test.each(hmacVectors.cases)('HMAC-SHA256 RFC 4231 $name', ({ key, data, mac }) => {
    expect(toHex(p.hmacSha256(hex(key), hex(data))).slice(0, mac.length)).toBe(mac);
  });

  test.each(aesVectors.cases)(
    'AES-128-CTR SP 800-38A $name, both directions',
    ({ key, iv, plaintext, ciphertext }) => {
      expect(toHex(p.aes128Ctr(hex(key), hex(iv), hex(plaintext)))).toBe(ciphertext);
      expect(toHex(p.aes128Ctr(hex(key), hex(iv), hex(ciphertext)))).toBe(plaintext);
    },
  );

  test.each(chachaVectors.cases)(
    'ChaCha20 RFC 8439 $name',
    ({ key, nonce, counter, plaintext, ciphertext }) => {
      expect(toHex(p.chacha20(hex(key), hex(nonce), counter, hex(plaintext)))).toBe(ciphertext);
    },
  );

  test.each(blake2bVectors.cases)('BLAKE2b $name', ({ key, data, outputLength, digest }) => {
    expect(toHex(p.blake2b(hex(key), hex(data), outputLength))).toBe(digest);
  });

  test('BLAKE2b RFC 7693 Appendix E self-test (keyed and unkeyed, outputs 20–64 bytes)', () => {
    const sequence = (length: number, seed: number): Uint8Array => {
      const out = new Uint8Array(length);
      let a = Math.imul(0xdead4bad, seed) >>> 0;
      let b = 1;
      for (let i = 0; i < length; i++) {
        const t = (a + b) >>> 0;
        a = b;
        b = t;
        out[i] = t >>> 24;
      }
      return out;
    };
    const { outputLengths, inputLengths, result } = blake2bVectors.selfTest;
    const hashes: Uint8Array[] = [];
    for (const outLength of outputLengths) {
      for (const inLength of inputLengths) {
        const input = sequence(inLength, inLength);
        hashes.push(p.blake2b(new Uint8Array(0), input, outLength));
        hashes.push(p.blake2b(sequence(outLength, outLength), input, outLength));
      }
    }
    expect(toHex(p.blake2b(new Uint8Array(0), Buffer.concat(hashes), 32))).toBe(result);
  });

  test.each(lionessVectors.cases)('Lioness $name: encrypt gives the vector, decrypt inverts it', (vector) => {
    const ciphertext = lionessEncrypt(p, hex(vector.key), hex(vector.plaintext));
    expect(toHex(ciphertext)).toBe(vector.ciphertext);
    expect(toHex(lionessDecrypt(p, hex(vector.key), ciphertext))).toBe(vector.plaintext);
  });
});
