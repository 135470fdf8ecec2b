import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * The reference law of a t statistic: Student-t with `df` degrees of freedom, or the standard
 * normal when `df === Infinity` (a known stderr). The explicit branch is needed: stdlib's
 * `t-cdf(x, Infinity)` returns 0.5 and `t-quantile(p, Infinity)` NaN.
 *
 * @example referenceCdf(1.959963984540054, Infinity) // 0.975
 */
export function referenceCdf(x: number, df: number): number {
  return df === Infinity ? normalCdf(x, 0, 1) : tCdf(x, df);
}

/**
 * Quantile of the reference law (see {@link referenceCdf}).
 *
 * @example referenceQuantile(0.975, 63) // 1.998340542520741
 */
export function referenceQuantile(p: number, df: number): number {
  return df === Infinity ? normalQuantile(p, 0, 1) : tQuantile(p, df);
}

/** Two-sided critical value c with P(|T| > c) = falseAlarm. */
export function criticalValue(falseAlarm: number, df: number): number {
  return referenceQuantile(1 - falseAlarm / 2, df);
}

/**
 * Power of the two-sided test |T| > c when the statistic is SHIFTED by the noncentrality δ:
 * P(|T + δ| > c) = F(−c − δ) + F(δ − c), F the reference cdf (written without 1 − F so that small
 * tails keep their relative accuracy). Exact for a known stderr (df = ∞). For an estimated
 * stderr the exact law is the noncentral t, (Z + δ)/√(χ²_df/df), whose extra spread the shifted t
 * ignores, so it OVERSTATES power a little, more so for small df and small falseAlarm. Exact minus
 * shifted power at the δ where the shifted power is 0.8 (SciPy nct; checked in the unit test by
 * quadrature over χ²_df):
 *
 *   falseAlarm    df = 15    df = 30    df = 63    df = 127
 *   0.05          −0.0001    +0.0002    +0.0001    +0.0001
 *   0.01          −0.0094    −0.0042    −0.0019    −0.0009
 *   0.001         −0.0254    −0.0115    −0.0052    −0.0025
 */
export function shiftedPower(shift: number, falseAlarm: number, df: number): number {
  const c = criticalValue(falseAlarm, df);
  const d = Math.abs(shift);
  return referenceCdf(-c - d, df) + referenceCdf(d - c, df);
}

/**
 * The smallest noncentrality δ ≥ 0 with {@link shiftedPower}(δ) ≥ power (bisection to full
 * float64 precision; power is increasing in δ). Requires falseAlarm < power < 1.
 *
 * @example detectableShift(0.05, 0.8, Infinity) // 2.8015…  (≈ z_{0.975} + z_{0.8} = 1.960 + 0.842)
 */
export function detectableShift(falseAlarm: number, power: number, df: number): number {
  let lo = 0;
  let hi = criticalValue(falseAlarm, df) + referenceQuantile(power, df) + 1;
  while (shiftedPower(hi, falseAlarm, df) < power) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (shiftedPower(mid, falseAlarm, df) >= power) hi = mid;
    else lo = mid;
  }
  return hi;
}
