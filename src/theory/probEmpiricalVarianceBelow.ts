import gammainc from '@stdlib/math-base-special-gammainc';
import { gammaApproximation } from './gammaApproximation.ts';

/**
 * Section 5: P(S_n²/σ² ≤ ε) under the Gamma(DF_n/2, 2/DF_n) approximation, i.e. the regularized
 * lower incomplete gamma P(k, ε/θ) (stdlib's `gammainc(x, s)`).
 *
 * @example probEmpiricalVarianceBelow({ kurtosis: 3, n: 2, epsilon: 1 }) // P(χ²₁ ≤ 1) ≈ 0.6827
 */
export function probEmpiricalVarianceBelow(p: { kurtosis: number; n: number; epsilon: number }): number {
  if (!(p.epsilon >= 0)) throw new Error(`probEmpiricalVarianceBelow: epsilon must be >= 0, got ${p.epsilon}`);
  const { shape, scale } = gammaApproximation(p);
  return gammainc(p.epsilon / scale, shape);
}
