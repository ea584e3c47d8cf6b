import {
  BACKEND_NAMES,
  Bls12381Error,
  FIELD_MODULUS,
  type BackendName,
  type Bls12381,
  type PointGroup,
} from '../src';
import {
  bytesToHex,
  g1CurvePointOutsideSubgroup,
  g1NonCurveX,
  g2CurvePointOutsideSubgroup,
  hexToBytes,
  loadAll,
} from './helpers';

let backends: Record<BackendName, Bls12381>;
beforeAll(async () => {
  backends = await loadAll();
});

function codeOf(decode: () => unknown): string {
  try {
    decode();
  } catch (error) {
    if (error instanceof Bls12381Error) return error.code;
    throw error;
  }
  return 'accepted';
}

const G1_GENERATOR =
  '97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb';

function identity(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes[0] = 0xc0;
  return bytes;
}

describe.each(BACKEND_NAMES)('strict point decoding on the %s backend', (name) => {
  const groups = (): [string, PointGroup<unknown>][] => [
    ['G1', backends[name].G1 as PointGroup<unknown>],
    ['G2', backends[name].G2 as PointGroup<unknown>],
  ];

  it('writes the standard generators', () => {
    expect(bytesToHex(backends[name].G1.toBytes(backends[name].G1.generator))).toBe(G1_GENERATOR);
  });

  it.each(['G1', 'G2'])('%s: round-trips points and rejects the wrong length', (groupName) => {
    const [, group] = groups().find(([n]) => n === groupName)!;
    const point = group.mul(group.generator, 0x1234567890abcdefn);
    const bytes = group.toBytes(point);
    expect(bytes.length).toBe(group.byteLength);
    expect(group.eq(group.fromBytes(bytes), point)).toBe(true);
    expect(codeOf(() => group.fromBytes(bytes.subarray(1)))).toBe('bad-length');
    expect(codeOf(() => group.fromBytes(new Uint8Array([...bytes, 0])))).toBe('bad-length');
  });

  it.each(['G1', 'G2'])('%s: the identity decodes only when the caller allows it', (groupName) => {
    const [, group] = groups().find(([n]) => n === groupName)!;
    const bytes = identity(group.byteLength);
    expect(bytesToHex(group.toBytes(group.zero))).toBe(bytesToHex(bytes));
    expect(codeOf(() => group.fromBytes(bytes))).toBe('identity');
    expect(group.isZero(group.fromBytes(bytes, { allowIdentity: true }))).toBe(true);
  });

  it.each(['G1', 'G2'])('%s: refuses non-canonical identity encodings', (groupName) => {
    const [, group] = groups().find(([n]) => n === groupName)!;
    const strayBit = identity(group.byteLength);
    strayBit[group.byteLength - 1] = 1;
    const sortFlag = identity(group.byteLength);
    sortFlag[0] = 0xe0;
    for (const bytes of [strayBit, sortFlag]) {
      expect(codeOf(() => group.fromBytes(bytes, { allowIdentity: true }))).toBe('bad-encoding');
    }
  });

  it.each(['G1', 'G2'])('%s: refuses encodings without the compression flag', (groupName) => {
    const [, group] = groups().find(([n]) => n === groupName)!;
    const bytes = group.toBytes(group.generator);
    bytes[0] = (bytes[0] as number) & 0x7f;
    expect(codeOf(() => group.fromBytes(bytes))).toBe('bad-encoding');
  });

  it('G1: refuses x ≥ p, x off the curve and points outside the subgroup', () => {
    const { G1 } = backends[name];
    for (const x of [FIELD_MODULUS, FIELD_MODULUS + 1n, (1n << 381n) - 1n]) {
      const bytes = hexToBytes(x.toString(16).padStart(96, '0'));
      bytes[0] = (bytes[0] as number) | 0x80;
      expect(codeOf(() => G1.fromBytes(bytes))).toBe('bad-encoding');
    }
    expect(codeOf(() => G1.fromBytes(g1NonCurveX(5n)))).toBe('invalid-point');
    expect(codeOf(() => G1.fromBytes(g1CurvePointOutsideSubgroup(5n)))).toBe('invalid-point');
  });

  it('G2: refuses either coordinate half ≥ p and points outside the subgroup', () => {
    const { G2 } = backends[name];
    const generator = G2.toBytes(G2.generator);
    const c0Wrapped = generator.slice();
    c0Wrapped.set(hexToBytes(FIELD_MODULUS.toString(16).padStart(96, '0')), 48);
    expect(codeOf(() => G2.fromBytes(c0Wrapped))).toBe('bad-encoding');
    const c1Wrapped = generator.slice();
    c1Wrapped.set(hexToBytes(FIELD_MODULUS.toString(16).padStart(96, '0')), 0);
    c1Wrapped[0] = (c1Wrapped[0] as number) | 0x80;
    expect(codeOf(() => G2.fromBytes(c1Wrapped))).toBe('bad-encoding');
    expect(codeOf(() => G2.fromBytes(g2CurvePointOutsideSubgroup(3n)))).toBe('invalid-point');
  });

  it('G1: flipping the sign flag gives the negated point', () => {
    const { G1 } = backends[name];
    const point = G1.mul(G1.generator, 99n);
    const bytes = G1.toBytes(point);
    bytes[0] = (bytes[0] as number) ^ 0x20;
    expect(G1.eq(G1.fromBytes(bytes), G1.neg(point))).toBe(true);
  });
});
