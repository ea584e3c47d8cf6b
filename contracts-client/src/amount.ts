// NYM amounts as text: "1.5" or "1.5nym" is NYM (6 decimals), "1500000unym" is unym. Parsed
// digit by digit into a bigint, never through a float, and bounded by Uint128 as the contracts are.
import { ContractsClientError } from './errors';

export const NYM_DECIMALS = 6;
export const UNYM_PER_NYM = 10n ** BigInt(NYM_DECIMALS);
export const UINT128_MAX = (1n << 128n) - 1n;

export type AmountUnit = 'nym' | 'unym';

const AMOUNT = /^(\d+)(?:\.(\d+))?\s*([a-z]*)$/i;

/**
 * Parses an amount into unym. A bare number is in `defaultUnit`; a suffix (`nym`, `NYM`, `unym`)
 * overrides it. Refuses negatives, exponents, more than 6 decimals of NYM, fractions of a unym,
 * zero when `allowZero` is false, and anything above Uint128.
 */
export function parseAmount(
  text: string,
  options: { defaultUnit?: AmountUnit; allowZero?: boolean } = {},
): bigint {
  const match = AMOUNT.exec(text.trim());
  if (match === null) {
    throw new ContractsClientError(
      'amount_invalid',
      `"${text}" is not an amount: write NYM as 1.5 or 1.5nym, or unym as 1500000unym`,
      { amount: text },
    );
  }
  const whole = match[1];
  const fraction = match[2] ?? '';
  const suffix = match[3] ?? '';
  const unit = unitOf(suffix, text, options.defaultUnit ?? 'nym');
  const decimals = unit === 'nym' ? NYM_DECIMALS : 0;
  const trimmedFraction = fraction.replace(/0+$/, '');
  if (trimmedFraction.length > decimals) {
    throw new ContractsClientError(
      'amount_precision',
      unit === 'nym'
        ? `"${text}" has more than ${NYM_DECIMALS} decimal places: 1 unym = 0.000001 NYM is the smallest amount`
        : `"${text}" is a fraction of a unym, the smallest unit`,
      { amount: text },
    );
  }
  const unym = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(trimmedFraction.padEnd(decimals, '0') || '0');
  if (unym > UINT128_MAX) {
    throw new ContractsClientError(
      'amount_overflow',
      `"${text}" is too large: amounts are at most ${formatNym(UINT128_MAX)} NYM (2^128 − 1 unym)`,
      { amount: text },
    );
  }
  if (unym === 0n && options.allowZero !== true) {
    throw new ContractsClientError('amount_zero', 'the amount must be more than 0', { amount: text });
  }
  return unym;
}

function unitOf(suffix: string, text: string, defaultUnit: AmountUnit): AmountUnit {
  const lower = suffix.toLowerCase();
  if (lower === '') return defaultUnit;
  if (lower === 'nym' || lower === 'unym') return lower;
  throw new ContractsClientError('amount_unit', `"${text}": unknown unit "${suffix}" (use nym or unym)`, {
    amount: text,
  });
}

/** unym → NYM as a decimal string without trailing zeros: 1500000n → "1.5". */
export function formatNym(unym: bigint): string {
  const sign = unym < 0n ? '-' : '';
  const magnitude = unym < 0n ? -unym : unym;
  const whole = magnitude / UNYM_PER_NYM;
  const fraction = (magnitude % UNYM_PER_NYM).toString().padStart(NYM_DECIMALS, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** A Uint128 string from a contract (or a bigint) → bigint, refusing anything else. */
export function toUnym(value: string | bigint): bigint {
  if (typeof value === 'bigint') return value;
  if (!/^\d+$/.test(value)) {
    throw new ContractsClientError('amount_invalid', `"${value}" is not a unym amount`, { amount: value });
  }
  return BigInt(value);
}
