import { binomialCumulative } from './internal/binomialCumulative.ts';
import { checkOpenProbability } from './internal/validate.ts';

const API = 'quantileConfidenceInterval';

/** A one-sided distribution-free bound on a quantile: an order statistic, or null when n is too small. */
export interface QuantileBound {
  /** The bounding order statistic X_(rank), null when no order statistic bounds this side. */
  readonly value: number | null;
  /** Its 1-based rank k, null with value. */
  readonly rank: number | null;
  /** Exact coverage guarantee of this rank for a continuous law (≥ 1 − alpha), null with value. */
  readonly coverage: number | null;
  /** Smallest sample size at which this side has a bound at all (see {@link minSamplesForQuantileBound}). */
  readonly minSamples: number;
}

/** The record returned by {@link quantileConfidenceInterval}. */
export interface QuantileConfidenceInterval {
  readonly n: number;
  readonly q: number;
  readonly confidence: number;
  /** Point estimate: linear interpolation between order statistics (R type 7, NumPy default). */
  readonly estimate: number;
  /** Lower end X_(l), (1 − confidence)/2 tail; null when n is too small to bound below. */
  readonly lower: number | null;
  /** Upper end X_(u), (1 − confidence)/2 tail; null when n is too small to bound above. */
  readonly upper: number | null;
  readonly lowerRank: number | null;
  readonly upperRank: number | null;
  /** Sample sizes needed for each end to exist. */
  readonly minSamplesLower: number;
  readonly minSamplesUpper: number;
}

function sortedCopy(values: ArrayLike<number>, api: string): Float64Array {
  const s = Float64Array.from(values as ArrayLike<number>);
  for (let i = 0; i < s.length; i++) if (Number.isNaN(s[i])) throw new Error(`${api}: NaN at index ${i}`);
  return s.sort();
}

function checkQ(api: string, q: number): void {
  if (typeof q !== 'number' || !(q > 0 && q < 1)) throw new Error(`${api}: q must be a number in (0, 1), got ${String(q)}`);
}

/**
 * Smallest n for which a one-sided distribution-free bound on the q-quantile exists at tail
 * probability alpha: 'upper' needs P(X_(n) ≥ ξ_q) = 1 − qⁿ ≥ 1 − alpha, i.e. n ≥ ln(alpha)/ln(q);
 * 'lower' needs P(X_(1) ≤ ξ_q) = 1 − (1−q)ⁿ ≥ 1 − alpha, i.e. n ≥ ln(alpha)/ln(1−q).
 *
 * @example minSamplesForQuantileBound(0.999, 0.001, 'upper') // 6905
 * @example minSamplesForQuantileBound(0.9, 0.025, 'upper') // 36
 */
export function minSamplesForQuantileBound(q: number, alpha: number, side: 'lower' | 'upper'): number {
  checkQ('minSamplesForQuantileBound', q);
  checkOpenProbability('minSamplesForQuantileBound', 'alpha', alpha);
  const base = side === 'upper' ? q : 1 - q;
  let n = Math.max(1, Math.ceil(Math.log(alpha) / Math.log(base) - 1e-9));
  while (n > 1 && base ** (n - 1) <= alpha) n--; // guard the ceil against rounding
  while (base ** n > alpha) n++;
  return n;
}

function upperFromSorted(s: Float64Array, q: number, alpha: number): QuantileBound {
  const n = s.length;
  const minSamples = minSamplesForQuantileBound(q, alpha, 'upper');
  if (n === 0) return { value: null, rank: null, coverage: null, minSamples };
  // P(X_(k) ≥ ξ_q) ≥ P(Bin(n, q) ≤ k − 1) = 1 − P(Bin ≥ k): smallest k with P(Bin ≥ k) ≤ alpha.
  const { upper } = binomialCumulative(n, q);
  for (let k = 1; k <= n; k++) {
    if (upper[k]! <= alpha) return { value: s[k - 1]!, rank: k, coverage: 1 - upper[k]!, minSamples };
  }
  return { value: null, rank: null, coverage: null, minSamples };
}

