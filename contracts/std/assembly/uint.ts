import {
  Limbs,
  limbsAdd,
  limbsCompare,
  limbsDivMod,
  limbsFromDecimal,
  limbsFromU64,
  limbsIsZero,
  limbsMulFull,
  limbsNarrow,
  limbsSub,
  limbsToDecimal,
  limbsWiden,
} from './limbs';
import { Result } from './result';

// Uint128 and Uint256 as cosmwasm-std has them: unsigned, serialised as decimal strings in JSON,
// with checked operations that return an error result carrying cosmwasm-std's messages
// ("Cannot Add with 1 and 2", "Cannot divide 5 by zero") and plain ones that abort.

export abstract class FixedUint {
  constructor(readonly limbs: Limbs) {}

  get isZero(): bool {
    return limbsIsZero(this.limbs);
  }

  compare(other: FixedUint): i32 {
    return limbsCompare(this.limbs, other.limbs);
  }

  eq(other: FixedUint): bool {
    return this.compare(other) === 0;
  }

  lt(other: FixedUint): bool {
    return this.compare(other) < 0;
  }

  le(other: FixedUint): bool {
    return this.compare(other) <= 0;
  }

  gt(other: FixedUint): bool {
    return this.compare(other) > 0;
  }

  ge(other: FixedUint): bool {
    return this.compare(other) >= 0;
  }

  toString(): string {
    return limbsToDecimal(this.limbs);
  }

  /** The value as a u64, or an error when it does not fit. */
  toU64(): Result<u64> {
    const low = limbsNarrow(this.limbs, 2);
    if (low === null) return Result.err<u64>('Cannot convert ' + this.toString() + ' to u64');
    return Result.ok<u64>(((low[1] as u64) << 32) | (low[0] as u64));
  }
}

export function overflowMessage(operation: string, a: FixedUint, b: FixedUint): string {
  return 'Overflow: Cannot ' + operation + ' with ' + a.toString() + ' and ' + b.toString();
}

export function divideByZeroMessage(a: FixedUint): string {
  return 'Divide by zero: Cannot divide ' + a.toString() + ' by zero';
}

function make<T extends FixedUint>(limbs: Limbs): T {
  return instantiate<T>(limbs);
}

export function checkedAdd<T extends FixedUint>(a: T, b: T): Result<T> {
  const out = new StaticArray<u32>(a.limbs.length);
  if (limbsAdd(a.limbs, b.limbs, out)) return Result.err<T>(overflowMessage('Add', a, b));
  return Result.ok<T>(make<T>(out));
}

export function checkedSub<T extends FixedUint>(a: T, b: T): Result<T> {
  const out = new StaticArray<u32>(a.limbs.length);
  if (limbsSub(a.limbs, b.limbs, out)) return Result.err<T>(overflowMessage('Sub', a, b));
  return Result.ok<T>(make<T>(out));
}

export function checkedMul<T extends FixedUint>(a: T, b: T): Result<T> {
  const narrow = limbsNarrow(limbsMulFull(a.limbs, b.limbs), a.limbs.length);
  if (narrow === null) return Result.err<T>(overflowMessage('Mul', a, b));
  return Result.ok<T>(make<T>(narrow));
}

export function checkedDiv<T extends FixedUint>(a: T, b: T): Result<T> {
  if (b.isZero) return Result.err<T>(divideByZeroMessage(a));
  const q = new StaticArray<u32>(a.limbs.length);
  const r = new StaticArray<u32>(a.limbs.length);
  limbsDivMod(a.limbs, b.limbs, q, r);
  return Result.ok<T>(make<T>(q));
}

export function checkedRem<T extends FixedUint>(a: T, b: T): Result<T> {
  if (b.isZero) return Result.err<T>(divideByZeroMessage(a));
  const q = new StaticArray<u32>(a.limbs.length);
  const r = new StaticArray<u32>(a.limbs.length);
  limbsDivMod(a.limbs, b.limbs, q, r);
  return Result.ok<T>(make<T>(r));
}

/** floor(a * numerator / denominator) with a double-width intermediate, as `multiply_ratio`. */
export function checkedMulRatio<T extends FixedUint>(a: T, numerator: T, denominator: T): Result<T> {
  const width = a.limbs.length;
  if (denominator.isZero) return Result.err<T>(divideByZeroMessage(a));
  const product = limbsMulFull(a.limbs, numerator.limbs);
  const q = new StaticArray<u32>(product.length);
  const r = new StaticArray<u32>(product.length);
  limbsDivMod(product, limbsWiden(denominator.limbs, product.length), q, r);
  const narrow = limbsNarrow(q, width);
  if (narrow === null) return Result.err<T>('Overflow: Cannot MulRatio with given operands');
  return Result.ok<T>(make<T>(narrow));
}

