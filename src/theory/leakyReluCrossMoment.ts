import type { Field } from '../algebra/field.ts';

/**
 * Lemma 2 (as the paper states it): E[φ_a²(x) φ_a²(y)] = (a² + 1)²/4 · (σ⁴ + c), where
 * c = Cov[x², y²]. The suite shows this needs more than the paper's hypotheses (see
 * `properties/lemma-2.prop.ts`); `leakyReluCrossMomentGeneral` gives the value that always holds.
 *
 * @example leakyReluCrossMoment(numberField, { slope: 0, variance: 1, covarianceOfSquares: 0 }) // 0.25
 */
export function leakyReluCrossMoment<T>(F: Field<T>, p: { slope: T; variance: T; covarianceOfSquares: T }): T {
  const b = F.add(F.mul(p.slope, p.slope), F.of(1));
  return F.div(F.mul(F.mul(b, b), F.add(F.mul(p.variance, p.variance), p.covarianceOfSquares)), F.of(4));
}
