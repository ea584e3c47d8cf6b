import { randomBytes } from 'node:crypto';

/** Returns `length` uniformly random bytes. Injected so tests and vectors can be deterministic. */
export type RandomBytes = (length: number) => Uint8Array;

export const secureRandomBytes: RandomBytes = (length) => new Uint8Array(randomBytes(length));
