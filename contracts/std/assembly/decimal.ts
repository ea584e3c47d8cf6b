import { limbsDivMod, limbsIsZero, limbsMulFull, limbsNarrow, limbsWiden } from './limbs';
import { Result } from './result';
import { Uint128, divideByZeroMessage, overflowMessage } from './uint';

// cosmwasm-std's Decimal: a Uint128 count of 10^-18 units. Products and quotients round down
// (as cosmwasm-std does); `Uint128.mulFloor`/`mulCeil` choose the rounding explicitly.

const DECIMAL_PLACES = 18;

function fractional(): Uint128 {
  return Uint128.fromU64(1000000000000000000);
}

/** floor(a * b / c) over a 256-bit intermediate; null when c is zero or the result overflows. */
function mulDiv(a: Uint128, b: Uint128, c: Uint128, roundUp: bool): Uint128 | null {
  if (c.isZero) return null;
  const product = limbsMulFull(a.limbs, b.limbs);
  const q = new StaticArray<u32>(8);
  const r = new StaticArray<u32>(8);
  limbsDivMod(product, limbsWiden(c.limbs, 8), q, r);
  const narrow = limbsNarrow(q, 4);
  if (narrow === null) return null;
  const quotient = new Uint128(narrow);
  if (!roundUp || limbsIsZero(r)) return quotient;
  const up = quotient.checkedAdd(Uint128.fromU64(1));
  return up.isErr ? null : up.value;
}

export class Decimal {
  constructor(readonly atomics: Uint128) {}

  static zero(): Decimal {
    return new Decimal(Uint128.zero());
  }

  static one(): Decimal {
    return new Decimal(fractional());
  }

  static percent(value: u64): Decimal {
    return new Decimal(Uint128.fromU64(value).mul10(16));
  }

  static permille(value: u64): Decimal {
    return new Decimal(Uint128.fromU64(value).mul10(15));
  }

  /** numerator / denominator rounded down, as `Decimal::checked_from_ratio`. */
  static fromRatio(numerator: Uint128, denominator: Uint128): Result<Decimal> {
    if (denominator.isZero) return Result.err<Decimal>('Denominator must not be zero');
    const atomics = mulDiv(numerator, fractional(), denominator, false);
    if (atomics === null) return Result.err<Decimal>('Multiplication overflow');
    return Result.ok<Decimal>(new Decimal(atomics));
  }

  /** Parses "1", "1.5", "0.000000000000000001" (at most 18 fractional digits). */
  static parse(text: string): Result<Decimal> {
    const dot = text.indexOf('.');
    if (dot >= 0 && text.indexOf('.', dot + 1) >= 0) return Result.err<Decimal>('Unexpected number of dots');
    const wholeText = dot >= 0 ? text.substring(0, dot) : text;
    const whole = Uint128.parse(wholeText);
    if (whole.isErr) return Result.err<Decimal>('Error parsing whole');
    let atomics = whole.value.checkedMul(fractional());
    if (atomics.isErr) return Result.err<Decimal>('Value too big');
    if (dot < 0) return Result.ok<Decimal>(new Decimal(atomics.value));
    const fractionText = text.substring(dot + 1);
    if (fractionText.length > DECIMAL_PLACES) {
      return Result.err<Decimal>('Cannot parse more than 18 fractional digits');
    }
    const fraction = Uint128.parse(fractionText);
    if (fraction.isErr) return Result.err<Decimal>('Error parsing fractional');
    atomics = atomics.value.checkedAdd(fraction.value.mul10(DECIMAL_PLACES - fractionText.length));
    if (atomics.isErr) return Result.err<Decimal>('Value too big');
    return Result.ok<Decimal>(new Decimal(atomics.value));
  }

  get isZero(): bool {
    return this.atomics.isZero;
  }

  compare(other: Decimal): i32 {
    return this.atomics.compare(other.atomics);
  }

  checkedAdd(other: Decimal): Result<Decimal> {
    const sum = this.atomics.checkedAdd(other.atomics);
    if (sum.isErr) return Result.err<Decimal>(overflowMessage('Add', this.atomics, other.atomics));
    return Result.ok<Decimal>(new Decimal(sum.value));
  }

  checkedSub(other: Decimal): Result<Decimal> {
    const difference = this.atomics.checkedSub(other.atomics);
    if (difference.isErr) return Result.err<Decimal>(overflowMessage('Sub', this.atomics, other.atomics));
    return Result.ok<Decimal>(new Decimal(difference.value));
  }

  /** The product rounded down. */
  checkedMul(other: Decimal): Result<Decimal> {
    const atomics = mulDiv(this.atomics, other.atomics, fractional(), false);
    if (atomics === null) return Result.err<Decimal>(overflowMessage('Mul', this.atomics, other.atomics));
    return Result.ok<Decimal>(new Decimal(atomics));
  }

  /** The quotient rounded down. */
  checkedDiv(other: Decimal): Result<Decimal> {
    if (other.isZero) return Result.err<Decimal>(divideByZeroMessage(this.atomics));
    const atomics = mulDiv(this.atomics, fractional(), other.atomics, false);
    if (atomics === null) return Result.err<Decimal>(overflowMessage('Div', this.atomics, other.atomics));
    return Result.ok<Decimal>(new Decimal(atomics));
  }

  /** The whole part (rounded down). */
  floor(): Uint128 {
    return this.atomics.checkedDiv(fractional()).value;
  }

  toString(): string {
    const whole = this.atomics.checkedDiv(fractional()).value.toString();
    const fraction = this.atomics.checkedRem(fractional()).value;
    if (fraction.isZero) return whole;
    let digits = fraction.toString().padStart(DECIMAL_PLACES, '0');
    let end = digits.length;
    while (digits.charCodeAt(end - 1) === 48) end--;
    digits = digits.substring(0, end);
    return whole + '.' + digits;
  }
}

/** amount × decimal rounded down, as `Uint128::mul_floor`. */
export function mulFloor(amount: Uint128, factor: Decimal): Result<Uint128> {
  const product = mulDiv(amount, factor.atomics, fractional(), false);
  if (product === null) return Result.err<Uint128>(overflowMessage('Mul', amount, factor.atomics));
  return Result.ok<Uint128>(product);
}

/** amount × decimal rounded up, as `Uint128::mul_ceil`. */
export function mulCeil(amount: Uint128, factor: Decimal): Result<Uint128> {
  const product = mulDiv(amount, factor.atomics, fractional(), true);
  if (product === null) return Result.err<Uint128>(overflowMessage('Mul', amount, factor.atomics));
  return Result.ok<Uint128>(product);
}
