import { Decimal, Result, Uint128 } from '../../std/assembly/index';

// Decimal helpers the reward model needs beyond std's Decimal (all checked, all rounding down).

export function decimalOf(amount: Uint128): Result<Decimal> {
  return Decimal.fromRatio(amount, Uint128.fromU64(1));
}

export function decimalOfU64(value: u64): Decimal {
  return new Decimal(Uint128.fromU64(value).mul10(18));
}

export function minDecimal(a: Decimal, b: Decimal): Decimal {
  return a.compare(b) <= 0 ? a : b;
}

/** floor(a × b ÷ c) with a 256-bit intermediate, so no precision is lost between the steps. */
export function mulRatio(a: Decimal, b: Decimal, c: Decimal): Result<Decimal> {
  const atomics = a.atomics.checkedMulRatio(b.atomics, c.atomics);
  if (atomics.isErr) return atomics.cast<Decimal>();
  return Result.ok<Decimal>(new Decimal(atomics.value));
}

/** a − b, or zero when b exceeds a (rounding dust, never a real deficit). */
export function saturatingSub(a: Decimal, b: Decimal): Decimal {
  return a.compare(b) <= 0 ? Decimal.zero() : new Decimal(a.atomics.sub(b.atomics));
}

/** A fraction in [0, 1] read from a message, or an error naming the field. */
export function checkUnitInterval(field: string, value: Decimal): string | null {
  if (value.compare(Decimal.one()) > 0)
    return '`' + field + '` must be between 0 and 1, got ' + value.toString();
  return null;
}
