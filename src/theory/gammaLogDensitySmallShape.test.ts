import { describe, expect, it } from 'vitest';
import { logGamma } from '../distributions/internal/logGamma.ts';
import { gammaLogDensitySmallShape } from './gammaLogDensitySmallShape.ts';

describe('gammaLogDensitySmallShape', () => {
  it.each([
    [0.5, 1e-2],
    [2, 1e-3],
    [30, 1e-4],
  ])('x = %f, k = %f: within O(k²) of the exact (k−1)ln x − kx + k ln k − lnΓ(k)', (x, k) => {
    const exact = (k - 1) * Math.log(x) - k * x + k * Math.log(k) - logGamma(k);
    expect(Math.abs(gammaLogDensitySmallShape(x, k) - exact)).toBeLessThan(2 * k * k);
  });
  it('the TSDoc example', () => {
    expect(gammaLogDensitySmallShape(1, 1e-4)).toBeCloseTo(Math.log(1e-4) - 1e-4 + 1e-4 * Math.log(1e-4) + Math.log1p(0.5772156649015329e-4), 12);
    expect(gammaLogDensitySmallShape(1, 1e-4)).toBeCloseTo(-9.2113, 4);
  });
});
