import quantile from '@stdlib/stats-base-dists-normal-quantile';

/** Smallest n for which {@link checkMeanSquare} uses the normal approximation (see there). */
export const MIN_NORMAL_APPROXIMATION_N = 10_000;

/**
 * Test helpers: Monte Carlo checks of the second moment and the raw kurtosis of i.i.d. zero-mean
 * entries, each returning everything a failure message or a report needs (statistic, n, estimate,
 * theory, Δ, standard error, bound, false-alarm rate, the smallest discrepancy detectable).
 */
export interface MomentCheck {
  readonly statistic: 'mean square' | 'raw kurtosis';
  readonly n: number;
  readonly estimate: number;
  readonly expected: number;
  readonly delta: number;
  /** Standard error of the estimate under the hypothesis. */
  readonly standardError: number;
  /** Accept iff |Δ| ≤ bound. */
  readonly bound: number;
  readonly falseAlarm: number;
  /** 'normal': bound = Φ⁻¹(1 − α/2)·SE; 'chebyshev': bound = SE/√α (any law). */
  readonly method: 'normal' | 'chebyshev';
  /** Smallest |Δ| detected with probability ≈ 0.9: bound + Φ⁻¹(0.9)·SE (normal approximation). */
  readonly detectable: number;
  readonly pass: boolean;
}

/** Two-sided critical value of a check with false-alarm rate α: Φ⁻¹(1 − α/2) or 1/√α. */
function criticalValue(falseAlarm: number, method: 'normal' | 'chebyshev'): number {
  if (!(falseAlarm > 0 && falseAlarm < 1)) throw new Error(`momentChecks: falseAlarm must be in (0, 1), got ${falseAlarm}`);
  return method === 'normal' ? quantile(1 - falseAlarm / 2, 0, 1) : 1 / Math.sqrt(falseAlarm);
}

function finish(
  statistic: MomentCheck['statistic'],
  n: number,
  estimate: number,
  expected: number,
  standardError: number,
  falseAlarm: number,
  method: 'normal' | 'chebyshev',
): MomentCheck {
  const bound = criticalValue(falseAlarm, method) * standardError;
  const delta = estimate - expected;
  const detectable = bound + quantile(0.9, 0, 1) * standardError;
  return { statistic, n, estimate, expected, delta, standardError, bound, falseAlarm, method, detectable, pass: Math.abs(delta) <= bound };
}

/**
 * Mean square m₂ = Σx²/n of i.i.d. zero-mean entries (the mean is known to be 0, so this is the
 * variance estimator with an exact variance formula) against `variance` = σ².
 * Var[m₂] = (E[x⁴] − σ⁴)/n = σ⁴(κ − 1)/n, κ the raw kurtosis; bound = z·σ²·√((κ − 1)/n).
 * Example: n = 200·3072 = 614400 normal entries (κ = 3), α = 1e-6 (z = 4.89): bound = 4.89·√(2/614400)
 * = 0.88% of σ²; a 1.2% discrepancy is detected with probability 0.9.
 * The normal approximation is refused below n = 10⁴ (MIN_NORMAL_APPROXIMATION_N): there the
 * skewness of m₂ (2√2/√n for normal entries) would inflate the real false-alarm rate at 4.89 SE
 * by more than the Edgeworth factor 1 + γ(z³ − 3z)/6 ≈ 1.5.
 */
export function checkMeanSquare(
  values: ArrayLike<number>,
  options: { readonly variance: number; readonly kurtosis: number; readonly falseAlarm: number },
): MomentCheck {
  const n = values.length;
  if (n < MIN_NORMAL_APPROXIMATION_N) {
    throw new Error(`checkMeanSquare: n = ${n} is below ${MIN_NORMAL_APPROXIMATION_N}, where the normal approximation is not trusted`);
  }
  let s2 = 0;
  for (let i = 0; i < n; i++) s2 += values[i]! * values[i]!;
  const v = options.variance;
  const se = v * Math.sqrt((options.kurtosis - 1) / n);
  return finish('mean square', n, s2 / n, v, se, options.falseAlarm, 'normal');
}

/**
 * Raw sample kurtosis k̂ = m₄/m₂² (known mean 0) against κ. With the standardised moments
 * κ = μ₄/σ⁴, s₆ = μ₆/σ⁶, s₈ = μ₈/σ⁸ (s₈ must be finite), the delta method gives
 * n·Var[k̂] → (s₈ − κ²) − 4κ(s₆ − κ) + 4κ²(κ − 1)   (= 24 for the normal law: 105 − 9 − 144 + 72).
 * The bound is Chebyshev's, SE/√α, not the normal quantile: k̂ is strongly right-skewed (one
 * large entry moves it by x⁴/n). Measured for normal entries, n = 2000, 20000 seeds: the 0.999
 * and 0.9999 quantiles of (k̂ − 3)/SE are 4.4 and 6.1 (normal: 3.1 and 3.7), the largest 7.0.
 */
export function checkKurtosis(
  values: ArrayLike<number>,
  options: { readonly kurtosis: number; readonly sixth: number; readonly eighth: number; readonly falseAlarm: number },
): MomentCheck {
  const n = values.length;
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const x2 = values[i]! * values[i]!;
    s2 += x2;
    s4 += x2 * x2;
  }
  const m2 = s2 / n;
  const k = options.kurtosis;
  const asymptoticVariance = options.eighth - k * k - 4 * k * (options.sixth - k) + 4 * k * k * (k - 1);
  const se = Math.sqrt(asymptoticVariance / n);
  return finish('raw kurtosis', n, s4 / n / (m2 * m2), k, se, options.falseAlarm, 'chebyshev');
}
