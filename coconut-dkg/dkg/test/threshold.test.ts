import { DkgError } from '../src/errors';
import { thresholdFor } from '../src/threshold';

describe('thresholdFor', () => {
  it('is ⌈2n/3⌉, the contract rule', () => {
    const expected: Record<number, number> = { 1: 1, 2: 2, 3: 2, 4: 3, 5: 4, 6: 4, 7: 5, 10: 7, 100: 67 };
    for (const [n, t] of Object.entries(expected)) expect(thresholdFor(Number(n))).toBe(t);
  });

  it('matches the older (2n + 2) / 3 form for every n', () => {
    for (let n = 1; n <= 300; n++) expect(thresholdFor(n)).toBe(Math.floor((2 * n + 2) / 3));
  });

  it('refuses an empty or fractional committee', () => {
    expect(() => thresholdFor(0)).toThrow(DkgError);
    expect(() => thresholdFor(2.5)).toThrow(/at least one participant/);
  });
});
