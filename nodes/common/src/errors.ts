/**
 * What the receiver of bad input should do: `drop` the one item and carry on (a bad packet), or
 * `reject` the peer or the request as a whole (a hostile frame closes its connection; a bad config
 * stops the node before it starts).
 */
export type ErrorAction = 'drop' | 'reject';

/** The base of every error a node raises on purpose: a stable code, what to do, and context. */
export class NodeError extends Error {
  readonly code: string;
  readonly action: ErrorAction;
  readonly details: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    options: { action: ErrorAction; details?: Record<string, unknown>; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.action = options.action;
    this.details = options.details ?? {};
  }
}
