import { beforeAll, describe, expect, it } from 'vitest';
import gammainc from '@stdlib/math-base-special-gammainc';
import { normal } from '../../distributions/normal.ts';
import { initBackend } from '../../network/backend.ts';
import { empiricalVarianceByDepth } from './empiricalVarianceByDepth.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

/** Median of S² = χ²(B−1)/(B−1) by bisection on the regularised incomplete gamma function. */
function chiSquareMedianOverDf(df: number): number {
  let lo = 0;
  let hi = 3;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (gammainc((mid * df) / 2, df / 2) < 0.5) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('empiricalVarianceByDepth', () => {
  it('layer 0 (i.i.d. N(0,1) data sets of B = 64): the median S² across 2000 networks is the χ²(63)/63 median', () => {
    // The sample median's sd ≈ √(¼/N)/f(median) ≈ 0.005 (f ≈ 2.24 for χ²(63)/63): ±0.03 is 6 sd, false alarm ≈ 2e-9.
    const layers = empiricalVarianceByDepth({ widths: [4, 4], activation: { name: 'leaky-relu', slope: 0 }, weights: normal(), input: normal(), networks: 2000, dataSize: 64, seed: 7 });
    const median = layers[0]!.quantiles.find(([p]) => p === 0.5)![1];
    expect(Math.abs(median - chiSquareMedianOverDf(63))).toBeLessThan(0.03);
    expect(layers[0]!.shareBelow).toBe(0);
  });

  it('a linear network of depth 1 (gain 1): across networks S² spreads wider than at layer 0 (conditional variance |w|² ∼ χ²(16)/16)', () => {
    const layers = empiricalVarianceByDepth({ widths: [16, 16], activation: { name: 'identity' }, weights: normal(), input: normal(), networks: 2000, dataSize: 64, seed: 8, levels: [0.1, 0.9] });
    const spread = (l: number) => layers[l]!.quantiles[1]![1] - layers[l]!.quantiles[0]![1];
    // Conditional on W, y = w·x has variance |w|² ∼ χ²(16)/16: the across-network spread adds to the sampling spread.
    expect(spread(1)).toBeGreaterThan(spread(0) * 1.5);
  });

  it('rejects a data set of size < 2', () => {
    expect(() => empiricalVarianceByDepth({ widths: [4, 4], activation: { name: 'tanh' }, weights: normal(), input: normal(), networks: 10, dataSize: 1, seed: 1 })).toThrow(/dataSize/);
  });
});
