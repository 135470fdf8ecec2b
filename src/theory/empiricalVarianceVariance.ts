import type { Field } from '../algebra/field.ts';

/**
 * Section 5: variance of the unbiased empirical variance S_n² of n i.i.d. draws,
 * Var[S_n²] = (κ − (n−3)/(n−1)) · σ⁴ / n   (O'Neill 2014; κ raw kurtosis, n ≥ 2).
 *
 * @example empiricalVarianceVariance(numberField, { kurtosis: 3, variance: 1, n: 11 }) // 0.2 = 2/(n−1)
 */
export function empiricalVarianceVariance<T>(F: Field<T>, p: { kurtosis: T; variance: T; n: number }): T {
  if (!Number.isInteger(p.n) || p.n < 2) throw new Error(`empiricalVarianceVariance: n must be an integer >= 2, got ${p.n}`);
  const ratio = F.div(F.of(p.n - 3), F.of(p.n - 1));
  return F.div(F.mul(F.sub(p.kurtosis, ratio), F.mul(p.variance, p.variance)), F.of(p.n));
}
