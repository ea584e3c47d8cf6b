/** What the caller should do with the input that caused the error. */
export type ErrorAction = 'drop' | 'reject';

export type ClientErrorCode =
  | 'bad_address'
  | 'bad_sender_tag'
  | 'bad_key'
  | 'bad_config'
  | 'bad_topology'
  | 'no_route'
  | 'malformed_fragment'
  | 'malformed_message'
  | 'malformed_packet'
  | 'malformed_request'
  | 'no_reply_surbs'
  | 'not_running'
  | 'storage';

/**
 * Every error the client raises. `action` is 'drop' for anything that came from the network (log
 * it, count it, carry on) and 'reject' for a bad argument or request from the local user.
 */
export class ClientError extends Error {
  readonly code: ClientErrorCode;
  readonly action: ErrorAction;
  readonly details: Record<string, unknown>;

  constructor(
    code: ClientErrorCode,
    message: string,
    options: { action?: ErrorAction; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ClientError';
    this.code = code;
    this.action = options.action ?? 'reject';
    this.details = options.details ?? {};
  }
}
