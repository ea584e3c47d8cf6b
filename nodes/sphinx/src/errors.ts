/**
 * Every failure of this package is a SphinxError. `action` tells a node what to do with the
 * input: 'drop' for a packet that arrived from the network (count it, keep going), 'reject' for a
 * bad argument from local code (report it to the caller).
 */
export type SphinxErrorCode =
  | 'malformed'
  | 'bad_mac'
  | 'bad_size'
  | 'unsupported_version'
  | 'bad_payload'
  | 'bad_key'
  | 'bad_route'
  | 'message_too_long'
  | 'bad_surb';

export type SphinxErrorAction = 'drop' | 'reject';

const ACTION_BY_CODE: Record<SphinxErrorCode, SphinxErrorAction> = {
  malformed: 'drop',
  bad_mac: 'drop',
  bad_size: 'drop',
  unsupported_version: 'drop',
  bad_payload: 'drop',
  bad_key: 'reject',
  bad_route: 'reject',
  message_too_long: 'reject',
  bad_surb: 'reject',
};

export class SphinxError extends Error {
  readonly code: SphinxErrorCode;
  readonly action: SphinxErrorAction;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: SphinxErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SphinxError';
    this.code = code;
    this.action = ACTION_BY_CODE[code];
    this.details = details;
  }
}
