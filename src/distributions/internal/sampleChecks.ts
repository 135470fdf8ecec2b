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

/**
 * Test helper: the Kolmogorov–Smirnov distance sup_x |F_n(x) − F(x)| of a sample against an exact
 * continuous CDF F (at the i-th order statistic the empirical CDF jumps from i/n to (i + 1)/n).
 *
 * @example ksDistance([0], (x) => (x + 1) / 2) // 0.5 (F(0) = 1/2, F_1 jumps from 0 to 1 there)
 */
export function ksDistance(xs: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Array.from(xs).sort((a, b) => a - b);
  const n = sorted.length;
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  });
  return d;
}

/**
 * Test helper: the Dvoretzky–Kiefer–Wolfowitz bound with Massart's constant,
 * P(sup|F_n − F| > ε) ≤ 2·e^(−2nε²) for every continuous F and every n, solved for ε at false-alarm
 * probability α: ε = √(ln(2/α)/(2n)) — e.g. 0.0190 for α = 1e-6, n = 20000.
 */
export function dkwBound(n: number, falseAlarm: number): number {
  return Math.sqrt(Math.log(2 / falseAlarm) / (2 * n));
}

/** Test helper: ∫₀^∞ x^k p(x) dx by exp-sinh quadrature of the density (no use of symmetry). */
export { halfLineIntegral } from '../quadrature.ts';
