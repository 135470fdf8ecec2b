import type { Field } from '../algebra/field.ts';

/**
 * Section 5: DF_n = 2σ⁴ / Var[S_n²] = 2n / (κ − (n−3)/(n−1)), the degrees of freedom of the
 * moment-matched χ²(DF_n)/DF_n law of S_n²/σ². For κ = 3 (normal) it is exactly n − 1.
 *
 * @example degreesOfFreedom(numberField, { kurtosis: 3, n: 11 }) // 10
 */
export function degreesOfFreedom<T>(F: Field<T>, p: { kurtosis: T; n: number }): T {
  if (!Number.isInteger(p.n) || p.n < 2) throw new Error(`degreesOfFreedom: n must be an integer >= 2, got ${p.n}`);
  const ratio = F.div(F.of(p.n - 3), F.of(p.n - 1));
  return F.div(F.of(2 * p.n), F.sub(p.kurtosis, ratio));
}
