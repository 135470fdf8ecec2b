import type { Fraction } from 'fraction.js';
import { entryMoments } from './entryMoments.ts';
import type { VectorDistribution } from './vectorDistribution.ts';

/**
 * (σ², κ, c/σ⁴) of entries 1 and 2 of a finite vector law, exactly: σ² = E[x₁²], κ = E[x₁⁴]/σ⁴,
 * c/σ⁴ = E[x₁²x₂²]/σ⁴ − 1 (zero-mean entries). Kurtosis and c/σ⁴ do not depend on the scale of
 * the vector, which is why the exact network checks may leave the He scale out.
 *
 * @example normalizedStatistics(pairToVector(lemma2Counterexample())) // { variance: 8/5, kappa: 25/16, cOverSigma4: 9/16 }
 */
export function normalizedStatistics(d: VectorDistribution): { variance: Fraction; kappa: Fraction; cOverSigma4: Fraction } {
  const m = entryMoments(d);
  const variance = m.second[0]!;
  const s4 = variance.pow(2);
  return { variance, kappa: m.fourth[0]!.div(s4), cOverSigma4: m.crossSquares[0]!.div(s4).sub(1) };
}
