import { Fraction } from 'fraction.js';
import { rationalField } from '../algebra/field.ts';
import { leakyRelu } from '../theory/leakyRelu.ts';
import type { ScalarAtoms, VectorDistribution } from './vectorDistribution.ts';

/**
 * Exact moments of the next layer's units y_i = Σ_k R_ik φ_a(x_k) without building the whole
 * next-layer law: enumerates one row of R (|support|^w_in configurations) for every input atom,
 * and uses only that distinct rows are independent given x:
 *   m2 = E[y_i²], m4 = E[y_i⁴], m22 = E[y_i² y_j²] = E_x[(E_R[(R·φ(x))²])²]  (i ≠ j).
 *
 * @example oneUnitMoments(input, { weights: rademacherAtoms, slope: q(0) }).m4
 */
export function oneUnitMoments(
  input: VectorDistribution,
  p: { weights: ScalarAtoms; slope: Fraction },
): { m2: Fraction; m4: Fraction; m22: Fraction } {
  const w = input.atoms[0]!.x.length;
  const support = p.weights.length;
  const total = support ** w;
  let m2 = new Fraction(0);
  let m4 = new Fraction(0);
  let m22 = new Fraction(0);
  for (const atom of input.atoms) {
    const phi = atom.x.map((v) => leakyRelu(rationalField, v, p.slope));
    let cond2 = new Fraction(0);
    let cond4 = new Fraction(0);
    for (let code = 0; code < total; code++) {
      let c = code;
      let prob = new Fraction(1);
      let s = new Fraction(0);
      for (let k = 0; k < w; k++) {
        const wk = p.weights[c % support]!;
        c = Math.floor(c / support);
        prob = prob.mul(wk.probability);
        s = s.add(wk.value.mul(phi[k]!));
      }
      const s2 = s.mul(s);
      cond2 = cond2.add(prob.mul(s2));
      cond4 = cond4.add(prob.mul(s2.mul(s2)));
    }
    m2 = m2.add(atom.p.mul(cond2));
    m4 = m4.add(atom.p.mul(cond4));
    m22 = m22.add(atom.p.mul(cond2.mul(cond2)));
  }
  return { m2, m4, m22 };
}
