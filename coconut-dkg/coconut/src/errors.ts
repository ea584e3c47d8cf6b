export type CoconutErrorCode =
  /** A parameter outside what the scheme allows (attribute counts, thresholds, indices). */
  | 'bad-argument'
  /** Bytes that are not a canonical encoding of the expected object. */
  | 'malformed'
  /** A blind-sign request whose h or proof of knowledge does not check. */
  | 'invalid-request'
  /** A signature share that does not verify under its signer's key. */
  | 'invalid-share'
  /** Signature shares over different h: they sign different requests. */
  | 'mismatched-shares'
  /** A verification key whose β1 and β2 do not match. */
  | 'invalid-key';

/** Every Coconut error is about its input: reject that input; retrying it cannot succeed. */
export class CoconutError extends Error {
  override readonly name = 'CoconutError';
  readonly disposition = 'reject' as const;

  constructor(
    readonly code: CoconutErrorCode,
    message: string,
    readonly meta: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
