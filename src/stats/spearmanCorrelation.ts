import tCdf from '@stdlib/stats-base-dists-t-cdf';

const API = 'spearmanCorrelation';

/** The record returned by {@link spearmanCorrelation}. */
export interface SpearmanResult {
  /** Spearman's rho (Pearson correlation of the average ranks); null when one variable is constant. */
  readonly rho: number | null;
  readonly n: number;
  /** t = rho·√((n−2)/(1−rho²)), ±Infinity at |rho| = 1; null with rho. */
  readonly t: number | null;
  /** Degrees of freedom n − 2 of the t reference. */
  readonly df: number;
  /** Two-sided p-value 2·min(pValueLess, pValueGreater), capped at 1 (1 when rho is null). */
  readonly pValue: number;
  /** One-sided p-value for H1: rho < 0, P(T ≤ t). */
  readonly pValueLess: number;
  /** One-sided p-value for H1: rho > 0, P(T ≥ t). */
  readonly pValueGreater: number;
}

/** Average ranks (1-based) of the values; tied values share the mean of their ranks. */
function averageRanks(v: ArrayLike<number>): Float64Array {
  const n = v.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((i, j) => (v[i]! < v[j]! ? -1 : v[i]! > v[j]! ? 1 : 0));
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && v[idx[j + 1]!] === v[idx[i]!]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[idx[k]!] = r;
    i = j + 1;
  }
  return ranks;
}

/**
 * Spearman's rank correlation of paired samples with its t-approximation p-values (R's
 * `cor.test(x, y, method = "spearman", exact = FALSE)` statistic, SciPy's `spearmanr`).
 * Convention: ties get average ranks; rho is the Pearson correlation of the ranks;
 * t = rho·√((n−2)/(1−rho²)) is referred to Student-t with n − 2 df. ±Infinity are valid values
 * (ranked as the largest/smallest; equal infinities tie); NaN is rejected. When either variable is
 * constant rho is undefined: rho and t are null and every p-value is 1 (no evidence either way).
 * The t reference is an approximation (exact for bivariate normal Pearson, close for ranks
 * once n ≳ 10).
 *
 * @example spearmanCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])
 * // rho 0.8207826816681233, t 2.4868, df 3, pValue 0.0885870, pValueGreater 0.0442935
 * @throws Error when the lengths differ, n < 3, or a value is NaN.
 */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): SpearmanResult {
  const n = x.length;
  if (y.length !== n) throw new Error(`${API}: x and y must have the same length, got ${n} and ${y.length}`);
  if (n < 3) throw new Error(`${API}: needs at least 3 pairs, got ${n}`);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) throw new Error(`${API}: NaN at index ${i}`);
  }
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = rx[i]! - mean;
    const b = ry[i]! - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  const df = n - 2;
  if (sxx === 0 || syy === 0) return { rho: null, n, t: null, df, pValue: 1, pValueLess: 1, pValueGreater: 1 };
  const rho = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  const t = rho === 1 ? Infinity : rho === -1 ? -Infinity : rho * Math.sqrt(df / (1 - rho * rho));
  const pValueLess = tCdf(t, df);
  const pValueGreater = tCdf(-t, df);
  return { rho, n, t, df, pValue: Math.min(1, 2 * Math.min(pValueLess, pValueGreater)), pValueLess, pValueGreater };
}
