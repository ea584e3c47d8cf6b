import { randomBytes } from 'node:crypto';

/** Source of randomness, injected so that tests can be deterministic. */
export type RandomBytes = (length: number) => Uint8Array;

export const systemRandomBytes: RandomBytes = (length) => new Uint8Array(randomBytes(length));
