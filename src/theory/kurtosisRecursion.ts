import type { Field } from '../algebra/field.ts';
import { matVec } from './matrix.ts';
import { transitionMatrix } from './transitionMatrix.ts';

export interface KurtosisRecursionParameters<T> {
  /** (w_0, …, w_{d−1}): width of each layer feeding a weight matrix; the depth d is its length. */
  readonly widths: readonly number[];
  readonly slope: T;
  readonly weightKurtosis: T;
  readonly variance: T;
  /** κ_0: kurtosis of the input He random vector's entries. */
  readonly kappa0: T;
  /** c_0 = Cov[x_i², x_j²] of the input (raw, not divided by σ⁴). */
  readonly c0: T;
}

/**
 * Proposition 3's recursion k^(l+1) = A^(l) k^(l), k = [κ, c, 1], for any width sequence.
 * Returns d + 1 layers, layer 0 being the input.
 *
 * @example propagateKurtosis(numberField, { widths: [2], slope: 0, weightKurtosis: 3, variance: 1, kappa0: 3, c0: 0 })
 * // [{ kappa: 3, c: 0 }, { kappa: 10.5, c: 2.5 }]
 */
export function propagateKurtosis<T>(F: Field<T>, p: KurtosisRecursionParameters<T>): { kappa: T; c: T }[] {
  const layers = [{ kappa: p.kappa0, c: p.c0 }];
  let k: T[] = [p.kappa0, p.c0, F.of(1)];
  for (const width of p.widths) {
    k = matVec(F, transitionMatrix(F, { slope: p.slope, width, weightKurtosis: p.weightKurtosis, variance: p.variance }), k);
    layers.push({ kappa: k[0]!, c: k[1]! });
  }
  return layers;
}
