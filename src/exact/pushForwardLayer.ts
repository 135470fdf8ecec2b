import { Fraction } from 'fraction.js';
import { leakyRelu } from '../theory/leakyRelu.ts';
import { rationalField } from '../algebra/field.ts';
import { mergeAtoms, type ScalarAtoms, type VectorDistribution } from './vectorDistribution.ts';

/**
 * Exact law of the next layer y = R φ_a(x) of the paper's network, R ∈ ℚ^{widthOut × w_in} with
 * i.i.d. entries of law `weights`, independent of x, by enumerating every weight configuration
 * (|support|^(widthOut·w_in) of them). The He scale s (W = s·R) is left out: kurtosis and c/σ⁴ do
 * not depend on it, and variances scale by s².
 *
 * @example pushForwardLayer(input, { weights: rademacherAtoms, widthOut: 2, slope: q(0) })
 */
export function pushForwardLayer(
  input: VectorDistribution,
  p: { weights: ScalarAtoms; widthOut: number; slope: Fraction },
): VectorDistribution {
  const widthIn = input.atoms[0]!.x.length;
  const entries = widthIn * p.widthOut;
  const support = p.weights.length;
  const total = support ** entries;
  if (total > 1e6) throw new Error(`pushForwardLayer: ${total} weight configurations is too many to enumerate`);
  const atoms: { x: Fraction[]; p: Fraction }[] = [];
  const activations = input.atoms.map((a) => a.x.map((v) => leakyRelu(rationalField, v, p.slope)));
  for (let code = 0; code < total; code++) {
    let c = code;
    let prob = new Fraction(1);
    const R: Fraction[] = [];
    for (let e = 0; e < entries; e++) {
      const w = p.weights[c % support]!;
      c = Math.floor(c / support);
      R.push(w.value);
      prob = prob.mul(w.probability);
    }
    input.atoms.forEach((a, ai) => {
      const phi = activations[ai]!;
      const y: Fraction[] = [];
      for (let i = 0; i < p.widthOut; i++) {
        let s = new Fraction(0);
        for (let k = 0; k < widthIn; k++) s = s.add(R[i * widthIn + k]!.mul(phi[k]!));
        y.push(s);
      }
      atoms.push({ x: y, p: prob.mul(a.p) });
    });
  }
  return mergeAtoms({ atoms });
}
