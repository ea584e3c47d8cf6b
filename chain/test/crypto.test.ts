import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toBech32, fromBech32 } from '@cosmjs/encoding';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { secp256k1 } from '@noble/curves/secp256k1';
import fc from 'fast-check';
import { DEV_MNEMONICS, devAccounts } from '../src/config/dev-accounts';
import { addressFromSecp256k1, cachedAddressFromSecp256k1 } from '../src/crypto/address';
import { sha256 } from '../src/crypto/hash';
import { SignatureVerifier } from '../src/crypto/signature-verifier';
import {
  DEFAULT_SECP256K1_BACKEND,
  hasLibsecp256k1,
  isCanonicalSignature,
  isValidCompressedPublicKey,
  verifySecp256k1,
  type Secp256k1Backend,
} from '../src/crypto/secp256k1';

const vectors = (name: string) => JSON.parse(readFileSync(join(__dirname, 'vectors', name), 'utf8'));
const secp256k1Vectors = vectors('secp256k1.json') as Array<{
  publicKey: string;
  message: string;
  signature: string;
}>;
const devVectors = vectors('dev-accounts.json') as Array<{ mnemonic: string; cosmosAddress: string }>;

const ORDER = secp256k1.CURVE.n;
const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

function sign(privateKey: Uint8Array, message: Uint8Array): Uint8Array {
  const digest = createHash('sha256').update(message).digest();
  return secp256k1.sign(digest, privateKey, { lowS: true }).toCompactRawBytes();
}

