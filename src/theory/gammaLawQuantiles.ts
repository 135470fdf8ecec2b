import gammaincinv from '@stdlib/math-base-special-gammaincinv';
import gammaln from '@stdlib/math-base-special-gammaln';
import { gammaApproximation } from './gammaApproximation.ts';

/** One predicted quantile of S_n² under Section 5's Gamma law. */
export interface GammaLawQuantile {
  /** The level p ∈ (0, 1). */
  readonly level: number;
  /** ξ_p = σ²·θ·P⁻¹(k, p); 0 when it underflows the double range (see `log10`). */
  readonly value: number;
  /**
   * log10 ξ_p, finite even where `value` underflows: from `value` when it is a normal double,
   * else from the small-shape asymptote P(k, x) = x^k/Γ(k+1)·(1 + O(x)), i.e.
   * log10 ξ_p = log10(σ²θ) + (log10 p + log10 Γ(k+1))/k (x ≪ 1 there, so the O(x) term is nil).
   */
  readonly log10: number;
}

/** The record returned by {@link gammaLawQuantiles}. */
export interface GammaLawQuantiles {
  /** DF_n = 2n/(κ − (n−3)/(n−1)). */
  readonly degreesOfFreedom: number;
  /** Gamma shape k = DF_n/2 and scale θ = 2/DF_n of S_n²/σ². */
  readonly shape: number;
  readonly scale: number;
  readonly quantiles: readonly GammaLawQuantile[];
}

/**
 * Section 5's law read as a prediction: S_n²/σ² ~ Gamma(k = DF_n/2, θ = 2/DF_n) (mean 1, variance
 * 2/DF_n), so the p-quantile of S_n² is σ²·θ·P⁻¹(k, p), P the regularised lower incomplete gamma
 * (stdlib's `gammaincinv`, inverted on the upper tail Q = 1 − p for accuracy near p = 1).
 * `kurtosis` is the RAW kurtosis κ of the draws (3 for a normal law), `variance` their σ², n ≥ 2
 * the sample size of S_n².
 *
 * @example gammaLawQuantiles({ kurtosis: 3, variance: 1, n: 3, levels: [0.5] }).quantiles[0].value
 * // 0.6931… (S_3² ~ χ²₂/2 = Exp(1) at κ = 3: median ln 2)
 * @throws Error on a non-integer n < 2, κ ≤ (n−3)/(n−1) (no positive DF_n), σ² ≤ 0 or a level outside (0, 1).
 */
export function gammaLawQuantiles(p: { kurtosis: number; variance: number; n: number; levels: readonly number[] }): GammaLawQuantiles {
  const api = 'gammaLawQuantiles';
  if (!Number.isInteger(p.n) || p.n < 2) throw new Error(`${api}: n must be an integer >= 2, got ${String(p.n)}`);
  if (!(p.kurtosis > (p.n - 3) / (p.n - 1)) || !Number.isFinite(p.kurtosis)) throw new Error(`${api}: kurtosis must be finite and > (n−3)/(n−1), got ${String(p.kurtosis)}`);
  if (!(p.variance > 0) || !Number.isFinite(p.variance)) throw new Error(`${api}: variance must be finite and > 0, got ${String(p.variance)}`);
  const { shape, scale } = gammaApproximation({ kurtosis: p.kurtosis, n: p.n });
  const quantiles = p.levels.map((level) => {
    if (!(level > 0 && level < 1)) throw new Error(`${api}: every level must be in (0, 1), got ${String(level)}`);
    const x = gammaincinv(1 - level, shape, true);
    const value = p.variance * scale * x;
    const log10 =
      x >= 2.2250738585072014e-308 && value > 0
        ? Math.log10(value)
        : Math.log10(p.variance * scale) + (Math.log10(level) + gammaln(shape + 1) / Math.LN10) / shape;
    return { level, value, log10 };
  });
  return { degreesOfFreedom: 2 / scale, shape, scale, quantiles };
}
