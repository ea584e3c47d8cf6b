/**
 * An error a user caused and can fix (bad flag, missing key, not the admin). It carries a stable
 * code for scripts and the details that say what to change; the CLI prints it without a stack.
 */
export class CliError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly exitCode: number;

  constructor(code: string, message: string, details: Record<string, unknown> = {}, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.details = details;
    this.exitCode = exitCode;
  }
}

export const USAGE_EXIT_CODE = 2;
