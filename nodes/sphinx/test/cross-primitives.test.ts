import fc from 'fast-check';
import { ED25519_TORSION_SUBGROUP, ed25519 } from '@noble/curves/ed25519';
import { montgomeryLadder } from '../src/primitives/montgomery-ladder';
import { clampedRepresentative, GROUP_ORDER, bytesToBigIntLE, clampScalar } from '../src/primitives/scalar';
import { node, noble, toHex } from './helpers/primitive-sets';

const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });
const anyBytes = (maxLength: number) => fc.uint8Array({ minLength: 0, maxLength });
const RUNS = { numRuns: 60 };

/** u-coordinate of a random point of prime order ℓ (an honest public key). */
const primeOrderU = bytes(32).map((seed) => noble.x25519Base(seed));
const scalarModOrder = bytes(32).map((seed) => bytesToBigIntLE(seed) % GROUP_ORDER);

describe('node:crypto and @noble give identical bytes on the same inputs', () => {
  test('X25519 on arbitrary u (including the twist) and arbitrary scalars', () => {
    fc.assert(
      fc.property(bytes(32), bytes(32), (scalar, u) => {
        const run = (f: () => Uint8Array) => {
          try {
            return toHex(f());
          } catch {
            return 'throws';
          }
        };
        expect(run(() => node.x25519(scalar, u))).toBe(run(() => noble.x25519(scalar, u)));
      }),
      RUNS,
    );
  });

  test('X25519 refuses the low-order points alike (all encodings, top bit set or not)', () => {
    const p = 2n ** 255n - 19n;
    const le = (value: bigint): Uint8Array =>
      Uint8Array.from({ length: 32 }, (_, i) => Number((value >> BigInt(8 * i)) & 0xffn));
    const orderEight = [
      'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
      '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
    ].map((hex) => Uint8Array.from(Buffer.from(hex, 'hex')));
    const points = [...[0n, 1n, p - 1n, p, p + 1n].map(le), ...orderEight];
    const withTopBit = points.map((u) => Uint8Array.of(...u.subarray(0, 31), (u[31] as number) | 0x80));
    const scalar = new Uint8Array(32).fill(7);
    for (const u of [...points, ...withTopBit]) {
      expect(() => node.x25519(scalar, u)).toThrow();
      expect(() => noble.x25519(scalar, u)).toThrow();
    }
  });

  test('X25519 with the base point', () => {
    fc.assert(
      fc.property(bytes(32), (scalar) => {
        expect(toHex(node.x25519Base(scalar))).toBe(toHex(noble.x25519Base(scalar)));
      }),
      RUNS,
    );
  });

  test('HKDF-SHA256, HMAC-SHA256, AES-128-CTR, ChaCha20, keyed BLAKE2b', () => {
    fc.assert(
      fc.property(
        bytes(32),
        anyBytes(80),
        anyBytes(120),
        fc.integer({ min: 1, max: 400 }),
        anyBytes(3000),
        (ikm, salt, info, length, data) => {
          expect(toHex(node.hkdfSha256(ikm, salt, info, length))).toBe(
            toHex(noble.hkdfSha256(ikm, salt, info, length)),
          );
          expect(toHex(node.hmacSha256(salt, data))).toBe(toHex(noble.hmacSha256(salt, data)));
          const iv = ikm.subarray(0, 16);
          expect(toHex(node.aes128Ctr(ikm.subarray(16), iv, data))).toBe(
            toHex(noble.aes128Ctr(ikm.subarray(16), iv, data)),
          );
          const nonce = ikm.subarray(0, 12);
          expect(toHex(node.chacha20(ikm, nonce, length, data))).toBe(
            toHex(noble.chacha20(ikm, nonce, length, data)),
          );
          const key = Uint8Array.from({ length: 64 }, (_, i) => (ikm[i % 32] as number) ^ i);
          expect(toHex(node.blake2b(key, data, 32))).toBe(toHex(noble.blake2b(key, data, 32)));
        },
      ),
      RUNS,
    );
  });
});

describe("Nym's legacy unclamped blinding", () => {
  test('the Montgomery ladder equals X25519 for scalars already in clamped form', () => {
    fc.assert(
      fc.property(bytes(32), bytes(32), (seed, u) => {
        const scalar = clampScalar(seed);
        expect(toHex(montgomeryLadder(bytesToBigIntLE(scalar), u))).toBe(toHex(noble.x25519(scalar, u)));
      }),
      { numRuns: 20 },
    );
  });

  test('node (one clamped X25519 via a representative) equals the exact ladder on prime-order points', () => {
    fc.assert(
      fc.property(scalarModOrder, primeOrderU, (k, u) => {
        expect(toHex(node.scalarMultModOrder(k, u))).toBe(toHex(noble.scalarMultModOrder(k, u)));
      }),
      { numRuns: 40 },
    );
  });

  test('a clamped-form representative exists for nearly every scalar and is congruent to ±k', () => {
    fc.assert(
      fc.property(scalarModOrder, (k) => {
        const representative = clampedRepresentative(k);
        expect(representative).toBeDefined();
        const value = bytesToBigIntLE(representative as Uint8Array);
        expect(toHex(clampScalar(representative as Uint8Array))).toBe(toHex(representative as Uint8Array));
        expect([k, (GROUP_ORDER - k) % GROUP_ORDER]).toContain(value % GROUP_ORDER);
      }),
      { numRuns: 200 },
    );
  });

  test('with a small-order component in α the two paths differ only by it: the next hop derives the same secret', () => {
    const prime = ed25519.ExtendedPoint.BASE.multiply(123456789n);
    const torsion = ed25519.ExtendedPoint.fromHex(ED25519_TORSION_SUBGROUP[1] as string);
    const alpha = prime.add(torsion).toRawBytes();
    const u = ed25519.utils.toMontgomery(alpha);
    const k = 987654321987654321n;
    const exact = noble.scalarMultModOrder(k, u);
    const fast = node.scalarMultModOrder(k, u);
    expect(toHex(exact)).not.toBe(toHex(fast));
    const nextHopKey = clampScalar(new Uint8Array(32).fill(7));
    expect(toHex(node.x25519(nextHopKey, exact))).toBe(toHex(node.x25519(nextHopKey, fast)));
  });
});
