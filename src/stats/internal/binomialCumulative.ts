/**
 * Both cumulative tails of X ~ Binomial(n, p) for every k at once, in O(n): `lower[k] = P(X ≤ k)`
 * and `upper[k] = P(X ≥ k)` (k = 0..n). Same construction as `binomialTail.ts` (pmf ratios in
 * linear space, started at 1 at the mode, normalised by the total), each tail summed from its own
 * end, smallest terms first, so a tail near 0 keeps its relative accuracy (no 1 − x cancellation).
 *
 * @example binomialCumulative(2, 0.5).lower // Float64Array [0.25, 0.75, 1]
 */
export function binomialCumulative(n: number, p: number): { readonly lower: Float64Array; readonly upper: Float64Array } {
  const lower = new Float64Array(n + 1);
  const upper = new Float64Array(n + 1);
  if (p <= 0 || p >= 1) {
    const atZero = p <= 0;
    for (let k = 0; k <= n; k++) {
      lower[k] = atZero ? 1 : k >= n ? 1 : 0;
      upper[k] = atZero ? (k === 0 ? 1 : 0) : 1;
    }
    return { lower, upper };
  }
  const r = p / (1 - p);
  const mode = Math.min(n, Math.max(0, Math.floor((n + 1) * p)));
  const t = new Float64Array(n + 1);
  t[mode] = 1;
  for (let j = mode; j < n; j++) t[j + 1] = t[j]! * ((n - j) / (j + 1)) * r;
  for (let j = mode; j > 0; j--) t[j - 1] = (t[j]! * (j / (n - j + 1))) / r;
  let total = 0;
  for (let j = 0; j <= n; j++) total += t[j]!;
  let acc = 0;
  for (let j = 0; j <= n; j++) lower[j] = Math.min(1, (acc += t[j]!) / total);
  acc = 0;
  for (let j = n; j >= 0; j--) upper[j] = Math.min(1, (acc += t[j]!) / total);
  return { lower, upper };
}
