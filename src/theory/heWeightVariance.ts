import type { Field } from '../algebra/field.ts';

/**
 * He-initialisation variance 2 / (n · (a² + 1)) for a weight matrix whose relevant dimension is n.
 * The paper's Proposition 1 writes n = w_l (the output width of W^(l) ∈ R^{w_l × w_{l−1}}); its
 * proofs and Proposition 3 use n = fan-in. The suite shows only fan-in preserves the variance when
 * widths vary (`properties/proposition-1.prop.ts`).
 *
 * @example heWeightVariance(numberField, { slope: 0, n: 4 }) // 0.5
 */
export function heWeightVariance<T>(F: Field<T>, p: { slope: T; n: number }): T {
  return F.div(F.of(2), F.mul(F.of(p.n), F.add(F.mul(p.slope, p.slope), F.of(1))));
}
