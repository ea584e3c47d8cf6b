import { KeyRotation } from '@nymts/node-common';
import { KeyRing, type SphinxKey } from '../src';

const key = (rotationId: number): SphinxKey => ({
  rotationId,
  privateKey: new Uint8Array(32).fill(rotationId),
  publicKey: new Uint8Array(32).fill(100 + rotationId),
});

describe('Sphinx key ring', () => {
  it('selects the key a v8 frame names by parity, and the primary for older frames', () => {
    const ring = new KeyRing([key(4), key(5)]);
    expect(ring.primary?.rotationId).toBe(5);
    expect(ring.select(KeyRotation.unknown)?.rotationId).toBe(5);
    expect(ring.select(KeyRotation.even)?.rotationId).toBe(4);
    expect(ring.select(KeyRotation.odd)?.rotationId).toBe(5);
  });

  it('keeps two live keys and retires the oldest on rotation', () => {
    const ring = new KeyRing([key(0)]);
    expect(ring.select(KeyRotation.odd)).toBeUndefined();
    expect(ring.install(key(1))).toEqual([]);
    expect(ring.install(key(2)).map((k) => k.rotationId)).toEqual([0]);
    expect(ring.live.map((k) => k.rotationId)).toEqual([1, 2]);
    expect(() => ring.install(key(2))).toThrow(/not newer/);
  });

  it('retires a secondary key early but never the primary', () => {
    const ring = new KeyRing([key(1), key(2)]);
    expect(ring.retire(2)).toBeUndefined();
    expect(ring.retire(1)?.rotationId).toBe(1);
    expect(ring.select(KeyRotation.odd)).toBeUndefined();
  });
});
