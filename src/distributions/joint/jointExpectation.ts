import { Fraction } from 'fraction.js';
import type { JointDiscrete } from './types.ts';

/**
 * Exact E[f(x, y)] = Σ p·f(x, y) over the atoms of a finite joint law.
 *
 * @example jointExpectation(lemma2Counterexample(), (x, y) => x.mul(y)).toFraction() // '0'
 */
export function jointExpectation(J: JointDiscrete, f: (x: Fraction, y: Fraction) => Fraction): Fraction {
  let acc = new Fraction(0);
  for (const a of J.atoms) acc = acc.add(a.p.mul(f(a.x, a.y)));
  return acc;
}
