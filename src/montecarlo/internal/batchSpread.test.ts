import { describe, expect, it } from 'vitest';
import { sampleSkewness, sampleStandardDeviation } from 'simple-statistics';
import { batchSpread } from './batchSpread.ts';

describe('batchSpread', () => {
  it('matches the TSDoc example and simple-statistics (independent implementation)', () => {
    const x = Object.freeze([1, 2, 3, 10]);
    const s = batchSpread(x);
    expect(s.df).toBe(3);
    expect(s.stderr).toBeCloseTo(Math.sqrt(50 / 3) / 2, 14); // deviations −3, −2, −1, 6
    expect(s.skewness).toBeCloseTo(sampleSkewness([...x]), 13);
    expect(s.skewness).toBeCloseTo(1.7636, 4);
    const y = [0.3, -1.2, 2.5, 0.7, 0.1, -0.4, 3.3];
    expect(batchSpread(y).stderr).toBeCloseTo(sampleStandardDeviation(y) / Math.sqrt(7), 14);
    expect(batchSpread(y).skewness).toBeCloseTo(sampleSkewness(y), 13);
  });

  it('returns nulls when undefined: B < 2, B < 3 for skewness, no spread, a non-finite value', () => {
    expect(batchSpread([1])).toEqual({ stderr: null, df: null, skewness: null });
    expect(batchSpread([1, 3])).toEqual({ stderr: 1, df: 1, skewness: null });
    expect(batchSpread([2, 2, 2])).toEqual({ stderr: 0, df: 2, skewness: null });
    expect(batchSpread([1, Number.NaN, 2])).toEqual({ stderr: null, df: null, skewness: null });
  });

  it('skewness from B = 3 on; null (never NaN) when sd = 0 or when the cube overflows', () => {
    expect(batchSpread([1, 4, 16]).skewness).toBeCloseTo(sampleSkewness([1, 4, 16]), 12);
    expect(batchSpread([1, 4]).skewness).toBeNull();
    expect(batchSpread([2, 2, 2]).skewness).toBeNull();
    expect(batchSpread([2, 2, 2]).stderr).toBe(0);
    // sd ≈ 5.8e299: sd³ and Σ(x − x̄)³ overflow to Infinity, their ratio is NaN.
    expect(batchSpread([0, 0, 1e300]).skewness).toBeNull();
    expect(batchSpread([0, 0, 1e300]).stderr).not.toBeNull();
  });
});
