// Uint128, Uint256 and Decimal inside the wasm, checked against BigInt arithmetic: results,
// overflow and division-by-zero errors, and rounding direction.
import fc from 'fast-check';
import { type HostDouble } from './support/host-double';
import { errorOf, okOf } from './support/results';
import { startTestbed } from './support/testbed';

const U128_MAX = (1n << 128n) - 1n;
const U256_MAX = (1n << 256n) - 1n;
const FRACTIONAL = 10n ** 18n;

let host: HostDouble;

beforeAll(async () => {
  host = await startTestbed();
});

function math(kind: string, op: string, a: bigint | string, b?: bigint | string, c?: bigint) {
  const msg: Record<string, string> = { kind, op, a: String(a) };
  if (b !== undefined) msg.b = String(b);
  if (c !== undefined) msg.c = String(c);
  return host.query({ math: msg });
}

function result(kind: string, op: string, a: bigint | string, b?: bigint | string, c?: bigint): string {
  return (okOf(math(kind, op, a, b, c)) as { result: string }).result;
}

/** Decimal's string form: no trailing fractional zeros, no dot for whole numbers. */
function decimalText(atomics: bigint): string {
  const whole = atomics / FRACTIONAL;
  const fraction = (atomics % FRACTIONAL).toString().padStart(18, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}

const u128 = fc.bigInt({ min: 0n, max: U128_MAX });
const u256 = fc.bigInt({ min: 0n, max: U256_MAX });

describe('Uint128', () => {
  test('add, sub, mul, div, rem agree with BigInt or fail with cosmwasm-std errors', () => {
    fc.assert(
      fc.property(u128, u128, (a, b) => {
        const expectOp = (op: string, value: bigint, failure: string) => {
          if (value >= 0n && value <= U128_MAX) expect(result('uint128', op, a, b)).toBe(value.toString());
          else expect(errorOf(math('uint128', op, a, b))).toBe(failure);
        };
        expectOp('add', a + b, `Overflow: Cannot Add with ${a} and ${b}`);
        expectOp('sub', a - b, `Overflow: Cannot Sub with ${a} and ${b}`);
        expectOp('mul', a * b, `Overflow: Cannot Mul with ${a} and ${b}`);
        if (b === 0n) {
          expect(errorOf(math('uint128', 'div', a, b))).toBe(`Divide by zero: Cannot divide ${a} by zero`);
          expect(errorOf(math('uint128', 'rem', a, b))).toBe(`Divide by zero: Cannot divide ${a} by zero`);
        } else {
          expect(result('uint128', 'div', a, b)).toBe((a / b).toString());
          expect(result('uint128', 'rem', a, b)).toBe((a % b).toString());
        }
      }),
      { numRuns: 60 },
    );
  });

  test('edges: max + 1 overflows, 0 - 1 underflows, max × 1 fits', () => {
    expect(errorOf(math('uint128', 'add', U128_MAX, 1n))).toBe(`Overflow: Cannot Add with ${U128_MAX} and 1`);
    expect(errorOf(math('uint128', 'sub', 0n, 1n))).toBe('Overflow: Cannot Sub with 0 and 1');
    expect(result('uint128', 'mul', U128_MAX, 1n)).toBe(U128_MAX.toString());
    expect(result('uint128', 'div', U128_MAX, U128_MAX)).toBe('1');
  });

  test('multiply_ratio uses a 256-bit intermediate and rounds down', () => {
    expect(result('uint128', 'mul_ratio', U128_MAX, U128_MAX, U128_MAX)).toBe(U128_MAX.toString());
    expect(result('uint128', 'mul_ratio', 10n, 2n, 3n)).toBe('6');
    expect(errorOf(math('uint128', 'mul_ratio', U128_MAX, 2n, 1n))).toBe(
      'Overflow: Cannot MulRatio with given operands',
    );
    fc.assert(
      fc.property(u128, u128, fc.bigInt({ min: 1n, max: U128_MAX }), (a, n, d) => {
        const expected = (a * n) / d;
        const answer = math('uint128', 'mul_ratio', a, n, d);
        if (expected <= U128_MAX) expect(okOf(answer)).toEqual({ result: expected.toString() });
        else expect(errorOf(answer)).toMatch(/^Overflow/);
      }),
      { numRuns: 40 },
    );
  });

  test('parsing refuses what is not a u128', () => {
    for (const bad of ['', '-1', '1.0', ' 1', '0x10', (U128_MAX + 1n).toString()]) {
      expect(errorOf(math('uint128', 'add', bad, 0n))).toBe(
        `Error parsing into type Uint128: invalid number "${bad}"`,
      );
    }
    expect(result('uint128', 'add', '007', 0n)).toBe('7');
  });
});

describe('Uint256', () => {
  test('agrees with BigInt and narrows to Uint128 only when it fits', () => {
    fc.assert(
      fc.property(u256, u256, (a, b) => {
        if (a + b <= U256_MAX) expect(result('uint256', 'add', a, b)).toBe((a + b).toString());
        else expect(errorOf(math('uint256', 'add', a, b))).toBe(`Overflow: Cannot Add with ${a} and ${b}`);
        if (a * b <= U256_MAX) expect(result('uint256', 'mul', a, b)).toBe((a * b).toString());
        else expect(errorOf(math('uint256', 'mul', a, b))).toMatch(/^Overflow: Cannot Mul/);
        if (b > 0n) expect(result('uint256', 'div', a, b)).toBe((a / b).toString());
        if (b > 0n) expect(result('uint256', 'rem', a, b)).toBe((a % b).toString());
        if (a <= U128_MAX) expect(result('uint256', 'to_uint128', a, 0n)).toBe(a.toString());
        else expect(errorOf(math('uint256', 'to_uint128', a, 0n))).toBe(`Cannot convert ${a} to Uint128`);
      }),
      { numRuns: 40 },
    );
  });
});

describe('Decimal', () => {
  test('parses and prints as cosmwasm-std does', () => {
    const cases: Array<[string, string, string]> = [
      ['1', '1', '1000000000000000000'],
      ['1.5', '1.5', '1500000000000000000'],
      ['0.000000000000000001', '0.000000000000000001', '1'],
      ['007.250', '7.25', '7250000000000000000'],
      [
        '340282366920.938463463374607431',
        '340282366920.938463463374607431',
        '340282366920938463463374607431',
      ],
    ];
    for (const [input, text, atomics] of cases)
      expect(result('decimal', 'parse', input)).toBe(`${text} ${atomics}`);
    expect(errorOf(math('decimal', 'parse', '1.0000000000000000001'))).toBe(
      'Cannot parse more than 18 fractional digits',
    );
    expect(errorOf(math('decimal', 'parse', '1.2.3'))).toBe('Unexpected number of dots');
    expect(errorOf(math('decimal', 'parse', '1.'))).toBe('Error parsing fractional');
    expect(errorOf(math('decimal', 'parse', 'x'))).toBe('Error parsing whole');
    expect(errorOf(math('decimal', 'parse', '340282366920938463464'))).toBe('Value too big');
    expect(result('percent', 'of', 10n)).toBe('0.1');
  });

  test('mul and div round down; from_ratio rounds down; floor drops the fraction', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        (a, b) => {
          const product = (a * b) / FRACTIONAL;
          if (product <= U128_MAX) {
            expect(result('decimal', 'mul', decimalText(a), decimalText(b))).toBe(decimalText(product));
          } else {
            expect(errorOf(math('decimal', 'mul', decimalText(a), decimalText(b)))).toMatch(
              /^Overflow: Cannot Mul/,
            );
          }
          const quotient = (a * FRACTIONAL) / b;
          if (quotient <= U128_MAX) {
            expect(result('decimal', 'div', decimalText(a), decimalText(b))).toBe(decimalText(quotient));
            expect(result('uint128', 'from_ratio', a, b)).toBe(decimalText(quotient));
          } else {
            expect(errorOf(math('decimal', 'div', decimalText(a), decimalText(b)))).toMatch(
              /^Overflow: Cannot Div/,
            );
            expect(errorOf(math('uint128', 'from_ratio', a, b))).toBe('Multiplication overflow');
          }
          expect(result('decimal', 'floor', decimalText(a))).toBe((a / FRACTIONAL).toString());
        },
      ),
      { numRuns: 40 },
    );
    expect(result('uint128', 'from_ratio', 1n, 3n)).toBe('0.333333333333333333');
    expect(result('uint128', 'from_ratio', 2n, 3n)).toBe('0.666666666666666666');
    expect(errorOf(math('uint128', 'from_ratio', 1n, 0n))).toBe('Denominator must not be zero');
    expect(errorOf(math('decimal', 'div', '1', '0'))).toBe(
      'Divide by zero: Cannot divide 1000000000000000000 by zero',
    );
    expect(errorOf(math('decimal', 'sub', '1', '1.1'))).toMatch(/^Overflow: Cannot Sub/);
  });

  test('Uint128 × Decimal: mul_floor rounds down, mul_ceil rounds up only on a remainder', () => {
    expect(result('uint128', 'mul_floor', 10n, '0.333333333333333333')).toBe('3');
    expect(result('uint128', 'mul_ceil', 10n, '0.333333333333333333')).toBe('4');
    expect(result('uint128', 'mul_ceil', 10n, '0.5')).toBe('5');
    expect(result('uint128', 'mul_floor', U128_MAX, '1')).toBe(U128_MAX.toString());
    expect(errorOf(math('uint128', 'mul_floor', U128_MAX, '1.5'))).toMatch(/^Overflow: Cannot Mul/);
    fc.assert(
      fc.property(u128, fc.bigInt({ min: 0n, max: 10n ** 21n }), (amount, atomics) => {
        const floor = (amount * atomics) / FRACTIONAL;
        const ceil = floor + ((amount * atomics) % FRACTIONAL === 0n ? 0n : 1n);
        const decimal = decimalText(atomics);
        if (floor <= U128_MAX) expect(result('uint128', 'mul_floor', amount, decimal)).toBe(floor.toString());
        if (ceil <= U128_MAX) expect(result('uint128', 'mul_ceil', amount, decimal)).toBe(ceil.toString());
      }),
      { numRuns: 40 },
    );
  });
});
