/**
 * What to do with a peer after an error: `reject` answers it with an error and keeps the
 * connection; `drop` closes the connection (the peer cannot be trusted to continue).
 */
export type ErrorDisposition = 'reject' | 'drop';

export type ProtocolErrorCode =
  | 'malformed-message'
  | 'unsupported-version'
  | 'handshake-failed'
  | 'invalid-signature'
  | 'invalid-key'
  | 'decryption-failed'
  | 'not-registered'
  | 'authentication-failed'
  | 'stale-request'
  | 'request-reuse'
  | 'unexpected-message'
  | 'out-of-bandwidth'
  | 'unsupported-request'
  | 'refused-by-gateway';

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';

  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    readonly disposition: ErrorDisposition,
    readonly meta: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
