import { Fraction } from 'fraction.js';
import { rationalField } from '../algebra/field.ts';
import { leakyReluCrossMomentGap } from '../theory/leakyReluCrossMomentGap.ts';
import { entryMoments } from './entryMoments.ts';
import { quadrantMoments } from './quadrantMoments.ts';
import type { VectorDistribution } from './vectorDistribution.ts';

/**
 * What Proposition 3's first step misses for an input He random vector x ∈ ℝ^w whose pairs are not
 * sign-flip symmetric: with G_jk Lemma 2's gap E[φ²(x_j)φ²(x_k)] − (a²+1)²/4·E[x_j²x_k²]
 * (`leakyReluCrossMomentGap`) and v = 2/(w(a²+1)) the He variance, E[y⁴] gains 6v²Σ_{j<k}G_jk and
 * E[y_i²y_l²] (i ≠ l) gains 2v²Σ_{j<k}G_jk, so the exact (κ₁, c₁/σ⁴) is A^(0)k^(0) plus
 * (κ, c) = 8/(w²(a²+1)²)·(ΣG/σ⁴)·(3, 1), σ² = E[x₁²]. `gapSum` is ΣG/σ⁴.
 *
 * @example firstStepCorrection(pairToVector(lemma2Counterexample()), q(0)) // { gapSum: −15/64, kappa: −45/32, c: −15/32 }
 */
export function firstStepCorrection(input: VectorDistribution, slope: Fraction): { gapSum: Fraction; kappa: Fraction; c: Fraction } {
  const w = input.atoms[0]!.x.length;
  let sum = new Fraction(0);
  for (let j = 0; j < w; j++)
    for (let k = j + 1; k < w; k++) {
      const q = quadrantMoments(input.atoms.map((a) => ({ x: a.x[j]!, y: a.x[k]!, p: a.p })));
      sum = sum.add(leakyReluCrossMomentGap(rationalField, { slope, ...q }));
    }
  const gapSum = sum.div(entryMoments(input).second[0]!.pow(2));
  const scale = new Fraction(8).div(new Fraction(w * w).mul(slope.pow(2).add(1).pow(2))).mul(gapSum);
  return { gapSum, kappa: scale.mul(3), c: scale };
}
