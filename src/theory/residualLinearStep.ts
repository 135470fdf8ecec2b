import type { Field } from '../algebra/field.ts';

/** Raw moments of one layer of an exchangeable random vector y: E[y_i²], E[y_i⁴], E[y_i²y_j²] (i ≠ j). */
export interface RawMoments<T> {
  readonly m2: T;
  readonly m4: T;
  readonly m22: T;
}

export interface ResidualLinearStepParameters<T> {
  /** Width w of the block (y ∈ ℝ^w). */
  readonly width: number;
  /** α², the square of the branch scale (only α² enters; rational for α = 1/√L). */
  readonly alphaSquared: T;
  /** Variance v of the i.i.d. symmetric weight entries (He for the identity: v = 1/w). */
  readonly weightVariance: T;
  /** Kurtosis κ_w = E[W⁴]/v² of the weight entries. */
  readonly weightKurtosis: T;
}

/**
 * One linear residual block y' = y + α·W·y, W ∈ ℝ^{w×w} with i.i.d. zero-mean symmetric entries
 * (variance v, kurtosis κ_w) independent of y, whose entries have equal E[y_i²] = m2,
 * E[y_i⁴] = m4 and E[y_i²y_j²] = m22 for every pair (true for i.i.d. inputs, and preserved,
 * since W's law is invariant under simultaneous permutations). With z = W·y (S = m4 + (w−1)m22):
 * E[y_i z_i] = E[y_i³z_i] = E[y_i z_i³] = 0 (odd in row i), E[z_i²] = v·w·m2, E[y_i²z_i²] = v·S,
 * E[z_i⁴] = v²(κ_w w m4 + 3w(w−1)m22), E[z_i²z_k²] = v²·w·S, E[z_i² y_k²] = v·S, so
 *   m2'  = m2 (1 + α² v w),
 *   m4'  = m4 + 6α² v S + α⁴ v² (κ_w w m4 + 3 w(w−1) m22),
 *   m22' = m22 + 2α² v S + α⁴ v² w S.
 * Derived by the suite (the paper has no residual recursion); verified by exact enumeration.
 * As α → ∞ (branch only) it becomes Proposition 3 at a = 1; α = 0 is the identity.
 *
 * @example residualLinearStep(numberField, { m2: 1, m4: 3, m22: 1 }, { width: 2, alphaSquared: 1, weightVariance: 0.5, weightKurtosis: 3 })
 * // { m2: 2, m4: 21, m22: 7 }  (S = 4: m4 = 3 + 12 + 0.25·(2·3·3 + 3·2·1·1))
 */
export function residualLinearStep<T>(F: Field<T>, y: RawMoments<T>, p: ResidualLinearStepParameters<T>): RawMoments<T> {
  const w = F.of(p.width);
  const a2 = p.alphaSquared;
  const a4 = F.mul(a2, a2);
  const v = p.weightVariance;
  const v2 = F.mul(v, v);
  const S = F.add(y.m4, F.mul(F.of(p.width - 1), y.m22));
  const m2 = F.mul(y.m2, F.add(F.of(1), F.mul(a2, F.mul(v, w))));
  const z4 = F.add(F.mul(F.mul(p.weightKurtosis, w), y.m4), F.mul(F.of(3 * p.width * (p.width - 1)), y.m22));
  const m4 = F.add(F.add(y.m4, F.mul(F.mul(F.of(6), a2), F.mul(v, S))), F.mul(a4, F.mul(v2, z4)));
  const m22 = F.add(F.add(y.m22, F.mul(F.mul(F.of(2), a2), F.mul(v, S))), F.mul(a4, F.mul(v2, F.mul(w, S))));
  return { m2, m4, m22 };
}