function lowerFromSorted(s: Float64Array, q: number, alpha: number): QuantileBound {
  const n = s.length;
  const minSamples = minSamplesForQuantileBound(q, alpha, 'lower');
  if (n === 0) return { value: null, rank: null, coverage: null, minSamples };
  // P(X_(k) ≤ ξ_q) ≥ P(Bin(n, q) ≥ k) = 1 − P(Bin ≤ k − 1): largest k with P(Bin ≤ k − 1) ≤ alpha.
  const { lower } = binomialCumulative(n, q);
  for (let k = n; k >= 1; k--) {
    if (lower[k - 1]! <= alpha) return { value: s[k - 1]!, rank: k, coverage: 1 - lower[k - 1]!, minSamples };
  }
  return { value: null, rank: null, coverage: null, minSamples };
}

/**
 * One-sided distribution-free UPPER confidence bound on the q-quantile ξ_q from i.i.d. values: the
 * smallest order statistic X_(k) with P(X_(k) ≥ ξ_q) ≥ 1 − alpha, i.e. Binomial(n, q) CDF(k−1) ≥
 * 1 − alpha. Exact for a continuous law; conservative otherwise (ties, atoms: #{X < ξ_q} is
 * binomial with success probability ≤ q). value null when even X_(n) does not suffice (qⁿ > alpha).
 *
 * @example quantileUpperBound([...Array(100).keys()].map((i) => i + 1), 0.9, 0.05) // value 96, rank 96
 * @throws Error on q ∉ (0, 1), alpha ∉ (0, 1) or a NaN value.
 */
export function quantileUpperBound(values: ArrayLike<number>, q: number, alpha: number): QuantileBound {
  checkQ('quantileUpperBound', q);
  checkOpenProbability('quantileUpperBound', 'alpha', alpha);
  return upperFromSorted(sortedCopy(values, 'quantileUpperBound'), q, alpha);
}

/**
 * One-sided distribution-free LOWER confidence bound on ξ_q: the largest order statistic X_(k) with
 * P(X_(k) ≤ ξ_q) ≥ 1 − alpha, i.e. P(Binomial(n, q) ≥ k) ≥ 1 − alpha. value null when even X_(1)
 * does not suffice ((1−q)ⁿ > alpha).
 *
 * @example quantileLowerBound([...Array(100).keys()].map((i) => i + 1), 0.9, 0.05) // value 85, rank 85
 */
export function quantileLowerBound(values: ArrayLike<number>, q: number, alpha: number): QuantileBound {
  checkQ('quantileLowerBound', q);
  checkOpenProbability('quantileLowerBound', 'alpha', alpha);
  return lowerFromSorted(sortedCopy(values, 'quantileLowerBound'), q, alpha);
}

/**
 * Two-sided distribution-free confidence interval for the q-quantile from order statistics
 * (binomial; no distributional assumption): [X_(l), X_(u)] with X_(l) the one-sided lower bound
 * and X_(u) the one-sided upper bound, each at tail (1 − confidence)/2, so coverage ≥ confidence
 * (exactly the sum of the two tails' guarantees for a continuous law). Values need not be sorted.
 * An end is null when n is too small to bound that side (see minSamplesLower/minSamplesUpper).
 *
 * @example quantileConfidenceInterval([...Array(100).keys()].map((i) => i + 1), 0.5, 0.95)
 * // estimate 50.5, lower 40 (rank 40), upper 61 (rank 61)  — the classical median interval
 * @throws Error on q ∉ (0, 1), confidence ∉ (0, 1), no values, or a NaN value.
 */
export function quantileConfidenceInterval(values: ArrayLike<number>, q: number, confidence = 0.95): QuantileConfidenceInterval {
  checkQ(API, q);
  checkOpenProbability(API, 'confidence', confidence);
  const s = sortedCopy(values, API);
  const n = s.length;
  if (n === 0) throw new Error(`${API}: no values`);
  const tail = (1 - confidence) / 2;
  const lo = lowerFromSorted(s, q, tail);
  const hi = upperFromSorted(s, q, tail);
  const h = (n - 1) * q;
  const f = Math.floor(h);
  const estimate = h > f && f + 1 < n ? s[f]! + (h - f) * (s[f + 1]! - s[f]!) : s[f]!;
  return {
    n,
    q,
    confidence,
    estimate,
    lower: lo.value,
    upper: hi.value,
    lowerRank: lo.rank,
    upperRank: hi.rank,
    minSamplesLower: lo.minSamples,
    minSamplesUpper: hi.minSamples,
  };
}
