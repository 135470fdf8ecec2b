import type { Field } from '../algebra/field.ts';
import type { TransitionParameters } from './transitionMatrix.ts';

/**
 * Lemma 4's closed forms, as the paper writes them:
 *   tr(A₋) = 2(a⁴+1)κ_w / (w(a²+1)²) − 1/w + 1,
 *   det(A₋) = 2(a⁴+1)(w−1)(κ_w−3) / (w²(a²+1)²).
 * (σ² does not appear: it cancels.)
 *
 * @example reducedTraceAndDeterminant(numberField, { slope: 0, width: 2, weightKurtosis: 3, variance: 1 }) // { trace: 3.5, determinant: 0 }
 */
export function reducedTraceAndDeterminant<T>(
  F: Field<T>,
  p: TransitionParameters<T>,
): { trace: T; determinant: T } {
  const w = F.of(p.width);
  const a2 = F.mul(p.slope, p.slope);
  const a4p1 = F.add(F.mul(a2, a2), F.of(1));
  const a2p1sq = F.mul(F.add(a2, F.of(1)), F.add(a2, F.of(1)));
  const trace = F.add(
    F.sub(F.div(F.mul(F.mul(F.of(2), a4p1), p.weightKurtosis), F.mul(w, a2p1sq)), F.div(F.of(1), w)),
    F.of(1),
  );
  const determinant = F.div(
    F.mul(F.mul(F.mul(F.of(2), a4p1), F.of(p.width - 1)), F.sub(p.weightKurtosis, F.of(3))),
    F.mul(F.mul(w, w), a2p1sq),
  );
  return { trace, determinant };
}
