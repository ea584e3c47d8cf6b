import { createHash } from 'node:crypto';
import { createNoblePrimitives, createNodePrimitives, type SphinxPrimitives } from '../../src/index';

export const node = createNodePrimitives();
export const noble = createNoblePrimitives();
export const PRIMITIVE_SETS: ReadonlyArray<[string, SphinxPrimitives]> = [
  ['node', node],
  ['noble', noble],
];

export const hex = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, 'hex'));
export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** A deterministic byte source for tests: SHA-256 in counter mode over a label. */
export function seededBytes(label: string): (length: number) => Uint8Array {
  let counter = 0;
  return (length) => {
    const out = new Uint8Array(length);
    for (let offset = 0; offset < length; offset += 32) {
      const block = createHash('sha256').update(`${label}/${counter++}`).digest();
      out.set(block.subarray(0, Math.min(32, length - offset)), offset);
    }
    return out;
  };
}
