import type { Field } from '../algebra/field.ts';

/**
 * E[φ_a²(x) φ_a²(y)] from the quadrant moments Q_st = E[x²y²; sign x = s, sign y = t]
 * (zeros of x or y contribute nothing): Q₊₊ + a²(Q₊₋ + Q₋₊) + a⁴ Q₋₋.
 * It equals Lemma 2's (a²+1)²/4 · E[x²y²] iff (1 − a²)² weighted quadrant imbalance vanishes;
 * under central symmetry (Q₊₊ = Q₋₋, Q₊₋ = Q₋₊) the gap is (1 − a²)²/2 · (Q₊₊ − Q₊₋).
 *
 * @example leakyReluCrossMomentGeneral(numberField, { slope: 0, qPP: 0.4, qPM: 1.6, qMP: 1.6, qMM: 0.4 }) // 0.4
 */
export function leakyReluCrossMomentGeneral<T>(
  F: Field<T>,
  p: { slope: T; qPP: T; qPM: T; qMP: T; qMM: T },
): T {
  const a2 = F.mul(p.slope, p.slope);
  return F.add(F.add(p.qPP, F.mul(a2, F.add(p.qPM, p.qMP))), F.mul(F.mul(a2, a2), p.qMM));
}
