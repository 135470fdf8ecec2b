import { beforeAll, describe, expect, it } from 'vitest';
import gammainc from '@stdlib/math-base-special-gammainc';
import { normal } from '../../distributions/normal.ts';
import { sampleVariance } from 'simple-statistics';
import { initBackend } from '../../network/backend.ts';
import { sampleLayerOutputs } from '../../network/sampleLayerOutputs.ts';
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

  it('equals S² of unit 0 computed by hand (simple-statistics) on the same draws: quantiles as order statistics ⌈pN⌉, shares strictly below', () => {
    // B = 64 makes the sampler's chunk 4096 / 64 = 64 networks, so 150 networks span three chunks. The
    // chunk is part of the seeded stream (sampleLayerOutputs draws per chunk): reports print seeds for
    // replay, so a changed chunk — a different realisation of the same law — must show here.
    const widths = [3, 5, 2];
    const base = { widths, activation: { name: 'leaky-relu', slope: 0.2 } as const, weights: normal(), input: normal(), networks: 150, dataSize: 64, seed: 11 };
    const byHand: number[][] = widths.map(() => []);
    for (const c of sampleLayerOutputs({ ...base, slope: 0, draws: base.networks, inputsPerNetwork: base.dataSize, chunk: 64 })) {
      c.layers.forEach((data, l) => {
        for (let d = 0; d < c.draws; d++) byHand[l]!.push(sampleVariance(Array.from({ length: base.dataSize }, (_, b) => data[(d * base.dataSize + b) * widths[l]!]!)));
      });
    }
    const levels = [0.01, 0.1, 0.5, 0.9, 1];
    // Threshold = layer 1's median exactly: "below" must be strict (the median itself is not counted).
    const sorted = byHand.map((v) => [...v].sort((x, y) => x - y));
    const threshold = sorted[1]![74]!;
    const layers = empiricalVarianceByDepth({ ...base, levels, threshold });
    expect(layers).toHaveLength(3);
    layers.forEach(({ layer, quantiles, shareBelow }) => {
      const v = sorted[layer]!;
      quantiles.forEach(([p, q], k) => {
        expect(p).toBe(levels[k]);
        expect(Math.abs(q - v[Math.ceil(p * 150) - 1]!)).toBeLessThanOrEqual(1e-12 * v[Math.ceil(p * 150) - 1]!);
      });
      expect(shareBelow).toBe(v.filter((x) => x < threshold).length / 150);
    });
    expect(layers[1]!.shareBelow).toBe(74 / 150);
    // The default threshold is Figure 2's 1e-3: a gain of 1e-3 scales layer l's outputs by 10^(−3l), so layer 2's S² is ≈ 10⁻¹².
    const tiny = empiricalVarianceByDepth({ ...base, gain: 1e-3, networks: 20 });
    expect(tiny[2]!.shareBelow).toBe(1);
    expect(tiny[0]!.shareBelow).toBe(0);
  });

  it('accepts the smallest data set, B = 2 (S² = (y₁ − y₂)²/2)', () => {
    const layers = empiricalVarianceByDepth({ widths: [2, 2], activation: { name: 'identity' }, weights: normal(), input: normal(), networks: 5, dataSize: 2, seed: 3 });
    expect(layers[0]!.quantiles.every(([, q]) => Number.isFinite(q) && q >= 0)).toBe(true);
  });

  it('rejects a data set of size < 2', () => {
    expect(() => empiricalVarianceByDepth({ widths: [4, 4], activation: { name: 'tanh' }, weights: normal(), input: normal(), networks: 10, dataSize: 1, seed: 1 })).toThrow(/dataSize/);
  });
});
