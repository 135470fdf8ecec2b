/** Euler–Mascheroni constant γ. */
const EULER_GAMMA = 0.5772156649015329;

/**
 * Section 5's Gamma density with shape k and scale 1/k (mean 1), on the log scale, for small k:
 * ln f(x; k, 1/k) = (k−1)ln x − kx + k ln k − lnΓ(k), with lnΓ(k) = −ln k − γk + O(k²) (so
 * −lnΓ(k) ≈ ln k + ln(1 + γk)); the O(k²) term is below 1e-4 for k ≤ 1e-2.
 *
 * @example gammaLogDensitySmallShape(1, 1e-4) // ≈ −9.2113 (ln k − kx + k ln k + ln(1 + γk) at x = 1)
 */
export function gammaLogDensitySmallShape(x: number, k: number): number {
  return (k - 1) * Math.log(x) - k * x + k * Math.log(k) + Math.log(k) + Math.log1p(EULER_GAMMA * k);
}
