import { Fraction } from 'fraction.js';
import { mergeAtoms, type ScalarAtoms, type VectorDistribution } from './vectorDistribution.ts';

/**
 * Exact law of the linear residual block y' = y + α·R·y, R ∈ ℚ^{w×w} with i.i.d. entries of law
 * `weights` (used as they are: their variance is the block's v), independent of y, by
 * enumerating every weight configuration (|support|^(w²) of them).
 *
 * @example pushForwardResidualLinear(iidVector(rademacher, 2), { weights: rademacherAtoms, alpha: q(1, 2) })
 */
export function pushForwardResidualLinear(input: VectorDistribution, p: { weights: ScalarAtoms; alpha: Fraction }): VectorDistribution {
  const w = input.atoms[0]!.x.length;
  const entries = w * w;
  const support = p.weights.length;
  const total = support ** entries;
  if (total > 1e6) throw new Error(`pushForwardResidualLinear: ${total} weight configurations is too many to enumerate`);
  const atoms: { x: Fraction[]; p: Fraction }[] = [];
  for (let code = 0; code < total; code++) {
    let c = code;
    let prob = new Fraction(1);
    const R: Fraction[] = [];
    for (let e = 0; e < entries; e++) {
      const weight = p.weights[c % support]!;
      c = Math.floor(c / support);
      R.push(weight.value);
      prob = prob.mul(weight.probability);
    }
    for (const a of input.atoms) {
      const y: Fraction[] = [];
      for (let i = 0; i < w; i++) {
        let s = new Fraction(0);
        for (let k = 0; k < w; k++) s = s.add(R[i * w + k]!.mul(a.x[k]!));
        y.push(a.x[i]!.add(p.alpha.mul(s)));
      }
      atoms.push({ x: y, p: prob.mul(a.p) });
    }
  }
  return mergeAtoms({ atoms });
}
