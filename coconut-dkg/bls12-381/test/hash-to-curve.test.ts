import g1Vectors from './vectors/rfc9380-hash-to-g1.json';
import g2Vectors from './vectors/rfc9380-hash-to-g2.json';
import { BACKEND_NAMES, type BackendName, type Bls12381 } from '../src';
import { ascii, bytesToHex, compressG1, compressG2, loadAll } from './helpers';

let backends: Record<BackendName, Bls12381>;
beforeAll(async () => {
  backends = await loadAll();
});

const hex = (value: string): bigint => BigInt(`0x${value}`);

describe.each(BACKEND_NAMES)('RFC 9380 hash_to_curve on the %s backend', (name) => {
  it.each(g1Vectors.vectors.map((v) => [v.msg.slice(0, 20), v] as const))('G1, msg "%s"', (_, vector) => {
    const { G1 } = backends[name];
    const point = G1.hashToCurve(ascii(vector.msg), g1Vectors.dst);
    expect(bytesToHex(G1.toBytes(point))).toBe(bytesToHex(compressG1(hex(vector.x), hex(vector.y))));
  });

  it.each(g2Vectors.vectors.map((v) => [v.msg.slice(0, 20), v] as const))('G2, msg "%s"', (_, vector) => {
    const { G2 } = backends[name];
    const point = G2.hashToCurve(ascii(vector.msg), ascii(g2Vectors.dst));
    const expected = compressG2(
      { c0: hex(vector.x_c0), c1: hex(vector.x_c1) },
      { c0: hex(vector.y_c0), c1: hex(vector.y_c1) },
    );
    expect(bytesToHex(G2.toBytes(point))).toBe(bytesToHex(expected));
  });

  it('depends on the DST', () => {
    const { G1 } = backends[name];
    const a = G1.hashToCurve(ascii('abc'), g1Vectors.dst);
    const b = G1.hashToCurve(ascii('abc'), `${g1Vectors.dst}X`);
    expect(G1.eq(a, b)).toBe(false);
  });

  it('refuses an empty DST', () => {
    expect(() => backends[name].G1.hashToCurve(ascii('abc'), '')).toThrow(/DST/);
  });
});
