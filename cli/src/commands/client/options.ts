import { ClientError, defaultClientHome } from '@nymts/client';
import { CliError } from '../../framework/errors';
import { resolveNodeHome, toCliError } from '../../framework/node-options';

/** `--home` wins; otherwise `~/.nym/clients/<id>`. */
export const resolveHome = (options: { id?: string; home?: string }): string =>
  resolveNodeHome(options, { name: 'client', defaultHome: defaultClientHome });

/** Client and config errors a user can fix become CLI errors; anything else stays a crash. */
export function clientCliError(error: unknown): unknown {
  if (error instanceof ClientError && error.action === 'reject') {
    const reason = error.details.reason;
    return new CliError(typeof reason === 'string' ? reason : error.code, error.message, error.details);
  }
  return toCliError(error);
}

export async function asClientCliError<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw clientCliError(error);
  }
}
