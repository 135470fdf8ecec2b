import type { SymmetricDistribution } from '../types.ts';
import { sampleMany } from '../sampleMany.ts';

/**
 * Test helper: draws n samples with a fixed seed and returns the sample mean and mean square with
 * their z-scores against the exact values 0 and σ² (standard errors σ/√n and σ²√((κ−1)/n)).
 *
 * A bound |z| ≤ 6 has false-alarm probability ≈ 2·10⁻⁹ under the normal approximation, and at
 * most 1/36 by Chebyshev's inequality whatever the tails (the mean-square bound needs E[x⁴] < ∞).
 */
export function sampleZScores(dist: SymmetricDistribution, options: { seed: number; n: number }) {
  const xs = sampleMany(dist, options);
  let s1 = 0;
  let s2 = 0;
  for (const x of xs) {
    s1 += x;
    s2 += x * x;
  }
  const n = xs.length;
  const mean = s1 / n;
  const meanSquare = s2 / n;
  const sd = Math.sqrt(dist.variance);
  return {
    mean,
    meanSquare,
    zMean: mean / (sd / Math.sqrt(n)),
    zMeanSquare: (meanSquare - dist.variance) / (dist.variance * Math.sqrt((dist.kurtosis - 1) / n)),
  };
}

/** Test helper: ∫₀^∞ x^k p(x) dx by exp-sinh quadrature of the density (no use of symmetry). */
export { halfLineIntegral } from '../quadrature.ts';
