import { describe, expect, it } from 'vitest';
import { empiricalQuantile } from './empiricalQuantile.ts';

describe('empiricalQuantile', () => {
  it('interpolates order statistics as R type 7 / numpy', () => {
    expect(empiricalQuantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(empiricalQuantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12); // numpy.quantile(range(1, 11), 0.9)
    expect(empiricalQuantile([5], 0.999)).toBe(5);
    expect(() => empiricalQuantile([], 0.5)).toThrow('no values');
  });
});
