import type { Field } from '../algebra/field.ts';
import { matMul, type Matrix } from './matrix.ts';
import { transitionMatrix } from './transitionMatrix.ts';

/**
 * B = ∏_{l=0}^{d} A^(d−l) = A^(d) ⋯ A^(1) A^(0) (Proposition 3, Lemma 3): the matrix taking
 * k^(0) to k^(d+1). `widths[l]` is the width used by A^(l).
 *
 * @example transitionProduct(numberField, { widths: [2, 2], slope: 0, weightKurtosis: 3, variance: 1 })[0][0] // 10.5
 */
export function transitionProduct<T>(
  F: Field<T>,
  p: { widths: readonly number[]; slope: T; weightKurtosis: T; variance: T },
): Matrix<T> {
  if (p.widths.length === 0) throw new Error('transitionProduct: widths must not be empty');
  let B: Matrix<T> | undefined;
  for (const width of p.widths) {
    const A = transitionMatrix(F, { slope: p.slope, width, weightKurtosis: p.weightKurtosis, variance: p.variance });
    B = B === undefined ? A : matMul(F, A, B);
  }
  return B!;
}
