import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { checkOpenProbability } from './internal/validate.ts';

const API = 'welchTTest';

/** Alternative hypothesis about mean(a) − mean(b) − nullDifference. */
export type Alternative = 'less' | 'greater' | 'two-sided';

/** Options of {@link welchTTest}. */
export interface WelchTTestOptions {
  /** The difference δ0 under H0 (mean a − mean b = δ0), default 0 (a margin for non-inferiority). */
  readonly nullDifference?: number;
  /** Level of the reported confidence bound(s), in (0, 1), default 0.95. */
  readonly confidence?: number;
}

/** The record returned by {@link welchTTest}. */
export interface WelchTTestResult {
  readonly alternative: Alternative;
  readonly nullDifference: number;
  readonly nA: number;
  readonly nB: number;
  readonly meanA: number;
  readonly meanB: number;
  /** mean(a) − mean(b). */
  readonly difference: number;
  /** √(s²_a/n_a + s²_b/n_b) with unbiased sample variances. */
  readonly standardError: number;
  /** (difference − nullDifference)/standardError; null when standardError = 0. */
  readonly t: number | null;
  /** Welch–Satterthwaite degrees of freedom; null when standardError = 0. */
  readonly df: number | null;
  readonly pValue: number;
  readonly confidence: number;
  /**
   * Confidence bounds for mean(a) − mean(b) matching the alternative: 'greater' → [lower, null],
   * 'less' → [null, upper], 'two-sided' → [lower, upper] ((1 − confidence)/2 per tail).
   */
  readonly interval: readonly [number | null, number | null];
}

function meanVar(v: ArrayLike<number>, name: string): { n: number; mean: number; variance: number } {
  const n = v.length;
  if (n < 2) throw new Error(`${API}: sample ${name} needs at least 2 values, got ${n}`);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    if (!Number.isFinite(x)) throw new Error(`${API}: sample ${name} has a non-finite value ${String(x)} at index ${i}`);
    mean += x;
  }
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (v[i]! - mean) ** 2;
  return { n, mean, variance: ss / (n - 1) };
}

/**
 * Welch's unequal-variance two-sample t test (R's `t.test(a, b, var.equal = FALSE, mu = δ0,
 * alternative = …)`). Convention: difference = mean(a) − mean(b); t = (difference − δ0)/SE with
 * SE = √(s²_a/n_a + s²_b/n_b); df = SE⁴ / ((s²_a/n_a)²/(n_a−1) + (s²_b/n_b)²/(n_b−1)).
 * 'less' tests H1: difference < δ0 (p = P(T ≤ t)), 'greater' H1: difference > δ0 (p = P(T ≥ t)),
 * 'two-sided' p = 2·P(T ≥ |t|). The interval uses the t quantile at the same df.
 *
 * Degenerate case, both samples with zero variance (SE = 0): the difference is known exactly, so
 * p = 0 when difference − δ0 lies strictly in the alternative's direction (≠ 0 for 'two-sided')
 * and p = 1 otherwise; t and df are null and the interval collapses to the difference.
 *
 * @example welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10], 'less')
 * // difference −3.5, t −2.2514363, df 5.5207877, pValue 0.0345668, standardError 1.5545632,
 * // interval [null, −0.43159]  (SciPy ttest_ind(equal_var=False, alternative='less'))
 * @throws Error when a sample has fewer than 2 values or a non-finite value.
 */
export function welchTTest(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  alternative: Alternative = 'two-sided',
  options: WelchTTestOptions = {},
): WelchTTestResult {
  if (alternative !== 'less' && alternative !== 'greater' && alternative !== 'two-sided') {
    throw new Error(`${API}: alternative must be 'less', 'greater' or 'two-sided', got ${String(alternative)}`);
  }
  const A = meanVar(a, 'a');
  const B = meanVar(b, 'b');
  const nullDifference = options.nullDifference ?? 0;
  if (!Number.isFinite(nullDifference)) throw new Error(`${API}: options.nullDifference must be finite, got ${nullDifference}`);
  const confidence = checkOpenProbability(API, 'confidence', options.confidence ?? 0.95);
  const difference = A.mean - B.mean;
  const va = A.variance / A.n;
  const vb = B.variance / B.n;
  const standardError = Math.sqrt(va + vb);
  const base = { alternative, nullDifference, nA: A.n, nB: B.n, meanA: A.mean, meanB: B.mean, difference, standardError, confidence };
  const shift = difference - nullDifference;
  if (standardError === 0) {
    const inDirection = alternative === 'less' ? shift < 0 : alternative === 'greater' ? shift > 0 : shift !== 0;
    const interval: [number | null, number | null] =
      alternative === 'less' ? [null, difference] : alternative === 'greater' ? [difference, null] : [difference, difference];
    return { ...base, t: null, df: null, pValue: inDirection ? 0 : 1, interval };
  }
  const df = (va + vb) ** 2 / (va ** 2 / (A.n - 1) + vb ** 2 / (B.n - 1));
  const t = shift / standardError;
  const alpha = 1 - confidence;
  let pValue: number;
  let interval: [number | null, number | null];
  if (alternative === 'less') {
    pValue = tCdf(t, df);
    interval = [null, difference + tQuantile(confidence, df) * standardError];
  } else if (alternative === 'greater') {
    pValue = tCdf(-t, df);
    interval = [difference - tQuantile(confidence, df) * standardError, null];
  } else {
    pValue = Math.min(1, 2 * tCdf(-Math.abs(t), df));
    const c = tQuantile(1 - alpha / 2, df);
    interval = [difference - c * standardError, difference + c * standardError];
  }
  return { ...base, t, df, pValue, interval };
}
