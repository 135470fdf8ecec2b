import type { Field } from '../algebra/field.ts';

/**
 * Lemma 6: for zero-mean symmetric x with Var[x] = σ², E[φ_a²(x)] = (a² + 1)/2 · σ².
 *
 * @example leakyReluSecondMoment(numberField, { slope: 0, variance: 2 }) // 1
 */
export function leakyReluSecondMoment<T>(F: Field<T>, p: { slope: T; variance: T }): T {
  const a2 = F.mul(p.slope, p.slope);
  return F.div(F.mul(F.add(a2, F.of(1)), p.variance), F.of(2));
}
