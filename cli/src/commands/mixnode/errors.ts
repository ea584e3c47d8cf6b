import { NodeError } from '@nymts/node-common';
import { CliError } from '../../framework/errors';

/** Node errors a user can fix (bad config, existing keys, file modes) become CLI errors. */
export function toCliError(error: unknown): unknown {
  if (error instanceof NodeError && error.action === 'reject') {
    return new CliError(error.code, error.message, error.details);
  }
  return error;
}

export function asCliError<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw toCliError(error);
  }
}
