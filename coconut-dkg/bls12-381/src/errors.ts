/** Why a value was refused. Every code means the input is bad: reject it, never retry it. */
export type Bls12381ErrorCode =
  'bad-length' | 'bad-encoding' | 'invalid-point' | 'identity' | 'scalar-out-of-range' | 'bad-argument';

export class Bls12381Error extends Error {
  override readonly name = 'Bls12381Error';
  /** Decoding and argument errors come from untrusted input, so the caller rejects the message. */
  readonly disposition = 'reject' as const;

  constructor(
    readonly code: Bls12381ErrorCode,
    message: string,
    readonly meta: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}
