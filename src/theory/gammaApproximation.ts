import { numberField } from '../algebra/field.ts';
import { degreesOfFreedom } from './degreesOfFreedom.ts';

/**
 * Section 5: S_n²/σ² ≈ Gamma(shape k = DF_n/2, scale θ = 2/DF_n) (mean kθ = 1, variance kθ² = 2/DF_n).
 *
 * @example gammaApproximation({ kurtosis: 3, n: 11 }) // { shape: 5, scale: 0.2 }
 */
export function gammaApproximation(p: { kurtosis: number; n: number }): { shape: number; scale: number } {
  const df = degreesOfFreedom(numberField, p);
  return { shape: df / 2, scale: 2 / df };
}
