/** Spread of B batch estimates: what a batch-means standard error needs. */
export interface BatchSpread {
  /** sd/√B with the (B − 1) sample sd; null when B < 2 or an estimate is not finite. */
  readonly stderr: number | null;
  /** B − 1, or null with stderr. */
  readonly df: number | null;
  /**
   * Adjusted Fisher–Pearson skewness G₁ = B/((B−1)(B−2)) · Σ(x−x̄)³/s³ (the convention of
   * simple-statistics' sampleSkewness and of Excel's SKEW); null when B < 3 or s = 0.
   */
  readonly skewness: number | null;
}

/**
 * Two-pass mean, sd and skewness of batch estimates x[0 … B−1].
 *
 * @example batchSpread([1, 2, 3, 10]) // { stderr: 2.0412…, df: 3, skewness: 1.7…}
 */
export function batchSpread(x: ArrayLike<number>): BatchSpread {
  const b = x.length;
  for (let i = 0; i < b; i++) if (!Number.isFinite(x[i])) return { stderr: null, df: null, skewness: null };
  if (b < 2) return { stderr: null, df: null, skewness: null };
  let mean = 0;
  for (let i = 0; i < b; i++) mean += x[i];
  mean /= b;
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < b; i++) {
    const d = x[i] - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  const sd = Math.sqrt(m2 / (b - 1));
  const skewness = b >= 3 && sd > 0 ? (b * m3) / ((b - 1) * (b - 2) * sd * sd * sd) : null;
  return { stderr: sd / Math.sqrt(b), df: b - 1, skewness: skewness !== null && Number.isFinite(skewness) ? skewness : null };
}
