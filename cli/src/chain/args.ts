// Reading positional arguments and flags that name addresses, amounts and times.
import { checkAddress, parseAmount } from '@nymts/contracts-client';
import { CliError } from '../framework/errors';
import type { KeyOptions } from './options';
import { attempt, keyAddress } from './session';

export function addressArg(text: string | undefined, what: string): Promise<string> {
  if (text === undefined) return Promise.reject(new CliError('missing_argument', `name the ${what}`));
  return attempt(`reading the ${what}`, () => checkAddress(text, what));
}

export function amountArg(text: string | undefined, what = 'amount'): Promise<bigint> {
  if (text === undefined) return Promise.reject(new CliError('missing_argument', `give the ${what}`));
  return attempt(`reading the ${what}`, () => parseAmount(text));
}

/** Unix seconds, or an ISO 8601 date or time (UTC unless it has an offset). */
export function parseTime(text: string, what: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const withoutOffset = /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(text);
  const millis = Date.parse(withoutOffset ? `${text}Z` : text);
  if (!Number.isFinite(millis) || millis < 0) {
    throw new CliError(
      'time_invalid',
      `${what} "${text}" is not a time: give Unix seconds or an ISO 8601 time such as 2030-01-31T12:00:00Z`,
      { time: text },
    );
  }
  return Math.floor(millis / 1000);
}

export function parseCount(text: string, what: string, range: { min: number; max: number }): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new CliError(
      'number_invalid',
      `${what} must be a whole number from ${range.min} to ${range.max}, not "${text}"`,
      {
        value: text,
      },
    );
  }
  return value;
}

/** The address given, or the key's address when none is. */
export async function addressOrKey(
  options: KeyOptions,
  text: string | undefined,
  what: string,
): Promise<string> {
  if (text !== undefined) return addressArg(text, what);
  const own = await keyAddress(options);
  if (own === undefined) {
    throw new CliError(
      'missing_argument',
      `name the ${what}, or give a key (--mnemonic-file or NYM_MNEMONIC) to use its address`,
    );
  }
  return own;
}
