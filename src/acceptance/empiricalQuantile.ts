/**
 * The q-quantile of sorted values by linear interpolation between order statistics (R's type 7,
 * NumPy's default — what `torch.quantile` computes for the authors' Figure 2).
 *
 * @example empiricalQuantile([1, 2, 3, 4], 0.5) // 2.5
 * @throws Error when `sorted` is empty or q is outside [0, 1].
 */
export function empiricalQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('empiricalQuantile: no values');
  if (!(q >= 0 && q <= 1)) throw new Error(`empiricalQuantile: q must be in [0, 1], got ${String(q)}`);
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
