import type { Field } from '../algebra/field.ts';
import type { Matrix } from './matrix.ts';
import { transitionMatrix, type TransitionParameters } from './transitionMatrix.ts';

/**
 * Lemma 4's A₋^(l): Proposition 3's A^(l) with row 3 and column 3 removed.
 *
 * @example reducedTransitionMatrix(numberField, { slope: 0, width: 2, weightKurtosis: 3, variance: 1 }) // [[3, 1.5], [1, 0.5]]
 */
export function reducedTransitionMatrix<T>(F: Field<T>, p: TransitionParameters<T>): Matrix<T> {
  const A = transitionMatrix(F, p);
  return [A[0]!.slice(0, 2), A[1]!.slice(0, 2)];
}