function highS(signature: Uint8Array): Uint8Array {
  const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`);
  const flipped = Buffer.from((ORDER - s).toString(16).padStart(64, '0'), 'hex');
  return Uint8Array.from([...signature.subarray(0, 32), ...flipped]);
}

const BACKENDS: Secp256k1Backend[] = hasLibsecp256k1()
  ? ['libsecp256k1', 'node', 'noble']
  : ['node', 'noble'];

describe('secp256k1 verification (libsecp256k1, node:crypto and noble)', () => {
  it('uses the prebuilt libsecp256k1 where the package ships one (linux-x64: CI and this machine)', () => {
    if (process.platform === 'linux' && process.arch === 'x64') expect(hasLibsecp256k1()).toBe(true);
    expect(DEFAULT_SECP256K1_BACKEND).toBe(hasLibsecp256k1() ? 'libsecp256k1' : 'node');
  });

  it.each(BACKENDS)('accepts the published vector with %s', (backend) => {
    for (const vector of secp256k1Vectors) {
      expect(
        verifySecp256k1(hex(vector.publicKey), hex(vector.message), hex(vector.signature), backend),
      ).toBe(true);
      const wrong = hex(vector.message);
      wrong[0] ^= 1;
      expect(verifySecp256k1(hex(vector.publicKey), wrong, hex(vector.signature), backend)).toBe(false);
    }
  });

  it('agrees across backends on valid, tampered, high-S and foreign-key signatures', () => {
    fc.assert(
      fc.property(
        fc
          .uint8Array({ minLength: 32, maxLength: 32 })
          .filter((key) => secp256k1.utils.isValidPrivateKey(key)),
        fc.uint8Array({ minLength: 0, maxLength: 300 }),
        fc.nat(63),
        (privateKey, message, flip) => {
          const publicKey = secp256k1.getPublicKey(privateKey, true);
          const signature = sign(privateKey, message);
          const tampered = Uint8Array.from(signature);
          tampered[flip] ^= 0x80;
          const other = secp256k1.getPublicKey(secp256k1.utils.randomPrivateKey(), true);
          for (const [key, sig, expected] of [
            [publicKey, signature, true],
            [publicKey, tampered, false],
            [publicKey, highS(signature), false],
            [other, signature, false],
          ] as const) {
            for (const backend of BACKENDS)
              expect(verifySecp256k1(key, message, sig, backend)).toBe(expected);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rejects malformed keys and non-canonical signatures before any curve work', () => {
    const valid = hex(secp256k1Vectors[0]!.publicKey);
    const uncompressed = secp256k1.ProjectivePoint.fromHex(valid).toRawBytes(false);
    expect(isValidCompressedPublicKey(valid)).toBe(true);
    expect(isValidCompressedPublicKey(uncompressed)).toBe(false);
    expect(isValidCompressedPublicKey(Uint8Array.from([0x04, ...valid.subarray(1)]))).toBe(false);
    // x = 5 is not the x coordinate of any point on secp256k1 (5^3 + 7 = 132 is not a square mod p).
    const offCurve = new Uint8Array(33);
    offCurve[0] = 2;
    offCurve[32] = 5;
    expect(isValidCompressedPublicKey(offCurve)).toBe(false);
    const signature = hex(secp256k1Vectors[0]!.signature);
    expect(isCanonicalSignature(signature)).toBe(true);
    expect(isCanonicalSignature(signature.subarray(0, 63))).toBe(false);
    expect(isCanonicalSignature(new Uint8Array(64))).toBe(false);
    expect(isCanonicalSignature(highS(signature))).toBe(false);
    const rTooLarge = Uint8Array.from([...Buffer.from(ORDER.toString(16), 'hex'), ...signature.subarray(32)]);
    expect(isCanonicalSignature(rTooLarge)).toBe(false);
    const message = hex(secp256k1Vectors[0]!.message);
    for (const backend of BACKENDS) {
      expect(verifySecp256k1(offCurve, message, signature, backend)).toBe(false);
      expect(verifySecp256k1(uncompressed, message, signature, backend)).toBe(false);
      expect(
        verifySecp256k1(Uint8Array.from([0x04, ...valid.subarray(1)]), message, signature, backend),
      ).toBe(false);
      expect(verifySecp256k1(valid, message, highS(signature), backend)).toBe(false);
      expect(verifySecp256k1(valid, message, new Uint8Array(64), backend)).toBe(false);
      expect(verifySecp256k1(valid, message, rTooLarge, backend)).toBe(false);
      expect(verifySecp256k1(new Uint8Array(33), message, signature, backend)).toBe(false);
    }
  });
});

describe('SignatureVerifier', () => {
  const privateKey = secp256k1.utils.randomPrivateKey();
  const publicKey = secp256k1.getPublicKey(privateKey, true);
  const message = new TextEncoder().encode('sign doc');
  const payload = (id: string, signature: Uint8Array, built: { count: number }) => ({
    id,
    signature,
    signBytes: () => {
      built.count++;
      return message;
    },
  });

  it('builds the sign bytes only on a miss and caches successes by id and public key', () => {
    const verifier = new SignatureVerifier();
    const built = { count: 0 };
    const signature = sign(privateKey, message);
    expect(verifier.verify(publicKey, payload('tx/0', signature, built))).toBe(true);
    expect(verifier.verify(publicKey, payload('tx/0', signature, built))).toBe(true);
    expect(built.count).toBe(1);
    const other = secp256k1.getPublicKey(secp256k1.utils.randomPrivateKey(), true);
    expect(verifier.verify(other, payload('tx/0', signature, built))).toBe(false);
    expect(built.count).toBe(2);
  });

  it('does not cache failures', () => {
    const verifier = new SignatureVerifier();
    const built = { count: 0 };
    const tampered = sign(privateKey, message);
    tampered[5] ^= 1;
    expect(verifier.verify(publicKey, payload('tx/1', tampered, built))).toBe(false);
    expect(verifier.verify(publicKey, payload('tx/1', tampered, built))).toBe(false);
    expect(built.count).toBe(2);
  });
});

describe('sha256', () => {
  it('equals node:crypto for any split of the input, small and large', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 9000 }),
        fc.array(fc.nat(9000), { maxLength: 3 }),
        (data, cuts) => {
          const points = [...new Set(cuts.map((cut) => cut % (data.length + 1)))].sort((a, b) => a - b);
          const parts = [0, ...points, data.length]
            .slice(0, -1)
            .map((start, index, starts) => data.subarray(start, starts[index + 1] ?? data.length));
          const expected = new Uint8Array(createHash('sha256').update(data).digest());
          expect(sha256(...parts)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('cachedAddressFromSecp256k1', () => {
  it('gives the address addressFromSecp256k1 derives, for every key, on a miss and on a hit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (seed) => {
        const publicKey = secp256k1.getPublicKey(sha256(seed), true);
        const expected = addressFromSecp256k1(publicKey);
        expect(cachedAddressFromSecp256k1(publicKey)).toEqual(expected);
        expect(cachedAddressFromSecp256k1(Uint8Array.from(publicKey))).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});

describe('dev accounts', () => {
  it('are valid BIP-39 mnemonics whose addresses match what cosmjs wallets derive', async () => {
    const accounts = await devAccounts('n');
    expect(accounts).toHaveLength(DEV_MNEMONICS.length);
    for (const account of accounts) {
      const wallet = await DirectSecp256k1HdWallet.fromMnemonic(account.mnemonic, { prefix: 'n' });
      expect((await wallet.getAccounts())[0]!.address).toBe(account.address);
    }
    expect(new Set(accounts.map((account) => account.address)).size).toBe(accounts.length);
  });

  it('derive the published address of the abandon…about mnemonic', async () => {
    const [first] = await devAccounts('n', 1);
    const vector = devVectors[0]!;
    expect(first!.mnemonic).toBe(vector.mnemonic);
    expect(toBech32('cosmos', fromBech32(first!.address, 90).data)).toBe(vector.cosmosAddress);
  });
});
