/**
 * Tolerances of the fused engine's comparisons with tfjs (float32 on both sides, different
 * summation orders). A gradient tensor g (tfjs: g_ref) passes when
 *   ‖g − g_ref‖₂ ≤ GRADIENT_RELATIVE · (‖g_ref‖₂ + GRADIENT_FLOOR · ‖all gradients_ref‖₂).
 * GRADIENT_RELATIVE = 1e-4: float32's unit roundoff 2⁻²⁴ ≈ 6e-8, times ≤ 20 terms per dot
 * product (the generated widths and batches), times 2L ≤ 12 products between the loss and the
 * first layer, times a safety factor of 5 ≈ 7e-5 — rounded up to 1e-4. The floor: rounding
 * error scales with the sum of the |terms| of each entry, not with the entry, so a tensor whose
 * exact gradient cancels to 0 (found by the generator: widths [1, 1, 2] with equal output rows,
 * softmax exactly ½, dW_1 = Σ ±½·√2·x = 0 exactly, tfjs's float32 value 2.5e-8) carries noise of
 * the order of the other gradients' rounding; 5% of the whole gradient's norm stands in for that
 * sum of terms. Scaling one weight matrix by 1 + 1e-3, or the slope by +0.01, still breaks it (the
 * tests' teeth).
 * LOSS_RELATIVE = 1e-5: a mean of ≤ 20 log-sum-exps in float32 against float64 (one rounding per
 * logit, ≈ 1e-7 each, with margin).
 */
export const GRADIENT_RELATIVE = 1e-4;
export const GRADIENT_FLOOR = 0.05;
export const LOSS_RELATIVE = 1e-5;

const norm = (x: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s);
};

/** The gradient tensors outside the tolerance, with their error and bound: [] when they agree. */
export function gradientMismatches(got: readonly ArrayLike<number>[], want: readonly ArrayLike<number>[]): { index: number; error: number; bound: number }[] {
  if (got.length !== want.length) throw new Error(`gradientMismatches: ${got.length} tensors against ${want.length}`);
  const total = Math.sqrt(want.reduce((s, w) => s + norm(w) ** 2, 0));
  const bad: { index: number; error: number; bound: number }[] = [];
  got.forEach((g, index) => {
    const w = want[index]!;
    if (g.length !== w.length) throw new Error(`gradientMismatches: tensor ${index} has ${g.length} entries against ${w.length}`);
    const diff = Array.from(g, (x, i) => x - w[i]!);
    const error = norm(diff);
    const bound = GRADIENT_RELATIVE * (norm(w) + GRADIENT_FLOOR * total);
    if (!(error <= bound)) bad.push({ index, error, bound });
  });
  return bad;
}
