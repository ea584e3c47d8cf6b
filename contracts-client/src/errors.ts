/**
 * An error the caller caused and can fix (a malformed amount, a missing deployment record entry,
 * a bad mnemonic): a stable code for scripts, details that say what to change. Always `reject`:
 * nothing was sent, nothing is retried.
 */
export class ContractsClientError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly disposition = 'reject' as const;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ContractsClientError';
    this.code = code;
    this.details = details;
  }
}
