import type { Field } from '../algebra/field.ts';

/**
 * Lemma 1: for zero-mean symmetric x with Var[x] = σ² and raw kurtosis κ = E[x⁴]/σ⁴,
 * E[φ_a⁴(x)] = (a⁴ + 1)/2 · σ⁴ · κ.
 *
 * @example leakyReluFourthMoment(numberField, { slope: 0, variance: 1, kurtosis: 3 }) // 1.5
 */
export function leakyReluFourthMoment<T>(F: Field<T>, p: { slope: T; variance: T; kurtosis: T }): T {
  const a2 = F.mul(p.slope, p.slope);
  const a4 = F.mul(a2, a2);
  const s4 = F.mul(p.variance, p.variance);
  return F.div(F.mul(F.mul(F.add(a4, F.of(1)), s4), p.kurtosis), F.of(2));
}
