/**
 * Upper tail P(X ≥ k) of X ~ Binomial(n, p), summed term by term in log space: log pmf(0) =
 * n·log1p(−p), log pmf(j+1) = log pmf(j) + log((n−j)/(j+1)) + log(p/(1−p)), then a log-sum-exp
 * over j = k … n. O(n) and free of under/overflow for any n a test suite meets (n ≤ 1e7). Used as
 * an independent check of the Clopper–Pearson bounds (which come from beta quantiles) and for the
 * audit's p-value.
 *
 * @example binomialUpperTail(1, 10, 0.5) // 0.9990234375  (= 1 − 2⁻¹⁰)
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logs = new Float64Array(n + 1);
  const logOdds = Math.log(p) - Math.log1p(-p);
  logs[0] = n * Math.log1p(-p);
  for (let j = 0; j < n; j++) logs[j + 1] = logs[j] + Math.log((n - j) / (j + 1)) + logOdds;
  let max = -Infinity;
  for (let j = k; j <= n; j++) if (logs[j] > max) max = logs[j];
  let s = 0;
  for (let j = k; j <= n; j++) s += Math.exp(logs[j] - max);
  return Math.min(1, Math.exp(max) * s);
}

/** Lower tail P(X ≤ k) = 1 − P(X ≥ k + 1), computed as its own sum to keep small values accurate. */
export function binomialLowerTail(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  // X ≤ k  ⇔  n − X ≥ n − k, and n − X ~ Binomial(n, 1 − p).
  return binomialUpperTail(n - k, n, 1 - p);
}
