import fc from 'fast-check';
import { ContractsClientError, formatNym, parseAmount, UINT128_MAX } from '../src';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractsClientError) return error.code;
    throw error;
  }
  throw new Error('expected an error');
}

describe('parseAmount', () => {
  it.each([
    ['1', 1_000_000n],
    ['1.5', 1_500_000n],
    ['1.5nym', 1_500_000n],
    ['1.5 NYM', 1_500_000n],
    ['0.000001', 1n],
    ['0.0000010', 1n],
    ['007.250000', 7_250_000n],
    ['1500000unym', 1_500_000n],
    ['1500000 uNYM', 1_500_000n],
    ['1.000unym', 1n],
  ])('reads %s as %d unym', (text, unym) => {
    expect(parseAmount(text)).toBe(unym);
  });

  it('reads a bare number in the default unit', () => {
    expect(parseAmount('25', { defaultUnit: 'unym' })).toBe(25n);
    expect(parseAmount('25nym', { defaultUnit: 'unym' })).toBe(25_000_000n);
  });

  it.each([
    ['', 'amount_invalid'],
    ['-1', 'amount_invalid'],
    ['+1', 'amount_invalid'],
    ['1e6', 'amount_invalid'],
    ['1,5', 'amount_invalid'],
    ['.5', 'amount_invalid'],
    ['5.', 'amount_invalid'],
    ['0x10', 'amount_invalid'],
    ['1.5 atom', 'amount_unit'],
    ['NaN', 'amount_invalid'],
    ['0.0000001', 'amount_precision'],
    ['1.5unym', 'amount_precision'],
    ['0', 'amount_zero'],
    ['0.000000nym', 'amount_zero'],
    [`${UINT128_MAX + 1n}unym`, 'amount_overflow'],
    ['340282366920938463463374607431768.211456', 'amount_overflow'],
  ])('refuses %j (%s)', (text, code) => {
    expect(codeOf(() => parseAmount(text))).toBe(code);
  });

  it('accepts zero only when asked to, and the largest Uint128', () => {
    expect(parseAmount('0', { allowZero: true })).toBe(0n);
    expect(parseAmount(`${UINT128_MAX}unym`)).toBe(UINT128_MAX);
    expect(parseAmount(`${formatNym(UINT128_MAX)}nym`)).toBe(UINT128_MAX);
  });

  it('says what is wrong and how to write an amount', () => {
    expect(() => parseAmount('lots')).toThrow('write NYM as 1.5 or 1.5nym, or unym as 1500000unym');
    expect(() => parseAmount('0.0000001')).toThrow('more than 6 decimal places');
    expect(() => parseAmount(`${UINT128_MAX}0unym`)).toThrow('too large');
  });

  it('round-trips every Uint128 through formatNym', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: UINT128_MAX }), (unym) => {
        expect(parseAmount(formatNym(unym))).toBe(unym);
        expect(parseAmount(`${unym}unym`)).toBe(unym);
      }),
    );
  });
});

describe('formatNym', () => {
  it.each([
    [0n, '0'],
    [1n, '0.000001'],
    [1_000_000n, '1'],
    [1_500_000n, '1.5'],
    [123_456_789n, '123.456789'],
    [-2_500_000n, '-2.5'],
  ])('%d unym is %s NYM', (unym, text) => {
    expect(formatNym(unym)).toBe(text);
  });
});