function parse<T extends FixedUint>(text: string, width: i32, typeName: string): Result<T> {
  const limbs = limbsFromDecimal(text, width);
  if (limbs === null)
    return Result.err<T>('Error parsing into type ' + typeName + ': invalid number "' + text + '"');
  return Result.ok<T>(make<T>(limbs));
}

function unwrap<T>(result: Result<T>): T {
  if (result.isErr) abort(result.message);
  return result.value;
}

export class Uint128 extends FixedUint {
  static zero(): Uint128 {
    return new Uint128(new StaticArray<u32>(4));
  }

  static fromU64(value: u64): Uint128 {
    return new Uint128(limbsFromU64(value, 4));
  }

  static max(): Uint128 {
    const limbs = new StaticArray<u32>(4);
    for (let i = 0; i < 4; i++) limbs[i] = U32.MAX_VALUE;
    return new Uint128(limbs);
  }

  /** Parses the decimal string form cosmwasm-std uses in JSON. */
  static parse(text: string): Result<Uint128> {
    return parse<Uint128>(text, 4, 'Uint128');
  }

  checkedAdd(other: Uint128): Result<Uint128> {
    return checkedAdd<Uint128>(this, other);
  }

  checkedSub(other: Uint128): Result<Uint128> {
    return checkedSub<Uint128>(this, other);
  }

  checkedMul(other: Uint128): Result<Uint128> {
    return checkedMul<Uint128>(this, other);
  }

  checkedDiv(other: Uint128): Result<Uint128> {
    return checkedDiv<Uint128>(this, other);
  }

  checkedRem(other: Uint128): Result<Uint128> {
    return checkedRem<Uint128>(this, other);
  }

  checkedMulRatio(numerator: Uint128, denominator: Uint128): Result<Uint128> {
    return checkedMulRatio<Uint128>(this, numerator, denominator);
  }

  /** Aborts on overflow (for sums the contract has already bounded). */
  add(other: Uint128): Uint128 {
    return unwrap<Uint128>(this.checkedAdd(other));
  }

  /** Aborts on underflow (for differences the contract has already bounded). */
  sub(other: Uint128): Uint128 {
    return unwrap<Uint128>(this.checkedSub(other));
  }

  /** this × 10^exponent; aborts on overflow (for scaling constants). */
  mul10(exponent: i32): Uint128 {
    let factor = Uint128.fromU64(1);
    const ten = Uint128.fromU64(10);
    for (let i = 0; i < exponent; i++) factor = unwrap<Uint128>(factor.checkedMul(ten));
    return unwrap<Uint128>(this.checkedMul(factor));
  }

  saturatingSub(other: Uint128): Uint128 {
    return this.lt(other) ? Uint128.zero() : this.sub(other);
  }

  min(other: Uint128): Uint128 {
    return this.le(other) ? this : other;
  }

  max(other: Uint128): Uint128 {
    return this.ge(other) ? this : other;
  }

  toUint256(): Uint256 {
    return new Uint256(limbsWiden(this.limbs, 8));
  }
}

export class Uint256 extends FixedUint {
  static zero(): Uint256 {
    return new Uint256(new StaticArray<u32>(8));
  }

  static fromU64(value: u64): Uint256 {
    return new Uint256(limbsFromU64(value, 8));
  }

  static parse(text: string): Result<Uint256> {
    return parse<Uint256>(text, 8, 'Uint256');
  }

  checkedAdd(other: Uint256): Result<Uint256> {
    return checkedAdd<Uint256>(this, other);
  }

  checkedSub(other: Uint256): Result<Uint256> {
    return checkedSub<Uint256>(this, other);
  }

  checkedMul(other: Uint256): Result<Uint256> {
    return checkedMul<Uint256>(this, other);
  }

  checkedDiv(other: Uint256): Result<Uint256> {
    return checkedDiv<Uint256>(this, other);
  }

  checkedRem(other: Uint256): Result<Uint256> {
    return checkedRem<Uint256>(this, other);
  }

  /** Narrows to Uint128, or an error when the value does not fit. */
  toUint128(): Result<Uint128> {
    const narrow = limbsNarrow(this.limbs, 4);
    if (narrow === null) return Result.err<Uint128>('Cannot convert ' + this.toString() + ' to Uint128');
    return Result.ok<Uint128>(new Uint128(narrow));
  }
}
