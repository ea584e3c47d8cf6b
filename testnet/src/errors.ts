/** What the local network refuses or cannot do; everything here is the user's to act on. */
export class TestnetError extends Error {
  readonly action = 'reject' as const;
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'TestnetError';
  }
}
