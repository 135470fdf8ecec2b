import { numberField } from '../algebra/field.ts';
import { eigenvalues2x2 } from './eigenvalues2x2.ts';
import { reducedTransitionMatrix } from './reducedTransitionMatrix.ts';
import type { TransitionParameters } from './transitionMatrix.ts';

/**
 * Spectral radius of Proposition 3's A^(l): its eigenvalues are those of A₋ and 1, so
 * ρ(A) = max(|λ_max(A₋)|, |λ_min(A₋)|, 1).
 *
 * @example spectralRadius({ slope: 0, width: 2, weightKurtosis: 3, variance: 1 }) // 3.5
 */
export function spectralRadius(p: TransitionParameters<number>): number {
  const M = reducedTransitionMatrix(numberField, p);
  const trace = M[0]![0]! + M[1]![1]!;
  const determinant = M[0]![0]! * M[1]![1]! - M[0]![1]! * M[1]![0]!;
  const { max, min } = eigenvalues2x2({ trace, determinant });
  return Math.max(Math.abs(max), Math.abs(min), 1);
}
