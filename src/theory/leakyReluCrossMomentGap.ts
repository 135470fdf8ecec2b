import type { Field } from '../algebra/field.ts';

/**
 * Lemma 2's gap for ANY joint law: E[φ_a²(x)φ_a²(y)] − (a²+1)²/4 · E[x²y²]
 *   = (1−a²)²/4 · (Q₊₊ + Q₋₋ − Q₊₋ − Q₋₊) + (1−a⁴)/2 · (Q₊₊ − Q₋₋),
 * Q_st = E[x²y²; sign x = s, sign y = t]. Derivation: φ_a²(x) = x² on x > 0 and a²x² on x < 0, so
 * E[φ²φ²] = Q₊₊ + a²(Q₊₋ + Q₋₊) + a⁴Q₋₋; write Q₊₊, Q₋₋, Q₊₋ + Q₋₊ through T = ΣQ (= σ⁴ + c when x, y
 * are identically distributed), D₂ = Q₊₊ + Q₋₋ − Q₊₋ − Q₋₊ and D₁ = Q₊₊ − Q₋₋:
 * Q₊₊ = T/4 + D₂/4 + D₁/2, Q₋₋ = T/4 + D₂/4 − D₁/2, Q₊₋ + Q₋₊ = T/2 − D₂/2. Zero for every a iff
 * Q₊₊ = Q₋₋ = (Q₊₋ + Q₋₊)/2 (e.g. both sign flips (x, y) =ᵈ (−x, y) =ᵈ (x, −y)); under central
 * symmetry D₁ = 0 and the gap is (1−a²)²/2 · (Q₊₊ − Q₊₋).
 *
 * @example leakyReluCrossMomentGap(numberField, { slope: 0, qPP: 0.4, qPM: 1.6, qMP: 1.6, qMM: 0.4 }) // −0.6
 */
export function leakyReluCrossMomentGap<T>(F: Field<T>, p: { slope: T; qPP: T; qPM: T; qMP: T; qMM: T }): T {
  const a2 = F.mul(p.slope, p.slope);
  const one = F.of(1);
  const oneMinusA2 = F.sub(one, a2);
  const d2 = F.sub(F.add(p.qPP, p.qMM), F.add(p.qPM, p.qMP));
  const d1 = F.sub(p.qPP, p.qMM);
  const quarter = F.div(one, F.of(4));
  const half = F.div(one, F.of(2));
  return F.add(F.mul(F.mul(quarter, F.mul(oneMinusA2, oneMinusA2)), d2), F.mul(F.mul(half, F.sub(one, F.mul(a2, a2))), d1));
}
