import { describe, expect, it } from 'vitest';
import { binomialTestGreater, binomialTestLess } from './binomialTestGreater.ts';

describe('binomialTestGreater / binomialTestLess: values at the ends and input errors', () => {
  it('exact tails: P(X ≥ 10 | Bin(10, 1/2)) = 2⁻¹⁰, P(X ≤ 0) = 2⁻¹⁰, P(X ≤ 10) = 1', () => {
    expect(binomialTestGreater(10, 10, 0.5)).toBeCloseTo(2 ** -10, 16);
    expect(binomialTestLess(0, 10, 0.5)).toBeCloseTo(2 ** -10, 16);
    expect(binomialTestLess(10, 10, 0.5)).toBe(1);
    expect(binomialTestLess(1, 10, 0.5)).toBeCloseTo(11 / 1024, 15);
  });

  it('names the API, the option and the value in every error', () => {
    for (const [name, f] of [['binomialTestGreater', binomialTestGreater], ['binomialTestLess', binomialTestLess]] as const) {
      expect(() => f(1, 0, 0.5)).toThrow(new RegExp(`^${name}: options\\.n must be an integer >= 1, got 0$`));
      expect(() => f(-1, 10, 0.5)).toThrow(new RegExp(`^${name}: options\\.successes must be an integer >= 0, got -1$`));
      expect(() => f(1.5, 10, 0.5)).toThrow(new RegExp(`^${name}: options\\.successes must be an integer >= 0, got 1\\.5$`));
      expect(() => f(11, 10, 0.5)).toThrow(new RegExp(`^${name}: options\\.successes must be <= n \\(10\\), got 11$`));
      expect(() => f(1, 10, 1)).toThrow(new RegExp(`^${name}: options\\.p0 must be a number in \\(0, 1\\), got 1$`));
      expect(f(10, 10, 0.5)).toBeGreaterThan(0); // successes = n is allowed
    }
  });
});
