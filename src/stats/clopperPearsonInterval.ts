import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { checkInteger, checkOpenProbability } from './internal/validate.ts';

const API = 'clopperPearsonInterval';

/** The record returned by {@link clopperPearsonInterval}. */
export interface ClopperPearsonResult {
  readonly successes: number;
  readonly n: number;
  /** successes / n. */
  readonly estimate: number;
  readonly confidence: number;
  /** Two-sided interval, (1 − confidence)/2 in each tail. */
  readonly lower: number;
  readonly upper: number;
  /** One-sided lower bound: P(lowerBound ≤ p) ≥ confidence. */
  readonly lowerBound: number;
  /** One-sided upper bound: P(upperBound ≥ p) ≥ confidence. */
  readonly upperBound: number;
}

/** Lower bound with tail probability a: Beta⁻¹(a; k, n − k + 1), 0 if k = 0. */
function lowerAt(k: number, n: number, a: number): number {
  return k === 0 ? 0 : betaQuantile(a, k, n - k + 1);
}

/** Upper bound with tail probability a: Beta⁻¹(1 − a; k + 1, n − k), 1 if k = n. */
function upperAt(k: number, n: number, a: number): number {
  return k === n ? 1 : betaQuantile(1 - a, k + 1, n - k);
}

/**
 * Clopper–Pearson (exact binomial) confidence bounds for a proportion p from `successes` of `n`
 * independent trials. Convention: with a = 1 − confidence, the one-sided bounds are
 * lowerBound = Beta⁻¹(a; k, n−k+1) (0 when k = 0) and upperBound = Beta⁻¹(1−a; k+1, n−k) (1 when
 * k = n); the two-sided interval uses a/2 in each tail. Coverage is ≥ the nominal level for every p
 * (the bounds invert the exact binomial tail: P(X ≥ k | lowerBound) = a).
 * Same construction as in `auditFalseAlarmRate` (checked there against SciPy).
 *
 * @example clopperPearsonInterval(5, 100, 0.95) // lower 0.016432, upper 0.112835, lowerBound 0.019906, upperBound 0.102253
 * @example clopperPearsonInterval(0, 100, 0.95).upperBound // 0.029513 (= 1 − 0.05^{1/100})
 * @throws Error when n is not an integer ≥ 1, successes not an integer in [0, n], or confidence not in (0, 1).
 */
export function clopperPearsonInterval(successes: number, n: number, confidence = 0.95): ClopperPearsonResult {
  checkInteger(API, 'n', n, 1);
  checkInteger(API, 'successes', successes, 0);
  if (successes > n) throw new Error(`${API}: options.successes must be <= n (${n}), got ${successes}`);
  checkOpenProbability(API, 'confidence', confidence);
  const a = 1 - confidence;
  return {
    successes,
    n,
    estimate: successes / n,
    confidence,
    lower: lowerAt(successes, n, a / 2),
    upper: upperAt(successes, n, a / 2),
    lowerBound: lowerAt(successes, n, a),
    upperBound: upperAt(successes, n, a),
  };
}
