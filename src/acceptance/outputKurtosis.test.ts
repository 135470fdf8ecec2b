import { describe, expect, it } from 'vitest';
import { outputKurtosis } from './outputKurtosis.ts';

describe('outputKurtosis', () => {
  it('is κ0 at depth 0 and follows Proposition 3 (one step by hand: w = 2, κ_w = 3, κ0 = 3, c0 = 0 → 10.5)', () => {
    expect(outputKurtosis({ width: 10, depth: 0, weightKurtosis: 3, kappa0: 3.3, c0Normalized: 0.1 })).toBe(3.3);
    expect(outputKurtosis({ width: 2, depth: 1, weightKurtosis: 3, kappa0: 3, c0Normalized: 0 })).toBeCloseTo(10.5, 12);
  });
  it('grows with depth and falls with width (the trend Figure 1 spans)', () => {
    const k = (width: number, depth: number) => outputKurtosis({ width, depth, weightKurtosis: 1, kappa0: 3.2887, c0Normalized: 0.0962 });
    expect(k(5, 20)).toBeGreaterThan(k(5, 10));
    expect(k(50, 20)).toBeLessThan(k(5, 20));
  });
});
