// A node's Sphinx keys across rotations. At most two are live: the primary (newest) and the one
// before it, kept while packets built for it may still arrive. A v8 frame names the key by the
// parity of its rotation id; older frames carry no marker and get the primary.
import { KeyRotation, type KeyRotationValue } from '@nymts/node-common';

export interface SphinxKey {
  rotationId: number;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

export const MAX_LIVE_KEYS = 2;

export class KeyRing {
  private keys: SphinxKey[] = [];

  constructor(initial: readonly SphinxKey[]) {
    for (const key of [...initial].sort((a, b) => a.rotationId - b.rotationId)) this.install(key);
  }

  /** Makes `key` the primary; returns the keys that retired to make room. */
  install(key: SphinxKey): SphinxKey[] {
    if (!Number.isInteger(key.rotationId) || key.rotationId < 0)
      throw new RangeError(`rotation id ${key.rotationId} is not a whole number`);
    const primary = this.primary;
    if (primary !== undefined && key.rotationId <= primary.rotationId) {
      throw new RangeError(
        `rotation ${key.rotationId} is not newer than the primary key's ${primary.rotationId}`,
      );
    }
    this.keys.push(key);
    return this.keys.splice(0, Math.max(0, this.keys.length - MAX_LIVE_KEYS));
  }

  /** Drops a key before its time; the primary key stays. */
  retire(rotationId: number): SphinxKey | undefined {
    const index = this.keys.findIndex((key) => key.rotationId === rotationId);
    if (index < 0 || this.keys[index] === this.primary) return undefined;
    return this.keys.splice(index, 1)[0];
  }

  get primary(): SphinxKey | undefined {
    return this.keys.at(-1);
  }

  get live(): readonly SphinxKey[] {
    return this.keys;
  }

  /** The key a frame's rotation marker names, if the node holds it. */
  select(marker: KeyRotationValue): SphinxKey | undefined {
    if (marker === KeyRotation.unknown) return this.primary;
    const parity = marker === KeyRotation.even ? 0 : 1;
    for (let i = this.keys.length - 1; i >= 0; i--) {
      const key = this.keys[i] as SphinxKey;
      if (key.rotationId % 2 === parity) return key;
    }
    return undefined;
  }
}
