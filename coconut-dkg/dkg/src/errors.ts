export type DkgErrorCode =
  /** Bytes that do not decode to the object: wrong length, non-canonical scalar, bad point. */
  | 'malformed-encoding'
  /** Arguments that cannot describe a DKG: t = 0, t > n, index 0, duplicate indices, … */
  | 'invalid-parameters'
  /** Too few dealings or shares to interpolate what was asked. */
  | 'not-enough-dealings'
  /** The prover's rejection sampling kept failing (probability below 2^-100 for honest input). */
  | 'proof-aborted';

/**
 * `reject`: the input is wrong and its sender should be told (a peer's dealing, a caller's
 * arguments). `drop`: nothing to answer, discard it.
 */
export type DkgErrorAction = 'reject' | 'drop';

export class DkgError extends Error {
  override readonly name = 'DkgError';

  constructor(
    readonly code: DkgErrorCode,
    message: string,
    readonly meta: Readonly<Record<string, unknown>> = {},
    readonly action: DkgErrorAction = 'reject',
  ) {
    super(message);
  }
}

export function invalidParameters(message: string, meta: Record<string, unknown> = {}): DkgError {
  return new DkgError('invalid-parameters', message, meta);
}

export function malformed(what: string, reason: string, meta: Record<string, unknown> = {}): DkgError {
  return new DkgError('malformed-encoding', `${what}: ${reason}`, { what, ...meta });
}
