/**
 * Upper tail P(X ≥ k) of X ~ Binomial(n, p), without special functions: pmf ratios
 * t_{j+1}/t_j = ((n−j)/(j+1))·(p/(1−p)) in linear space, started at 1 at the mode and run outward
 * both ways (terms underflow to 0 far out, harmlessly), then P(X ≥ k) = Σ_{j≥k} t_j / Σ_j t_j.
 * Errors accumulate only over the steps from the mode (≈ 1e-12 relative at n = 10⁶, where a
 * log-space recursion from j = 0 loses 1e-8). O(n). Used as an independent check of the
 * Clopper–Pearson bounds (which come from beta quantiles) and for the audit's p-value.
 *
 * @example binomialUpperTail(1, 10, 0.5) // 0.9990234375  (= 1 − 2⁻¹⁰)
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const r = p / (1 - p);
  const mode = Math.min(n, Math.max(0, Math.floor((n + 1) * p)));
  const t = new Float64Array(n + 1);
  t[mode] = 1;
  for (let j = mode; j < n; j++) t[j + 1] = t[j] * ((n - j) / (j + 1)) * r;
  for (let j = mode; j > 0; j--) t[j - 1] = (t[j] * (j / (n - j + 1))) / r;
  let total = 0;
  let tail = 0;
  for (let j = 0; j <= n; j++) total += t[j];
  for (let j = n; j >= k; j--) tail += t[j]; // smallest terms first
  return Math.min(1, tail / total);
}

/** Lower tail P(X ≤ k), as the upper tail of n − X ~ Binomial(n, 1 − p) (no 1 − x cancellation). */
export function binomialLowerTail(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return binomialUpperTail(n - k, n, 1 - p);
}
